package com.caisschool.safeguarding.overview;

import com.caisschool.safeguarding.casefile.CaseOverview;
import com.caisschool.safeguarding.input.InputLimits;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The overview page, for the roles in safeguarding.duties.overview-readers: the cases first (only
 * for the roles in safeguarding.overview.case-readers, the CPO and the deputy), then every
 * {@link OverviewSection} (the standing duties).
 */
@Controller
class OverviewController {

  private final List<OverviewSection> sections;
  private final CaseOverview cases;
  private final Set<String> caseReaders;
  private final InputLimits limits;

  OverviewController(List<OverviewSection> sections, CaseOverview cases, OverviewProperties properties,
      InputLimits limits) {
    this.sections = sections.stream().sorted(Comparator.comparingInt(OverviewSection::order)).toList();
    this.cases = cases;
    this.caseReaders = Set.copyOf(properties.caseReaders());
    this.limits = limits;
  }

  @GetMapping("/overview")
  String overview(@RequestParam(required = false) String child, Model model, Authentication user) {
    if (readsCases(user)) {
      String search = child == null || child.isBlank() ? null : child.trim();
      if (search != null && search.length() > limits.maxNameLength()) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "The child searched for is longer than " + limits.maxNameLength() + " characters.");
      }
      model.addAttribute("cases", cases.of(user.getName(), search));
    }
    model.addAttribute("sections", sections.stream().map(section -> new Shown(section.title(), section.items())).toList());
    return "overview/overview";
  }

  private boolean readsCases(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> caseReaders.stream().anyMatch(role -> authority.equals("GROUP_" + role)));
  }

  record Shown(String title, List<OverviewItem> items) {}
}
