package com.caisschool.safeguarding.modelchange;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Moving running cases to another version (/models/migration), for administrators: the versions
 * with their running cases, the plan's check, and the move of the chosen cases. Cases are listed
 * by reference and where they wait, never with their facts.
 */
@Controller
@RequestMapping("/models/migration")
class MigrationPageController {

  private final CaseMigration migration;

  MigrationPageController(CaseMigration migration) {
    this.migration = migration;
  }

  @GetMapping
  String versions(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
      Model model) {
    model.addAttribute("versions", migration.versions());
    model.addAttribute("source", source);
    model.addAttribute("target", target);
    if (source != null && !source.isBlank()) {
      model.addAttribute("cases", migration.casesOn(source));
      if (target != null && !target.isBlank()) {
        model.addAttribute("problems", migration.check(source, target));
      }
    }
    return "models/migration";
  }

  @PostMapping
  String migrate(@RequestParam String source, @RequestParam String target,
      @RequestParam(name = "cases", required = false) List<String> cases, Authentication user) {
    migration.migrate(source, target, cases == null ? List.of() : cases, user.getName());
    return "redirect:/models/migration?source=" + target;
  }

  @ExceptionHandler(BadUserRequestException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String refused(BadUserRequestException refusal, Model model) {
    model.addAttribute("message", refusal.getMessage());
    return "models/refused";
  }
}
