package com.caisschool.safeguarding.accesslog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's doors to a case's facts (its variables and their history), as the REST API serves
 * them and as Tasklist and Cockpit call them through the webapps' API. Lists of tasks or cases are
 * not among them: they show no facts, and logging them would slow the lists.
 */
final class FactsReadPaths {

  /** What the id in the path names, or {@code RESPONSE} when the answer itself says which cases. */
  enum Subject { TASK, PROCESS_INSTANCE, EXECUTION, VARIABLE, HISTORIC_DETAIL, RESPONSE }

  /** One recognised read: what to resolve the case from, the way in, and what kind of view it is. */
  record Read(Subject subject, String id, WayIn wayIn, String what) {}

  private static final Pattern REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.+)$");
  private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.+)$");

  private record Door(Pattern path, boolean queryByPost, Subject subject, String what) {}

  private static final List<Door> DOORS = List.of(
      new Door(Pattern.compile("^/task/([^/]+)/form-variables(?:/.*)?$"), false, Subject.TASK, "task form variables"),
      new Door(Pattern.compile("^/task/([^/]+)/(?:variables|localVariables)(?:/.*)?$"), false, Subject.TASK,
          "task variables"),
      new Door(Pattern.compile("^/process-instance/([^/]+)/variables(?:/.*)?$"), false, Subject.PROCESS_INSTANCE,
          "process variables"),
      new Door(Pattern.compile("^/execution/([^/]+)/localVariables(?:/.*)?$"), false, Subject.EXECUTION,
          "execution variables"),
      new Door(Pattern.compile("^/variable-instance$"), true, Subject.RESPONSE, "variable query"),
      new Door(Pattern.compile("^/history/variable-instance$"), true, Subject.RESPONSE, "variable history query"),
      new Door(Pattern.compile("^/history/detail$"), true, Subject.RESPONSE, "history details query"),
      new Door(Pattern.compile("^/(?:history/)?variable-instance/(?!count$)([^/]+)(?:/data)?$"), false,
          Subject.VARIABLE, "one variable"),
      new Door(Pattern.compile("^/history/detail/(?!count$)([^/]+)(?:/data)?$"), false, Subject.HISTORIC_DETAIL,
          "one history detail"));

  private FactsReadPaths() {}

  /** The read a request is, if it is one: GET on every door, POST on the query doors. */
  static Optional<Read> of(String method, String path) {
    Matcher rest = REST.matcher(path);
    Matcher webapp = WEBAPP_ENGINE.matcher(path);
    String enginePath;
    boolean throughWebapp;
    if (rest.matches()) {
      enginePath = rest.group(1);
      throughWebapp = false;
    } else if (webapp.matches()) {
      enginePath = webapp.group(1);
      throughWebapp = true;
    } else {
      return Optional.empty();
    }
    for (Door door : DOORS) {
      Matcher match = door.path().matcher(enginePath);
      boolean methodFits = "GET".equals(method) || (door.queryByPost() && "POST".equals(method));
      if (methodFits && match.matches()) {
        String id = match.groupCount() > 0 ? match.group(1) : null;
        return Optional.of(new Read(door.subject(), id, wayIn(throughWebapp, door.subject()), door.what()));
      }
    }
    return Optional.empty();
  }

  /** Tasklist reads a task's variables for its form; every other webapp read is Cockpit's. */
  private static WayIn wayIn(boolean throughWebapp, Subject subject) {
    if (!throughWebapp) {
      return WayIn.REST_API;
    }
    return subject == Subject.TASK ? WayIn.TASK_FORM : WayIn.COCKPIT;
  }
}
