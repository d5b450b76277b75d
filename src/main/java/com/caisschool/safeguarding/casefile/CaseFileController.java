package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.security.CaseSubjects;
import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.accesslog.CaseReads;
import com.caisschool.safeguarding.accesslog.WayIn;
import com.caisschool.safeguarding.input.InputLimits;
import com.caisschool.safeguarding.labels.Labels;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case file's pages, for the CPO and the deputy only (WebSecurityConfig): the case list with
 * its filters, one case's chronology and position, one child's chronology across all their cases,
 * corrections, retention decisions and PDF exports (each export is itself recorded).
 */
@Controller
@RequestMapping("/casefile")
class CaseFileController {

  private final CaseFiles caseFiles;
  private final Chronology chronology;
  private final Children children;
  private final RetentionReview retention;
  private final ProcessPositions positions;
  private final SafeguardingProperties school;
  private final CaseFilePdf pdfs;
  private final EarlyEnding earlyEnding;
  private final CaseSubjects subjects;
  private final InputLimits limits;
  private final CaseReads reads;
  private final RosterImport roster;
  private final CaseFileProperties rules;
  private final ChildFileExport childFiles;
  private final CaseFileView view;
  private final Labels labels;

  CaseFileController(CaseFiles caseFiles, Chronology chronology, Children children, RetentionReview retention,
      ProcessPositions positions, SafeguardingProperties school, CaseFilePdf pdfs,
      EarlyEnding earlyEnding, CaseSubjects subjects, InputLimits limits, CaseReads reads, RosterImport roster,
      CaseFileProperties rules, ChildFileExport childFiles, CaseFileView view, Labels labels) {
    this.childFiles = childFiles;
    this.view = view;
    this.labels = labels;
    this.subjects = subjects;
    this.roster = roster;
    this.rules = rules;
    this.caseFiles = caseFiles;
    this.chronology = chronology;
    this.children = children;
    this.retention = retention;
    this.positions = positions;
    this.school = school;
    this.pdfs = pdfs;
    this.earlyEnding = earlyEnding;
    this.limits = limits;
    this.reads = reads;
  }

  /**
   * One page of the case list, newest first: the filters and the child search narrow it in the
   * database, the cases about the person asking are left out before paging (so no page leaks
   * them and page sizes stay full).
   */
  @GetMapping
  String cases(@RequestParam(required = false) String state, @RequestParam(required = false) String category,
      @RequestParam(required = false) String courseOfAction, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "false") boolean late, @RequestParam(required = false) String child,
      @RequestParam(required = false) String page, Model model, Principal user) {
    requireAtMost(child, limits.maxNameLength(), "The child searched for");
    requireAtMost(category, limits.maxNameLength(), "The category");
    requireAtMost(courseOfAction, limits.maxNameLength(), "The course of action");
    CaseFilter filter = CaseFilter.of(state, category, courseOfAction, overdue, late, child);
    PageRequest asked = PageRequest.of(page, rules.pageSize());
    Set<String> hidden = subjects.referencesHiddenFrom(user.getName());
    Page<CaseFileView.Process> cases = caseFiles.page(filter, hidden, EngineTime.now(), asked).map(view::processes);
    model.addAttribute("filter", filter);
    model.addAttribute("cases", cases.rows());
    model.addAttribute("page", cases);
    model.addAttribute("previousPage", cases.hasPrevious() ? listLink(filter, cases.number() - 1) : null);
    model.addAttribute("nextPage", cases.hasNext() ? listLink(filter, cases.number() + 1) : null);
    model.addAttribute("firstPage", cases.rows().isEmpty() && cases.hasPrevious() ? listLink(filter, 1) : null);
    // The filters offer the forms' own options, by their labels.
    model.addAttribute("categoryChoices", labels.choices("categories"));
    model.addAttribute("courseChoices", labels.choices(rules.courseOfActionField()));
    model.addAttribute("zoneName", view.zoneName());
    model.addAttribute("reviews", retention.oldestPendingFor(hidden, rules.pageSize()));
    if (filter.child() != null) {
      model.addAttribute("childSearch", filter.child());
      // A child whose only cases are hidden from the person searching is not found for them.
      model.addAttribute("foundChildren", children.search(filter.child()).stream()
          .filter(found -> hasVisibleCaseOrNone(found.id(), hidden)).toList());
    }
    return "casefile/cases";
  }

  /** The case list with the same filters on another page. */
  private static String listLink(CaseFilter filter, int page) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath("/casefile");
    if (filter.state() != CaseFilter.State.ANY) {
      link.queryParam("state", filter.state().name().toLowerCase(java.util.Locale.ROOT));
    }
    Optional.ofNullable(filter.category()).ifPresent(category -> link.queryParam("category", category));
    Optional.ofNullable(filter.courseOfAction()).ifPresent(course -> link.queryParam("courseOfAction", course));
    if (filter.overdue()) {
      link.queryParam("overdue", true);
    }
    if (filter.lateReports()) {
      link.queryParam("late", true);
    }
    Optional.ofNullable(filter.child()).ifPresent(child -> link.queryParam("child", child));
    return link.queryParam("page", page).encode().build().toUriString();
  }

  @GetMapping("/cases/{reference}")
  String oneCase(@PathVariable String reference, Model model, Principal user) {
    notAboutThem(reference, user);
    List<CaseSummary> processes = known(caseFiles.ofCase(reference));
    reads.record(reference, user.getName(), WayIn.CASE_FILE, "case page");
    Map<String, List<String>> waitingAt = processes.stream().collect(Collectors.toMap(
        CaseSummary::processInstanceId, process -> positions.of(process.processInstanceId())));
    model.addAttribute("reference", reference);
    model.addAttribute("processes", view.processes(processes));
    model.addAttribute("waitingAt", waitingAt);
    model.addAttribute("entries", view.lines(chronology.ofCase(reference)));
    model.addAttribute("zoneName", view.zoneName());
    return "casefile/case";
  }

  /** One child's file: their cases, and one page of the chronology across them (oldest first). */
  @GetMapping("/children/{id}")
  String oneChild(@PathVariable long id, @RequestParam(required = false) String page, Model model, Principal user) {
    PageRequest asked = PageRequest.of(page, rules.pageSize());
    Child child = children.find(id).orElseThrow(CaseFileController::notFound);
    model.addAttribute("child", child);
    model.addAttribute("otherName", children.otherName(id));
    // The retention rule's date, from the date of birth (the roster's, or the one the CPO recorded).
    model.addAttribute("reviewOn", child.dateOfBirth() == null ? null
        : child.dateOfBirth().plusYears(rules.retentionUntilAge()));
    Set<String> hidden = subjects.referencesHiddenFrom(user.getName());
    List<CaseSummary> processes = visibleCasesOfChild(id, hidden);
    Page<ChronologyEntry> entries = chronology.ofChild(id, hidden, asked);
    if (entries.number() > entries.pages()) {
      throw new IllegalArgumentException("This child's chronology has " + entries.pages() + " page"
          + (entries.pages() == 1 ? "" : "s") + ".");
    }
    reads.record(referencesOf(processes), user.getName(), WayIn.CHILD_FILE, "child's page");
    model.addAttribute("processes", view.processes(processes));
    model.addAttribute("entries", view.lines(entries.rows(), entries.firstRowNumber(),
        corrected -> Optional.ofNullable(chronology.find(corrected))
            .map(entry -> chronology.numberInChild(id, hidden, entry)).orElse(null)));
    model.addAttribute("page", entries);
    String here = "/casefile/children/" + id + "?page=";
    model.addAttribute("previousPage", entries.hasPrevious() ? here + (entries.number() - 1) : null);
    model.addAttribute("nextPage", entries.hasNext() ? here + (entries.number() + 1) : null);
    model.addAttribute("lastPage", entries.hasNext() ? here + entries.pages() : null);
    model.addAttribute("zoneName", view.zoneName());
    return "casefile/child";
  }

  /** Who has looked at this child's cases, and when; looking at it is itself a read. */
  @GetMapping("/children/{id}/reads")
  String childReads(@PathVariable long id, Model model, Principal user) {
    model.addAttribute("child", children.find(id).orElseThrow(CaseFileController::notFound));
    // A case about the person asking is left out of its log too (the deputy sees it, for a case about the CPO).
    Set<String> hidden = subjects.referencesHiddenFrom(user.getName());
    reads.record(referencesOf(visibleCasesOfChild(id, hidden)), user.getName(), WayIn.ACCESS_LOG, "access log");
    model.addAttribute("reads", reads.ofChild(id).stream().filter(read -> !hidden.contains(read.caseReference()))
        .toList());
    model.addAttribute("zone", school.schoolTimeZone());
    return "casefile/reads";
  }

  @GetMapping("/roster")
  String rosterForm(Model model) {
    model.addAttribute("header", String.join(",", RosterImport.HEADER));
    return "casefile/roster";
  }

  /** The school's roster, as a CSV export: repeatable; the page reports what it did. */
  @PostMapping("/roster")
  String importRoster(@RequestParam("file") MultipartFile file, Model model, Principal user) throws IOException {
    model.addAttribute("header", String.join(",", RosterImport.HEADER));
    try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      RosterImport.Result result = roster.importCsv(csv, EngineTime.now());
      // A child whose only cases are about the person importing is not named to them, as in a search.
      Set<String> hidden = subjects.referencesHiddenFrom(user.getName());
      model.addAttribute("result", hidden.isEmpty() ? result
          : result.unmatchedOnly(child -> hasVisibleCaseOrNone(child.id(), hidden)));
    }
    return "casefile/roster";
  }

  @PostMapping("/children/{id}")
  String updateChild(@PathVariable long id, @RequestParam(required = false) String studentId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftSchoolOn,
      Principal user) {
    children.find(id).orElseThrow(CaseFileController::notFound);
    // The dates decide when the whole file comes up for its retention decision: a whole-file action.
    childFiles.requireNoneHidden(id, subjects.referencesHiddenFrom(user.getName()));
    requireAtMost(studentId, limits.maxNameLength(), "The student id");
    children.update(id, studentId, dateOfBirth, leftSchoolOn);
    return "redirect:/casefile/children/" + id;
  }

  /** A correction is a new entry pointing at the one it corrects, which stays as it was. */
  @PostMapping("/cases/{reference}/corrections")
  String correct(@PathVariable String reference, @RequestParam long entryId, @RequestParam String correction,
      @RequestParam String reason, Principal user) {
    notAboutThem(reference, user);
    ChronologyEntry corrected = chronology.find(entryId);
    if (corrected == null || !corrected.caseReference().equals(reference)) {
      throw notFound();
    }
    requireText(correction, "Write the correction.");
    requireText(reason, "Give the reason for the correction.");
    requireAtMost(correction, limits.maxTextLength(), "The correction");
    requireAtMost(reason, limits.maxTextLength(), "The reason");
    chronology.append(new ChronologyEntry(0, reference, corrected.processInstanceId(), EngineTime.now(),
        user.getName(), EntryKind.CORRECTION, corrected.stepId(), corrected.stepName(), correction.trim(),
        reason.trim(), entryId));
    return "redirect:/casefile/cases/" + reference;
  }

  /** Ends one running process of the case early, with the reason, recorded in the chronology first. */
  @PostMapping("/cases/{reference}/end-early")
  String endEarly(@PathVariable String reference, @RequestParam String processInstanceId,
      @RequestParam(required = false) String reason, Principal user) {
    earlyEnding.end(reference, processInstanceId, reason, user.getName());
    return "redirect:/casefile/cases/" + reference;
  }

  @PostMapping("/retention/{reviewId}")
  String decideRetention(@PathVariable long reviewId, @RequestParam String decision, @RequestParam String reason,
      Principal user) {
    requireAtMost(reason, limits.maxTextLength(), "The reason");
    retention.decide(reviewId, decision, reason, user.getName(), subjects.referencesHiddenFrom(user.getName()));
    return "redirect:/casefile";
  }

  /** A post with the CSRF token: an export is recorded, so no link or image elsewhere can cause one. */
  @PostMapping("/cases/{reference}/export.pdf")
  @Transactional
  ResponseEntity<byte[]> exportCase(@PathVariable String reference, Principal user) {
    notAboutThem(reference, user);
    known(caseFiles.ofCase(reference));
    recordExport(reference, user, "Case file exported as PDF");
    reads.record(reference, user.getName(), WayIn.PDF_EXPORT, "case file PDF");
    List<String> cover = List.of("Case reference: " + reference, "Processes: " + String.join("; ",
        view.processes(caseFiles.ofCase(reference)).stream().map(CaseFileView.Process::name).toList()));
    return pdf(reference, pdfs.render("Case file " + reference, cover, view.lines(chronology.ofCase(reference)),
        exportedBy(user), view.zoneName()));
  }

  @PostMapping("/children/{id}/export.pdf")
  @Transactional
  ResponseEntity<byte[]> exportChild(@PathVariable long id, Principal user) {
    return pdf("child-" + id, childFiles.export(id, user.getName(), "Child's file exported as PDF"));
  }

  /** Every page's footer names who exported the file and when (school time, zone named). */
  private String exportedBy(Principal user) {
    return view.exportedBy(user.getName());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<String> refused(IllegalArgumentException refusal) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(refusal.getMessage());
  }

  private void recordExport(String reference, Principal user, String what) {
    chronology.append(ChronologyEntry.of(reference, null, EngineTime.now(), user.getName(), EntryKind.EXPORT, null,
        null, what, null));
  }

  static ResponseEntity<byte[]> pdf(String name, byte[] content) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".pdf").build().toString())
        .body(content);
  }

  /** A case about the person asking does not exist for them (README "Roles and what each can see"). */
  private void notAboutThem(String reference, Principal user) {
    if (subjects.hiddenFrom(user.getName(), reference)) {
      throw notFound();
    }
  }

  /** A child's cases other than those about the person asking; none left: no such child for them. */
  private List<CaseSummary> visibleCasesOfChild(long id, Set<String> hidden) {
    return childFiles.visibleCases(id, hidden);
  }

  private boolean hasVisibleCaseOrNone(long childId, Set<String> hidden) {
    List<CaseSummary> all = caseFiles.ofChild(childId);
    return all.isEmpty() || all.stream().anyMatch(process -> !hidden.contains(process.caseReference()));
  }

  private static List<String> referencesOf(List<CaseSummary> processes) {
    return processes.stream().map(CaseSummary::caseReference).distinct().toList();
  }

  private static List<CaseSummary> known(List<CaseSummary> processes) {
    if (processes.isEmpty()) {
      throw notFound();
    }
    return processes;
  }

  private static void requireText(String text, String message) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(message);
    }
  }

  static void requireAtMost(String text, int maxLength, String what) {
    if (text != null && text.length() > maxLength) {
      throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters; nothing was saved.");
    }
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
