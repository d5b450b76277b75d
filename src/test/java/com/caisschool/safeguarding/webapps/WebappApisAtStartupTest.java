package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Camunda's webapp APIs are running before anyone opens Tasklist or Cockpit: the first page load
 * never waits for one to start (the webapps' script loader gives up after 7 seconds; a browser
 * suite run on a busy machine once stalled on exactly that). {@link WebappServing}.
 */
@ApplicationTest
class WebappApisAtStartupTest {

  @Autowired ServletWebServerApplicationContext application;

  @Test
  void everyCamundaWebappApiIsStartedWithTheApplication() {
    Context context = (Context) ((TomcatWebServer) application.getWebServer()).getTomcat().getHost().findChildren()[0];
    List<Wrapper> apis = WebappServing.camundaWebappApis(context);

    assertThat(apis).extracting(Wrapper::getName)
        .contains("Cockpit Api", "Tasklist Api", "Admin Api", "Engine Api", "Welcome Api");
    for (Wrapper api : apis) {
      // (Camunda registers them with none: started by the first request.)
      assertThat(api.getLoadOnStartup()).as(api.getName() + " load-on-startup").isPositive();
      assertThat(api.getServlet()).as(api.getName() + " started").isNotNull();
    }
  }
}
