package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.ContentNegotiatingViewResolver;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfig;
import org.springframework.web.servlet.view.freemarker.FreeMarkerViewResolver;

/**
 * Pages are resolved by Thymeleaf alone, also where a test library brings FreeMarker onto the
 * class path (it is, here): Spring Boot's FreeMarker views are off, so no page name is looked up
 * as a FreeMarker template first, uncached, at every page (issue 25).
 */
@ApplicationTest
class PageViewsTest {

  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void pagesAreThymeleafViewsOnly() {
    assertThat(ViewResolver.class.getClassLoader().getResource("freemarker/template/Template.class"))
        .as("FreeMarker is on the test class path, so the setting is what keeps its views out").isNotNull();
    assertThat(context.getBeansOfType(FreeMarkerViewResolver.class)).isEmpty();
    // Nor is FreeMarker set up: its configuration took part of the start-up.
    assertThat(context.getBeansOfType(FreeMarkerConfig.class)).isEmpty();
    assertThat(context.getBean(ContentNegotiatingViewResolver.class).getViewResolvers())
        .noneMatch(FreeMarkerViewResolver.class::isInstance);
    assertThat(WebappSession.loggedIn(port, "cpo", "demo").page("/casefile").status()).isEqualTo(200);
  }
}
