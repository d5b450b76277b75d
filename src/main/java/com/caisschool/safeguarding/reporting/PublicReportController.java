package com.caisschool.safeguarding.reporting;

import com.caisschool.safeguarding.operations.DatabaseAdmission;
import com.caisschool.safeguarding.operations.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public report page: report a concern (anonymously if one wishes), get a receipt code, and
 * with the code later see the coarse status and add information. Nothing typed is ever logged.
 */
@Controller
@RequestMapping("/report")
class PublicReportController {

  private static final Logger log = LoggerFactory.getLogger(PublicReportController.class);

  private final PublicReports reports;
  private final ReportFormCheck check;
  private final ConcernChoices choices;
  private final PublicReportProperties properties;
  private final DatabaseAdmission admission;
  private final int keptUntilAge;
  private final String dateFormat;

  PublicReportController(PublicReports reports, ReportFormCheck check, ConcernChoices choices,
      PublicReportProperties properties, DatabaseAdmission admission,
      @Value("${safeguarding.case-file.retention-until-age}") int keptUntilAge,
      @Value("${safeguarding.school-date-format}") String dateFormat) {
    this.dateFormat = dateFormat;
    this.admission = admission;
    this.keptUntilAge = keptUntilAge;
    this.reports = reports;
    this.check = check;
    this.choices = choices;
    this.properties = properties;
  }

  @ModelAttribute
  void common(Model model, Locale locale) {
    model.addAttribute("lang", locale.toLanguageTag());
    model.addAttribute("otherLang", locale.getLanguage().equals("zh") ? "en" : "zh-CN");
    model.addAttribute("emergencyNumbers", properties.emergencyNumbers().stream()
        .map(number -> Map.of("number", number.number(), "label", number.label(locale))).toList());
    model.addAttribute("cpoEmail", properties.cpoEmail());
    model.addAttribute("maxName", properties.maxNameLength());
    model.addAttribute("maxText", properties.maxTextLength());
    // The privacy notice says how long a report is kept: the case file's retention rule.
    model.addAttribute("keptUntilAge", keptUntilAge);
    // A date is typed in the school's format, whatever the browser's language (a date input would follow it).
    model.addAttribute("dateFormat", dateFormat.toLowerCase(Locale.ROOT));
  }

  @GetMapping
  String form(Model model) {
    return showForm(model, new ReportForm(), Map.of());
  }

  @PostMapping
  String submit(@ModelAttribute("report") ReportForm form, Model model, HttpServletResponse response) {
    Map<String, ReportFormCheck.Problem> problems = check.problems(form);
    if (!problems.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return showForm(model, form, problems);
    }
    Optional<DatabaseAdmission.Place> place = admission.tryEnter();
    if (place.isEmpty()) {
      log.warn("Public report not recorded: no place for database work came free in time (busy)");
      return busy(model, form, response);
    }
    try (DatabaseAdmission.Place taken = place.get()) {
      model.addAttribute("code", reports.submit(check.variables(form)));
    } catch (BadUserRequestException refusedByIntake) {
      // Intake's own check (the start form's rules); its message names a field, never a value.
      log.info("Public report refused by intake: {}", refusedByIntake.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return showForm(model, form, Map.of("form", new ReportFormCheck.Problem("report.error.notRecorded")));
    } catch (RuntimeException error) {
      if (!DatabaseOutage.isCauseOf(error)) {
        throw error;
      }
      log.warn("Public report not recorded: the database could not be reached ({})", error.getClass().getSimpleName());
      return busy(model, form, response);
    }
    model.addAttribute("dangerNow", "yes".equals(form.getDangerNow()));
    return "report/receipt";
  }

  /** Busy or down: nothing was saved; the reporter keeps what they typed and sends it again (503). */
  private String busy(Model model, ReportForm form, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "30");
    return showForm(model, form, Map.of("form", new ReportFormCheck.Problem("report.error.unavailable")));
  }

  /** The form again, as typed, after its CSRF token expired ({@link ExpiredPageAgain} forwards here). */
  @PostMapping("/again")
  String reportAgain(@ModelAttribute("report") ReportForm form, Model model, HttpServletRequest request) {
    requireForwardedAsExpired(request);
    return showForm(model, form, Map.of("form", new ReportFormCheck.Problem("report.error.expired")));
  }

  /** The addition again, as typed, after its CSRF token expired. */
  @PostMapping("/status/again")
  String additionAgain(@RequestParam(name = "code", defaultValue = "") String code,
      @RequestParam(name = "information", defaultValue = "") String information, Model model,
      HttpServletRequest request) {
    requireForwardedAsExpired(request);
    model.addAttribute("information", information);
    model.addAttribute("problem", new ReportFormCheck.Problem("report.error.expired"));
    return showStatus(model, code, reports.status(code));
  }

  private static void requireForwardedAsExpired(HttpServletRequest request) {
    if (request.getAttribute(ExpiredPageAgain.EXPIRED) == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  @GetMapping("/status")
  String lookUp() {
    return "report/status";
  }

  @PostMapping("/status")
  String status(@RequestParam(name = "code", defaultValue = "") String code, Model model) {
    return showStatus(model, code, reports.status(code));
  }

  @PostMapping("/status/add")
  String add(@RequestParam(name = "code", defaultValue = "") String code,
      @RequestParam(name = "information", defaultValue = "") String information, Model model,
      HttpServletResponse response) {
    String text = ReportFormCheck.clean(information);
    if (text.isEmpty() || information.length() > properties.maxTextLength()) {
      Optional<CaseStatus> status = reports.status(code);
      if (status.isPresent()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("information", information);
        model.addAttribute("problem", text.isEmpty()
            ? new ReportFormCheck.Problem("report.error.required")
            : new ReportFormCheck.Problem("report.error.tooLong", properties.maxTextLength(), information.length()));
      }
      return showStatus(model, code, status);
    }
    Optional<PublicReports.Addition> addition = reports.addInformation(code, text);
    addition.ifPresent(a -> model.addAttribute(a.added() ? "added" : "notAdded", true));
    return showStatus(model, code, addition.map(PublicReports.Addition::status));
  }

  /** A code that is not one gets the same page whatever it was: nothing tells codes apart. */
  private String showStatus(Model model, String code, Optional<CaseStatus> status) {
    if (status.isEmpty()) {
      model.addAttribute("unknownCode", true);
      return "report/status";
    }
    model.addAttribute("code", code);
    model.addAttribute("status", status.get().name());
    return "report/status";
  }

  private String showForm(Model model, ReportForm form, Map<String, ReportFormCheck.Problem> problems) {
    model.addAttribute("report", form);
    model.addAttribute("problems", problems);
    model.addAttribute("categoryChoices", choices.categories());
    model.addAttribute("concernAboutChoices", choices.concernAbout());
    model.addAttribute("reporterRoles", ReportFormCheck.REPORTER_ROLES);
    return "report/form";
  }
}
