package com.caisschool.safeguarding.cover;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cover page ({@code /cover}, roles of {@code safeguarding.cover.recorders}): today's and the
 * planned absences of the CPO and the deputy with who covers, a form to record one, and a button
 * to cancel one. A refused entry shows the page again with what to fix (status 400).
 */
@Controller
class CoverController {

  private final CoverRecording recording;
  private final Absences absences;
  private final CoverPlan plan;
  private final CoverProperties settings;

  CoverController(CoverRecording recording, Absences absences, CoverPlan plan, CoverProperties settings) {
    this.recording = recording;
    this.absences = absences;
    this.plan = plan;
    this.settings = settings;
  }

  @GetMapping("/cover")
  String page(Model model) {
    model.addAttribute("absences", absences.from(plan.today()));
    model.addAttribute("today", plan.today());
    model.addAttribute("absentChoices", recording.membersOf(settings.coveredRoles()));
    model.addAttribute("coverChoices", recording.membersOf(settings.coverGroups()));
    model.addAttribute("roles", settings.coveredRoles());
    model.addAttribute("fallbacks", settings.fallbacks());
    return "cover/cover";
  }

  @PostMapping("/cover")
  String record(@RequestParam(defaultValue = "") String absentUser, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String coverUser,
      Authentication user, Model model, HttpServletResponse response) {
    try {
      recording.record(absentUser, from, to, coverUser, user.getName());
      return "redirect:/cover";
    } catch (IllegalArgumentException refused) {
      return refused(refused, model, response);
    }
  }

  @PostMapping("/cover/{id}/cancel")
  String cancel(@PathVariable long id, Authentication user, Model model, HttpServletResponse response) {
    try {
      recording.cancel(id, user.getName());
      return "redirect:/cover";
    } catch (IllegalArgumentException refused) {
      return refused(refused, model, response);
    }
  }

  private String refused(IllegalArgumentException refused, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("refusal", refused.getMessage());
    return page(model);
  }
}
