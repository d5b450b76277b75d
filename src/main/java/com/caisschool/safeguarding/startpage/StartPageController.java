package com.caisschool.safeguarding.startpage;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.security.DutyPageReaders;
import com.caisschool.safeguarding.webapps.WebappProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page everyone lands on after signing in ({@code /start}): "Report a concern" first, with
 * only the processes the person may start and what each is for, then their own recent reports
 * with the case reference and who has been alerted, then the way to their work.
 */
@Controller
class StartPageController {

  private final StartPage startPage;
  private final WebappProperties webapps;
  private final DutyPageReaders dutyPages;
  private final SafeguardingProperties school;

  StartPageController(StartPage startPage, WebappProperties webapps, DutyPageReaders dutyPages,
      SafeguardingProperties school) {
    this.startPage = startPage;
    this.webapps = webapps;
    this.dutyPages = dutyPages;
    this.school = school;
  }

  @GetMapping("/start")
  String start(Model model, Authentication user) {
    model.addAttribute("startable", startPage.startable(user.getName()));
    model.addAttribute("ownReports", startPage.ownReports(user.getName(), school.schoolTimeZone()));
    model.addAttribute("emergencyNumbers", webapps.emergencyNumbers());
    model.addAttribute("inPersonContact", webapps.inPersonContact());
    model.addAttribute("readsOverview", user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> dutyPages.overviewReaders().stream().anyMatch(role -> authority.equals("GROUP_" + role))));
    return "start/start";
  }
}
