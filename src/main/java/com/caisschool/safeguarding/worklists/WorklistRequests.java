package com.caisschool.safeguarding.worklists;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** How Tasklist's requests for its filters are served ({@link FiltersWithCountsInOneCommand}). */
@Configuration
class WorklistRequests {

  @Bean
  FilterRegistrationBean<FiltersWithCountsInOneCommand> filtersWithCountsInOneCommand(
      ObjectProvider<ProcessEngine> engine, PlatformTransactionManager transactions) {
    return FiltersWithCountsInOneCommand.registration(engine, transactions);
  }
}
