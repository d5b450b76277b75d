package com.caisschool.safeguarding.testing;

import com.caisschool.safeguarding.SafeguardingApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.welcome.Welcome;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application node in the {@code postgres} profile on the shared embedded PostgreSQL server,
 * with email alerts to the shared test SMTP server, as production runs it. Each node has its own
 * engine name (also its host name in the job log), because the REST API finds engines in a
 * JVM-wide registry: a node's REST API is {@code /engine-rest/engine/<name>/...}.
 */
public final class PostgresNode implements AutoCloseable {

  /** The password of the users {@link PostgresUsers} creates (the postgres profile refuses demo ones). */
  public static final String PASSWORD = "Pg-test-Password-8";

  private final String engineName;
  private final ConfigurableApplicationContext context;

  private PostgresNode(String engineName, ConfigurableApplicationContext context) {
    this.engineName = engineName;
    this.context = context;
  }

  /** Starts a further node (its own Spring application) on the same database. */
  public static PostgresNode start(String engineName) {
    return start(engineName, Map.of());
  }

  /** Starts a further node with some properties changed (command-line precedence). */
  public static PostgresNode start(String engineName, Map<String, Object> changed) {
    Map<String, Object> properties = properties(engineName);
    properties.putAll(changed);
    String[] arguments = properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    var context = new SpringApplicationBuilder(SafeguardingApplication.class)
        .profiles("postgres")
        .run(arguments);
    PostgresUsers.ensure(context.getBean(org.camunda.bpm.engine.IdentityService.class));
    return new PostgresNode(engineName, context);
  }

  /** What differs from production: the embedded server and SMTP, a random port, fast tests. */
  static Map<String, Object> properties(String engineName) {
    EmbeddedPostgresServer database = EmbeddedPostgresServer.shared();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", "unused-trust-authentication");
    // A request waits this long for a connection before it is answered 503 (production: longer).
    properties.put("spring.datasource.hikari.connection-timeout", "2000");
    properties.put("spring.mail.host", "localhost");
    properties.put("spring.mail.port", TestSmtpServer.shared().port());
    properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "3000");
    properties.put("spring.mail.properties.mail.smtp.timeout", "3000");
    properties.put("server.port", "0");
    // Keys of the tests' own (safeguarding.at-rest; the profile refuses the development keys).
    properties.put("safeguarding.at-rest.keys.primary", "x9wq0RpgB6c7mCqkzJ6h0n3m7l1O4cPZyV3Qm1x9JXk=");
    properties.put("safeguarding.at-rest.index-key", "1dWlI4Yw8QH2bH0j6Q0xq7rK9Zg2m1o4VhC3t5pQ8Ls=");
    properties.put("safeguarding.first-administrator.id", PostgresUsers.ADMIN);
    properties.put("safeguarding.first-administrator.password", PASSWORD);
    // These tests sign in privileged local accounts with passwords alone (form and HTTP Basic);
    // SecondFactorTest proves the second factor that production enforces.
    properties.put("safeguarding.second-factor.enforced", "false");
    properties.put("camunda.bpm.process-engine-name", engineName);
    properties.put("camunda.bpm.generic-properties.properties.hostname", engineName);
    // Tests move the engine clock: the job executor looks for due jobs at least every second.
    properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
    properties.put("camunda.bpm.job-execution.max-wait", "1000");
    return properties;
  }

  public String engineName() {
    return engineName;
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public RestApi restAs(String user) {
    return RestApi.onEngine(port(), engineName, user, PASSWORD);
  }

  /** Ends the node as a crash would, as far as the other nodes see it: it stops taking work. */
  @Override
  public void close() {
    // Camunda's webapps keep their runtime in JVM-wide statics, which a closing webapp clears: the
    // nodes still running in this JVM (the tests' shared context among them) would answer 500.
    var cockpit = Cockpit.getRuntimeDelegate();
    var admin = Admin.getRuntimeDelegate();
    var tasklist = Tasklist.getRuntimeDelegate();
    var welcome = Welcome.getRuntimeDelegate();
    context.close();
    Cockpit.setCockpitRuntimeDelegate(cockpit);
    Admin.setAdminRuntimeDelegate(admin);
    Tasklist.setTasklistRuntimeDelegate(tasklist);
    Welcome.setRuntimeDelegate(welcome);
  }
}
