package com.caisschool.safeguarding.trips;

import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees what of safer recruitment and school trips in the running application: HR and the Head
 * see the single central record and nobody else does; a trip leader sees the trips they lead and
 * not another leader's; other staff see neither; the CPO sees every trip and both on the overview.
 */
@ApplicationTest
class RecruitmentAndTripsAccessTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void secondTripLeader() {
    if (identityService.createUserQuery().userId("tripleader2").count() == 0) {
      User user = identityService.newUser("tripleader2");
      user.setPassword("demo-Password-2");
      identityService.saveUser(user);
      identityService.createMembership("tripleader2", "trip-leaders");
      identityService.createMembership("tripleader2", "staff");
    }
  }

  @AfterEach
  void removeTheDuties() {
    for (String key : List.of("safer-recruitment", "school-trip", "staff-training")) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
    }
    identityService.deleteUser("tripleader2");
  }

  String start(RestApi user, String processKey, Map<String, Object> variables) {
    RestApi.Reply reply = user.post("/process-definition/key/" + processKey + "/submit-form", variables);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String id = reply.json().path("id").asText();
    DueJobs.run(managementService, id);
    return id;
  }

  @Test
  void hrAndTheHeadSeeTheSingleCentralRecordAndNobodyElseDoes() {
    RestApi hr = RestApi.as(port, "hr", "demo");
    String recruitment = start(hr, "safer-recruitment", form("personName", "Mei-Lin Recruit-Q", "staffUserId", "mlq",
        "personType", "volunteer", "postTitle", "Library volunteer", "startDate", "2027-09-01", "countriesLived", "China"));

    String hrPage = WebappSession.loggedIn(port, "hr", "demo").page("/recruitment").body();
    assertThat(hrPage).contains("Mei-Lin Recruit-Q").contains("Library volunteer").contains("Checks in progress")
        .contains("outstanding");
    assertThat(WebappSession.loggedIn(port, "head", "demo").page("/recruitment").body()).contains("Mei-Lin Recruit-Q");
    for (String other : List.of("teacher", "cpo", "tripleader", "smt")) {
      assertThat(WebappSession.loggedIn(port, other, "demo").get("/recruitment").status()).as(other).isEqualTo(403);
    }
    assertThat(hr.get("/task?processInstanceId=" + recruitment).json()).hasSize(6);
    assertThat(RestApi.as(port, "head", "demo").get("/process-instance?processDefinitionKey=safer-recruitment").json())
        .hasSize(1);
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    assertThat(teacher.get("/process-instance?processDefinitionKey=safer-recruitment").json()).isEmpty();
    assertThat(teacher.get("/task?processInstanceId=" + recruitment).json()).isEmpty();
    assertThat(teacher.get("/process-instance/" + recruitment + "/variables").status()).isIn(403, 404);
  }

  @Test
  void aTripLeaderSeesTheTripsTheyLeadOnlyAndTheCpoSeesEveryTrip() {
    RestApi leader = RestApi.as(port, "tripleader", "demo");
    String own = start(leader, "school-trip", trip(24, "tripTitle", "Grade 8 Beijing trip", "destination", "Beijing",
        "departureDate", "2027-10-20", "returnDate", "2027-10-23"));
    String other = start(RestApi.as(port, "tripleader2", "demo-Password-2"), "school-trip", trip(40, "tripTitle",
        "Grade 5 farm visit", "destination", "Jilin farm", "departureDate", "2027-11-05", "returnDate", "2027-11-05"));

    JsonNode leadersTasks = leader.get("/task?processDefinitionKey=school-trip").json();
    assertThat(leadersTasks).hasSize(1);
    assertThat(leadersTasks.get(0).path("processInstanceId").asText()).isEqualTo(own);
    assertThat(leader.get("/process-instance/" + other + "/variables").status()).isIn(403, 404);
    assertThat(leader.get("/task?processInstanceId=" + other).json()).isEmpty();

    String leadersPage = WebappSession.loggedIn(port, "tripleader", "demo").page("/trips").body();
    assertThat(leadersPage).contains("Grade 8 Beijing trip").doesNotContain("Grade 5 farm visit");
    String teachersPage = WebappSession.loggedIn(port, "teacher", "demo").page("/trips").body();
    assertThat(teachersPage).doesNotContain("Grade 8 Beijing trip").doesNotContain("Grade 5 farm visit");
    assertThat(RestApi.as(port, "teacher", "demo").get("/task?processDefinitionKey=school-trip").json()).isEmpty();

    var cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.page("/trips").body()).contains("Grade 8 Beijing trip").contains("Grade 5 farm visit");
    assertThat(cpo.page("/overview").body()).contains("Trip: Grade 8 Beijing trip departing 2027-10-20")
        .contains("Campus safety audit");
  }

  /** A trip's registration as Tasklist sends it: the number of students is a number. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> trip(long students, String... keysAndValues) {
    Map<String, Object> variables = new HashMap<>((Map<String, Object>) form(keysAndValues).get("variables"));
    variables.put("studentCount", Map.of("value", students, "type", "Long"));
    return Map.of("variables", variables);
  }
}
