package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLDataException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health probes for anyone, without details; database errors logged without their SQL or values. */
@ApplicationTest
class HealthAndLogsTest {

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @Test
  void livenessAndReadinessAnswerAnonymousCallersWithTheStatusOnly() {
    WebappSession anyone = WebappSession.anonymous(port);
    for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      WebappSession.Reply reply = anyone.get(probe);
      assertThat(reply.status()).as(probe).isEqualTo(200);
      assertThat(reply.json().path("status").asText()).isEqualTo("UP");
      assertThat(reply.body()).doesNotContain("components").doesNotContain("details").doesNotContain("jdbc");
    }
    assertThat(anyone.get("/actuator/env").status()).isIn(401, 403, 404);
  }

  /** Issue 25: no metrics endpoint reads them, and they cost a timer per filter per request. */
  @Test
  void springSecuritysFilterObservationsAreNotRecorded() {
    assertThat(WebappSession.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    assertThat(meters.find("http.server.requests").meters()).as("requests are observed at all").isNotEmpty();
    assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith("spring.security"));
  }

  @Test
  void aDatabaseErrorIsLoggedWithoutItsStatementOrTheValueThatDidNotFit() {
    Logger engine = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    seen.start();
    engine.addAppender(seen);
    try {
      var tooLong = new SQLDataException("Value too long for column \"TEXT_ CHARACTER VARYING(4000)\": "
          + "\"'Secret-Account-Testchild was hit...' (10000)\"; SQL statement: insert into ACT_RU_VARIABLE ...", "22001");
      engine.error("ENGINE-16004 Exception while closing command context: {}", "persistence",
          new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation", tooLong));
      engine.info("An ordinary line stays as it was");
    } finally {
      engine.detachAppender(seen);
    }
    assertThat(seen.list).hasSize(2);
    ILoggingEvent replaced = seen.list.get(0);
    assertThat(replaced.getFormattedMessage()).contains("SQL state 22001").contains("withheld")
        .doesNotContain("Secret-Account").doesNotContain("insert into");
    assertThat(replaced.getThrowableProxy()).isNull();
    assertThat(seen.list.get(1).getFormattedMessage()).isEqualTo("An ordinary line stays as it was");
  }
}
