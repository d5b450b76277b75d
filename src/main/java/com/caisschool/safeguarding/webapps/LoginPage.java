package com.caisschool.safeguarding.webapps;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The application's own log-in page: the product name, and before anything else where to go when a
 * child is in danger right now. The form posts to Spring Security's /login (with its CSRF token);
 * with a school provider configured, a button signs in through it.
 */
@Controller
class LoginPage {

  private final WebappProperties webapps;
  private final boolean schoolSignIn;

  /** The school's provider is configured exactly when its issuer is (as for the sign-in itself). */
  LoginPage(WebappProperties webapps, @Value("${safeguarding.sso.issuer-uri:}") String providerIssuer) {
    this.webapps = webapps;
    this.schoolSignIn = !providerIssuer.isBlank();
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("webapps", webapps);
    model.addAttribute("schoolSignIn", schoolSignIn);
    return "login";
  }
}
