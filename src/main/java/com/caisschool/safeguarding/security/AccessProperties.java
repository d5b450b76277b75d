package com.caisschool.safeguarding.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what ({@code safeguarding.access}): standing grants by role, set at every start-up;
 * the rules that keep a case away from the people it is about, and who acts in their place; the
 * facts of a case that only a recorded correction may change; REST endpoints kept for some roles.
 */
@ConfigurationProperties("safeguarding.access")
public record AccessProperties(List<Grant> grants, HiddenFromSubject hiddenFromSubject,
    List<String> caseAccessPermissions, Subject subject, Map<String, String> alternates,
    CaseFacts caseFacts, List<Restriction> restrictedRest, ToldOfCase toldOfCase) {

  public AccessProperties {
    grants = grants == null ? List.of() : List.copyOf(grants);
    caseAccessPermissions = caseAccessPermissions == null ? List.of("READ") : List.copyOf(caseAccessPermissions);
    subject = subject == null ? new Subject(null, null) : subject;
    alternates = alternates == null ? Map.of() : Map.copyOf(alternates);
    caseFacts = caseFacts == null ? new CaseFacts(null, null) : caseFacts;
    restrictedRest = restrictedRest == null ? List.of() : List.copyOf(restrictedRest);
    toldOfCase = toldOfCase == null ? new ToldOfCase(null, null) : toldOfCase;
  }

  /**
   * Who is told that a case exists, without its facts, when it is about a member of a group
   * ({@code when-subject-in}: the subject's group, the group told), by an alert of {@code kind}
   * (reference and link only): the Head of School, for a case about the CPO.
   */
  public record ToldOfCase(String kind, Map<String, String> whenSubjectIn) {
    public ToldOfCase {
      kind = kind == null ? "case-about-a-lead" : kind;
      whenSubjectIn = whenSubjectIn == null ? Map.of() : Map.copyOf(whenSubjectIn);
    }
  }

  /** Permissions (Camunda names) on resources of one type (Camunda resource name) for groups. */
  public record Grant(List<String> groups, String resource, List<String> resourceIds, List<String> permissions) {
    public Grant {
      groups = List.copyOf(groups);
      resourceIds = resourceIds == null || resourceIds.isEmpty() ? List.of("*") : List.copyOf(resourceIds);
      permissions = List.copyOf(permissions);
    }
  }

  /**
   * A case whose variable {@code variable} equals {@code value} is hidden from every member of
   * {@code group}, now or later, whatever other group would let them see it (a case about the Head).
   */
  public record HiddenFromSubject(String variable, String value, String group) {}

  /**
   * The adult a case is about: the user id variable the server fills ({@code user-variable}),
   * resolved from the reporter's choice or from the name they typed ({@code name-variable}).
   */
  public record Subject(String userVariable, String nameVariable) {
    public Subject {
      userVariable = userVariable == null ? "subjectUserId" : userVariable;
      nameVariable = nameVariable == null ? "subjectName" : nameVariable;
    }
  }

  /**
   * The variables that decide a case's routing and who sees it: set when the case opens, changed
   * afterwards only by the engine itself or by a member of {@code correctedBy} completing a task.
   */
  public record CaseFacts(List<String> variables, List<String> correctedBy) {
    public CaseFacts {
      variables = variables == null ? List.of() : List.copyOf(variables);
      correctedBy = correctedBy == null ? List.of() : List.copyOf(correctedBy);
    }
  }

  /** REST API paths (Ant-style, under /engine-rest) that only members of {@code groups} may call. */
  public record Restriction(List<String> paths, List<String> groups) {
    public Restriction {
      paths = List.copyOf(paths);
      groups = List.copyOf(groups);
    }
  }
}
