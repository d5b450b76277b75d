package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.input.InputLimits;
import com.caisschool.safeguarding.security.CaseSubjects;
import java.security.Principal;
import java.util.List;
import java.util.Set;
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

/**
 * Requests to see one's data ({@code /casefile/access-requests}): the CPO prepares the export of a
 * child's file from the child's page, a second person approves it here, and only then can it be
 * released (downloaded), which is recorded. A request for a child whose only cases are about the
 * person asking does not exist for them; one whose child has any case about them is neither
 * prepared nor released by them (the export would leave that case out): they may approve it, as the
 * second person, without seeing that case.
 */
@Controller
@RequestMapping("/casefile")
class SubjectAccessController {

  private final SubjectAccessRequests requests;
  private final ChildFileExport childFiles;
  private final Children children;
  private final CaseSubjects subjects;
  private final InputLimits limits;
  private final SafeguardingProperties school;

  SubjectAccessController(SubjectAccessRequests requests, ChildFileExport childFiles, Children children,
      CaseSubjects subjects, InputLimits limits, SafeguardingProperties school) {
    this.requests = requests;
    this.childFiles = childFiles;
    this.children = children;
    this.subjects = subjects;
    this.limits = limits;
    this.school = school;
  }

  @GetMapping("/access-requests")
  String list(Model model, Principal user) {
    Set<String> hidden = subjects.referencesHiddenFrom(user.getName());
    List<SubjectAccessRequests.Request> visible = requests.all().stream()
        .filter(request -> visibleTo(request.childId(), hidden)).toList();
    model.addAttribute("requests", visible);
    model.addAttribute("names", visible.stream().map(SubjectAccessRequests.Request::childId).distinct()
        .collect(java.util.stream.Collectors.toMap(id -> id, id -> children.find(id).map(Child::name).orElse(""))));
    model.addAttribute("me", user.getName());
    model.addAttribute("zone", school.schoolTimeZone());
    return "casefile/access-requests";
  }

  @PostMapping("/children/{id}/access-requests")
  String prepare(@PathVariable long id, @RequestParam(required = false) String requestedBy,
      @RequestParam(required = false) String withheld, Principal user) {
    children.find(id).orElseThrow(ChildFileExport::notFound);
    childFiles.requireNoneHidden(id, subjects.referencesHiddenFrom(user.getName()));
    CaseFileController.requireAtMost(requestedBy, limits.maxNameLength(), "Who asked");
    CaseFileController.requireAtMost(withheld, limits.maxTextLength(), "What is withheld");
    requests.prepare(id, requestedBy, withheld, user.getName());
    return "redirect:/casefile/access-requests";
  }

  @PostMapping("/access-requests/{requestId}/approve")
  String approve(@PathVariable long requestId, @RequestParam(required = false) String reason, Principal user) {
    CaseFileController.requireAtMost(reason, limits.maxTextLength(), "The reason");
    visibleRequest(requestId, user);
    requests.approve(requestId, user.getName(), reason);
    return "redirect:/casefile/access-requests";
  }

  /** The release: only once approved by a second person; recorded with the request and as an export of each case. */
  @PostMapping("/access-requests/{requestId}/export.pdf")
  @Transactional
  ResponseEntity<byte[]> release(@PathVariable long requestId, Principal user) {
    SubjectAccessRequests.Request request = visibleRequest(requestId, user);
    requests.release(requestId, user.getName());
    return CaseFileController.pdf("access-request-" + requestId, childFiles.export(request.childId(), user.getName(),
        "Subject access export released (request " + requestId + ", approved by " + request.approvedBy() + ")"));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<String> refused(IllegalArgumentException refusal) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(refusal.getMessage());
  }

  private SubjectAccessRequests.Request visibleRequest(long requestId, Principal user) {
    SubjectAccessRequests.Request request = requests.find(requestId);
    childFiles.visibleCases(request.childId(), subjects.referencesHiddenFrom(user.getName()));
    return request;
  }

  private boolean visibleTo(long childId, Set<String> hidden) {
    try {
      childFiles.visibleCases(childId, hidden);
      return true;
    } catch (org.springframework.web.server.ResponseStatusException notTheirs) {
      return false;
    }
  }
}
