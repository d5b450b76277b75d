package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.accesslog.CaseReads;
import com.caisschool.safeguarding.accesslog.WayIn;
import com.caisschool.safeguarding.security.CaseSubjects;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A child's file as one PDF, as the person exporting may see it (a case about them is left out;
 * a child whose only cases are about them does not exist for them): each export is recorded in
 * the chronology of each case and in the access log.
 */
@Component
class ChildFileExport {

  private final Children children;
  private final CaseFiles caseFiles;
  private final CaseSubjects subjects;
  private final Chronology chronology;
  private final CaseReads reads;
  private final CaseFilePdf pdfs;
  private final CaseFileView view;

  ChildFileExport(Children children, CaseFiles caseFiles, CaseSubjects subjects, Chronology chronology,
      CaseReads reads, CaseFilePdf pdfs, CaseFileView view) {
    this.children = children;
    this.caseFiles = caseFiles;
    this.subjects = subjects;
    this.chronology = chronology;
    this.reads = reads;
    this.pdfs = pdfs;
    this.view = view;
  }

  /** The PDF; {@code what} is how the export is recorded ("Child's file exported as PDF"). */
  byte[] export(long id, String user, String what) {
    Child child = children.find(id).orElseThrow(ChildFileExport::notFound);
    requireNoneHidden(id, subjects.referencesHiddenFrom(user));
    List<String> references = caseFiles.ofChild(id).stream().map(CaseSummary::caseReference).distinct().toList();
    references.forEach(reference -> chronology.append(ChronologyEntry.of(reference, null, EngineTime.now(), user,
        EntryKind.EXPORT, null, null, what, null)));
    reads.record(references, user, WayIn.PDF_EXPORT, "child's file PDF");
    List<String> cover = List.of("Child: " + child.name() + (child.grade() != null ? ", " + child.grade() : ""),
        "Student ID: " + (child.studentId() != null ? child.studentId() : "not recorded"),
        "Cases: " + String.join(", ", references));
    return pdfs.render("Child protection file", cover, view.lines(chronology.ofChild(id)), view.exportedBy(user),
        view.zoneName());
  }

  /** A child's cases other than those hidden from the person asking; none left: no such child for them. */
  List<CaseSummary> visibleCases(long id, Set<String> hidden) {
    List<CaseSummary> all = caseFiles.ofChild(id);
    List<CaseSummary> visible = all.stream().filter(process -> !hidden.contains(process.caseReference())).toList();
    if (!all.isEmpty() && visible.isEmpty()) {
      throw notFound();
    }
    return visible;
  }

  /**
   * For what is done to the child's whole file (its PDF, for a transfer or the authorities; a
   * subject access export prepared or released): none of its cases may be hidden from the person
   * doing it, or the export would leave out, unseen, the cases about them. Otherwise there is no
   * such child for them.
   */
  void requireNoneHidden(long id, Set<String> hidden) {
    if (caseFiles.anyCaseOfChildAmong(id, hidden)) {
      throw notFound();
    }
  }

  static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
