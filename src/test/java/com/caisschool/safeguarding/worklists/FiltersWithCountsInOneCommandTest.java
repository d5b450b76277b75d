package com.caisschool.safeguarding.worklists;

import static com.caisschool.safeguarding.testing.ConcernReports.SUBMIT;
import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.EngineCommands;
import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's filters with their counts in one engine command (issue 25): the CPO's request asks
 * whether a revoke names them, and whether they read every task, once instead of at every count,
 * and reads no listed filter again; the counts are those each filter gives on its own; what is
 * known is kept for that request only (a revoke made between two requests counts at the next); and
 * a count that fails answers as it did on its own.
 */
@ApplicationTest
class FiltersWithCountsInOneCommandTest {

  private static final String FILTERS_WITH_COUNTS = "/filter?resourceType=Task&itemCount=true";
  private static final String IDENTITY_READS = "IdentityReads$ReadsInOneCommand";
  private static final String ONE_COMMAND = "FiltersWithCountsInOneCommand$FiltersWithCounts";
  private static final String REVOKE_QUESTION = "AuthorizationEntity.selectRevokeAuthorization";
  private static final String PERMISSION_QUESTION = "AuthorizationEntity.isUserAuthorizedForResource";
  private static final String FILTER_BY_ID = "FilterEntity.selectFilter";
  private static final String TASK_COUNT = "TaskEntity.selectTaskCountByQueryCriteria";

  @LocalServerPort int port;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TaskService taskService;
  @Autowired ObjectProvider<ProcessEngine> engine;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theCposFiltersAndCountsAreOneCommandAskingWhoTheyAreOnceWithTheCountsOfEachFilterOnItsOwn() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    reported("Ida Counted-Testchild");
    assertThat(cpo.get(FILTERS_WITH_COUNTS).status()).isEqualTo(200);

    AtomicReference<JsonNode> filters = new AtomicReference<>();
    List<String> commands = EngineCommands.openedDuring(() -> filters.set(cpo.get(FILTERS_WITH_COUNTS).json()));
    List<String> asked = EngineStatements.selectsDuring(() -> assertThat(cpo.get(FILTERS_WITH_COUNTS).status())
        .isEqualTo(200)).stream().map(EngineStatements.Statement::mapperStatement).toList();

    int listed = filters.get().size();
    assertThat(listed).isEqualTo(WorklistTest.CPO_FILTERS.size());
    assertThat(commands).as("the sign-in's reads, then the list and every count").containsExactly(IDENTITY_READS, ONE_COMMAND);
    assertThat(asked).filteredOn(REVOKE_QUESTION::equals).as("whether a revoke names the CPO").hasSize(1);
    // READ on each listed filter, and whether the CPO reads every task once (before: at every count).
    assertThat(asked).filteredOn(PERMISSION_QUESTION::equals).hasSize(listed + 1);
    assertThat(asked).filteredOn(FILTER_BY_ID::equals).as("listed filters read again").isEmpty();
    assertThat(asked).filteredOn(TASK_COUNT::equals).hasSize(listed);

    identityService.setAuthentication("cpo", groupsOf("cpo"));
    try {
      for (JsonNode filter : filters.get()) {
        assertThat(filter.path("itemCount").asLong()).as(filter.path("name").asText())
            .isEqualTo(filterService.count(filter.path("id").asText()));
      }
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(filters.get()).anyMatch(filter -> filter.path("itemCount").asLong() > 0);
  }

  @Test
  void theRequestNamingTheEngineAndTasklistsOwnAreOneCommandToo() {
    RestApi byName = RestApi.onEngine(port, "default", "cpo", "demo");
    WebappSession tasklist = WebappSession.loggedIn(port, "cpo", "demo");
    String tasklistPath = "/camunda/api/engine/engine/default" + FILTERS_WITH_COUNTS;
    assertThat(byName.get(FILTERS_WITH_COUNTS).status()).isEqualTo(200);
    assertThat(tasklist.get(tasklistPath).status()).isEqualTo(200);

    List<String> named = EngineCommands.openedDuring(() -> assertThat(byName.get(FILTERS_WITH_COUNTS).status()).isEqualTo(200));
    List<String> tasklists = EngineCommands.openedDuring(() -> assertThat(tasklist.get(tasklistPath).status()).isEqualTo(200));

    assertThat(named).contains(ONE_COMMAND).doesNotContain("ExecuteFilterCountCmd");
    assertThat(tasklists).contains(ONE_COMMAND).doesNotContain("ExecuteFilterCountCmd");
  }

  /** What the request learnt about the person is kept for that request only. */
  @Test
  void aRevokeMadeBetweenTwoRequestsCountsAtTheNextRequest() {
    RestApi deputy = RestApi.as(port, "deputy", "demo");
    String concern = reported("Ivy Revoked-Testchild");
    String triageTask = taskService.createTaskQuery().processInstanceId(concern)
        .taskDefinitionKey("user_task_cpo_triage").singleResult().getId();
    long before = triageCount(deputy);

    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("deputy");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(triageTask);
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    try {
      assertThat(triageCount(deputy)).isEqualTo(before - 1);
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
    }
    assertThat(triageCount(deputy)).isEqualTo(before);
  }

  @Test
  void aCountThatFailsAnswersAsItDidOnItsOwnAndTheNextRequestIsServed() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    Filter broken = filterService.saveFilter(filterService.newTaskFilter("Broken count")
        .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${noSuchFunction()}")));
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId("cpo");
    read.setResource(Resources.FILTER);
    read.setResourceId(broken.getId());
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
    try {
      RestApi.Reply alone = cpo.get("/filter/" + broken.getId() + "/count");
      RestApi.Reply all = cpo.get(FILTERS_WITH_COUNTS);

      assertThat(alone.status()).as(alone.body()).isGreaterThanOrEqualTo(400).isNotEqualTo(403);
      assertThat(all.status()).as(all.body()).isEqualTo(alone.status());
      assertThat(all.json().path("type").asText()).isEqualTo(alone.json().path("type").asText());
    } finally {
      authorizationService.deleteAuthorization(read.getId());
      filterService.deleteFilter(broken.getId());
    }
    assertThat(cpo.get(FILTERS_WITH_COUNTS).status()).isEqualTo(200);
  }

  /**
   * The answer reaches the client only after the transaction has ended, so a slow client never
   * holds a database connection (the chain here stands for Camunda's REST API writing the list).
   */
  @Test
  void theAnswerGoesOutAfterTheTransactionHasEnded() throws Exception {
    var filter = new FiltersWithCountsInOneCommand(engine, transactions);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/filter");
    request.setParameter("itemCount", "true");
    List<Boolean> inTransactionAtWrite = new java.util.ArrayList<>();
    MockHttpServletResponse response = new MockHttpServletResponse() {
      @Override
      public jakarta.servlet.ServletOutputStream getOutputStream() {
        jakarta.servlet.ServletOutputStream client = super.getOutputStream();
        return new jakarta.servlet.ServletOutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            inTransactionAtWrite.add(TransactionSynchronizationManager.isActualTransactionActive());
            client.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            inTransactionAtWrite.add(TransactionSynchronizationManager.isActualTransactionActive());
            client.write(bytes, offset, length);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(jakarta.servlet.WriteListener listener) {
            client.setWriteListener(listener);
          }
        };
      }
    };
    AtomicReference<Boolean> chainInTransaction = new AtomicReference<>();

    filter.doFilter(request, response, (req, res) -> {
      chainInTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
      res.setContentType("application/json");
      res.getOutputStream().write("[{\"name\": \"Triage\", \"itemCount\": 1}]".getBytes(StandardCharsets.UTF_8));
    });

    assertThat(chainInTransaction.get()).isTrue();
    assertThat(inTransactionAtWrite).isNotEmpty().containsOnly(false);
    assertThat(response.getContentAsString()).isEqualTo("[{\"name\": \"Triage\", \"itemCount\": 1}]");
    assertThat(response.getContentType()).isEqualTo("application/json");
  }

  private long triageCount(RestApi reader) {
    for (JsonNode filter : reader.get(FILTERS_WITH_COUNTS).json()) {
      if (filter.path("name").asText().equals("Triage")) {
        return filter.path("itemCount").asLong();
      }
    }
    throw new AssertionError("no Triage filter");
  }

  private String reported(String child) {
    RestApi.Reply started = RestApi.as(port, "teacher", "demo").post(SUBMIT, Map.of("variables", bruises(child)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }
}
