package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Camunda's webapp APIs are started as soon as the application is ready, in the background, not by
 * the first page load (the webapps' script loader gives up after 7 seconds; a browser suite run on
 * a busy machine once stalled on exactly that). {@link WebappServing}, {@link WebappApisWarmUp}.
 */
@ApplicationTest
class WebappApisAtStartupTest {

  @Autowired ServletWebServerApplicationContext application;
  @Autowired WebappApisWarmUp warmUp;

  @Test
  void everyCamundaWebappApiIsStartedWithTheApplication() throws Exception {
    Context context = (Context) ((TomcatWebServer) application.getWebServer()).getTomcat().getHost().findChildren()[0];
    List<Wrapper> apis = WebappServing.camundaWebappApis(context);

    // Started once the application is ready, without waiting for a request (bounded wait for the thread).
    List<String> started = warmUp.started().get(2, TimeUnit.MINUTES);
    assertThat(apis).extracting(Wrapper::getName)
        .contains("Cockpit Api", "Tasklist Api", "Admin Api", "Engine Api", "Welcome Api");
    assertThat(started).containsExactlyInAnyOrderElementsOf(apis.stream().map(Wrapper::getName).toList());
    for (Wrapper api : apis) {
      assertThat(api.getServlet()).as(api.getName() + " started").isNotNull();
    }
  }
}
