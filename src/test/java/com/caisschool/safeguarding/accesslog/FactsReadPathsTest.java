package com.caisschool.safeguarding.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.accesslog.FactsReadPaths.Read;
import com.caisschool.safeguarding.accesslog.FactsReadPaths.Subject;
import org.junit.jupiter.api.Test;

/** Which requests are reads of a case's facts, through which way in, and what names the case. */
class FactsReadPathsTest {

  @Test
  void theDoorsToACasesFactsAreReads() {
    assertThat(FactsReadPaths.of("GET", "/camunda/api/engine/engine/default/task/t1/form-variables"))
        .contains(new Read(Subject.TASK, "t1", WayIn.TASK_FORM, "task form variables"));
    assertThat(FactsReadPaths.of("GET", "/engine-rest/engine/default/task/t1/variables/childName"))
        .contains(new Read(Subject.TASK, "t1", WayIn.REST_API, "task variables"));
    assertThat(FactsReadPaths.of("GET", "/engine-rest/process-instance/p1/variables"))
        .contains(new Read(Subject.PROCESS_INSTANCE, "p1", WayIn.REST_API, "process variables"));
    assertThat(FactsReadPaths.of("POST", "/camunda/api/engine/engine/default/history/variable-instance"))
        .contains(new Read(Subject.RESPONSE, null, WayIn.COCKPIT, "variable history query"));
    assertThat(FactsReadPaths.of("GET", "/engine-rest/history/variable-instance/v1/data"))
        .contains(new Read(Subject.VARIABLE, "v1", WayIn.REST_API, "one variable"));
    assertThat(FactsReadPaths.of("GET", "/engine-rest/history/detail/d1"))
        .contains(new Read(Subject.HISTORIC_DETAIL, "d1", WayIn.REST_API, "one history detail"));
    assertThat(FactsReadPaths.of("GET", "/engine-rest/execution/e1/localVariables"))
        .contains(new Read(Subject.EXECUTION, "e1", WayIn.REST_API, "execution variables"));
  }

  @Test
  void listsCountsAndWritesAreNot() {
    assertThat(FactsReadPaths.of("GET", "/engine-rest/task")).isEmpty();
    assertThat(FactsReadPaths.of("POST", "/camunda/api/engine/engine/default/filter/f1/list")).isEmpty();
    assertThat(FactsReadPaths.of("GET", "/engine-rest/variable-instance/count")).isEmpty();
    assertThat(FactsReadPaths.of("POST", "/engine-rest/history/detail/count")).isEmpty();
    assertThat(FactsReadPaths.of("POST", "/engine-rest/process-instance/p1/variables")).isEmpty();
    assertThat(FactsReadPaths.of("PUT", "/engine-rest/task/t1/variables/x")).isEmpty();
    assertThat(FactsReadPaths.of("POST", "/engine-rest/task/t1/submit-form")).isEmpty();
    assertThat(FactsReadPaths.of("GET", "/casefile/cases/SC-1")).isEmpty();
  }
}
