package com.caisschool.safeguarding.language;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Where a signed-in user chooses their language (README "Languages"). */
@Controller
class LanguagePage {

  private final UserLanguages languages;

  LanguagePage(UserLanguages languages) {
    this.languages = languages;
  }

  @GetMapping("/language")
  String show(Principal user, Model model) {
    model.addAttribute("languages", List.of(StaffLanguage.values()));
    model.addAttribute("current", languages.of(user.getName()));
    return "language";
  }

  @PostMapping("/language")
  String choose(Principal user, @RequestParam("language") String tag) {
    StaffLanguage language = StaffLanguage.of(tag).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.BAD_REQUEST, "Choose one of the languages offered."));
    languages.choose(user.getName(), language);
    return "redirect:/language?saved";
  }
}
