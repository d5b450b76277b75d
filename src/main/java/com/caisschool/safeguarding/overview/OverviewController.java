package com.caisschool.safeguarding.overview;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview page: every {@link OverviewSection}, for the roles in safeguarding.duties.overview-readers. */
@Controller
class OverviewController {

  private final List<OverviewSection> sections;

  OverviewController(List<OverviewSection> sections) {
    this.sections = sections.stream().sorted(Comparator.comparingInt(OverviewSection::order)).toList();
  }

  @GetMapping("/overview")
  String overview(Model model) {
    model.addAttribute("sections", sections.stream().map(section -> new Shown(section.title(), section.items())).toList());
    return "overview/overview";
  }

  record Shown(String title, List<OverviewItem> items) {}
}
