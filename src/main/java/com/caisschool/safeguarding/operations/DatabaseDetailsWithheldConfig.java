package com.caisschool.safeguarding.operations;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Installs {@link DatabaseDetailsWithheld} on the logging system. Spring Boot sets logging up
 * again whenever an application context starts (dropping filters added before), so the filter is
 * put back at every context refresh, and also as soon as the context is being built.
 */
@Configuration
class DatabaseDetailsWithheldConfig {

  DatabaseDetailsWithheldConfig() {
    install();
  }

  @EventListener(ContextRefreshedEvent.class)
  void refreshed() {
    install();
  }

  static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging
        && logging.getTurboFilterList().stream().noneMatch(DatabaseDetailsWithheld.class::isInstance)) {
      logging.addTurboFilter(new DatabaseDetailsWithheld());
    }
  }
}
