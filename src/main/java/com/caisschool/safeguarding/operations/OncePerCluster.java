package com.caisschool.safeguarding.operations;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work that must happen once per cluster (the retention review, the mailbox poll) runs
 * on every node's scheduler but only where its {@code @SchedulerLock} is taken: a row of
 * {@code scheduler_lock} in the database all nodes share, held until the work ends (at least and
 * at most as long as each lock says), with the database's clock so that the nodes' clocks do not
 * matter. A node that dies while holding a lock holds it no longer than the lock's most.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class OncePerCluster {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .withTableName("scheduler_lock")
        .usingDbTime()
        .build());
  }
}
