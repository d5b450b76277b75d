package com.caisschool.safeguarding.startpage;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.security.DutyPageReaders;
import com.caisschool.safeguarding.webapps.WebappProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The page everyone lands on after signing in ({@code /start}): "Report a concern" first, with
 * only the processes the person may start and what each is for, then their own recent reports
 * with the case reference and who has been alerted, then the way to their work.
 */
@Controller
class StartPageController {

  /** The engine's ids (UUIDs or numbers); anything else is no process instance. */
  private static final Pattern PROCESS_INSTANCE_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

  private final StartPage startPage;
  private final WebappProperties webapps;
  private final DutyPageReaders dutyPages;
  private final SafeguardingProperties school;
  private final AlertedRoles alertedRoles;
  private final MessageSource messages;

  StartPageController(StartPage startPage, WebappProperties webapps, DutyPageReaders dutyPages,
      SafeguardingProperties school, AlertedRoles alertedRoles, MessageSource messages) {
    this.alertedRoles = alertedRoles;
    this.messages = messages;
    this.startPage = startPage;
    this.webapps = webapps;
    this.dutyPages = dutyPages;
    this.school = school;
  }

  @GetMapping("/start")
  String start(Model model, Authentication user, Locale locale) {
    model.addAttribute("startable", startPage.startable(user.getName()));
    List<StartPage.OwnReport> ownReports = startPage.ownReports(user.getName(), school.schoolTimeZone());
    model.addAttribute("ownReports", ownReports);
    model.addAttribute("alerted", ownReports.stream().collect(Collectors.toMap(StartPage.OwnReport::caseReference,
        report -> alertedRoles.who(report, locale), (first, second) -> first)));
    model.addAttribute("emergencyNumbers", webapps.emergencyNumbers());
    model.addAttribute("inPersonContact", webapps.inPersonContact());
    model.addAttribute("readsOverview", user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> dutyPages.overviewReaders().stream().anyMatch(role -> authority.equals("GROUP_" + role))));
    return "start/start";
  }

  /**
   * The confirmation Tasklist shows right after "Start" (webapps' report-confirmation.js): the case
   * reference and who has been alerted, in the person's language. Only for the person who started
   * that case, only in the minutes after; anyone else, later, or a start that opened no case gets
   * 404, as for a process instance that does not exist. Never a name or a fact of the case.
   */
  @GetMapping(value = "/start/confirmation/{processInstanceId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> confirmation(@PathVariable String processInstanceId, Authentication user,
      Locale locale) {
    if (!PROCESS_INSTANCE_ID.matcher(processInstanceId).matches()) {
      return ResponseEntity.notFound().build();
    }
    return startPage.justStarted(user.getName(), processInstanceId, school.schoolTimeZone())
        .map(report -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(confirmation(report, locale)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private Map<String, Object> confirmation(StartPage.OwnReport report, Locale locale) {
    Map<String, Object> confirmation = new LinkedHashMap<>();
    confirmation.put("caseReference", report.caseReference());
    confirmation.put("title", messages.getMessage("confirmation.title", null, locale));
    confirmation.put("reference", messages.getMessage("confirmation.reference", new Object[] {report.caseReference()}, locale));
    confirmation.put("alertsSent", report.alertsSent());
    confirmation.put("alerted", report.alertsSent()
        ? messages.getMessage("confirmation.alerted", new Object[] {alertedRoles.who(report, locale)}, locale)
        : messages.getMessage("confirmation.alerting", null, locale));
    confirmation.put("keep", messages.getMessage("confirmation.keep", null, locale));
    confirmation.put("close", messages.getMessage("confirmation.close", null, locale));
    return confirmation;
  }
}
