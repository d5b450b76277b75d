package com.caisschool.safeguarding.webapps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The application's own log-in page: the product name, and before anything else where to go when a
 * child is in danger right now. The form posts to Spring Security's /login (with its CSRF token).
 */
@Controller
class LoginPage {

  private final WebappProperties webapps;

  LoginPage(WebappProperties webapps) {
    this.webapps = webapps;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("webapps", webapps);
    return "login";
  }
}
