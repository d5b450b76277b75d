package com.caisschool.safeguarding.escalation;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.notification.Notifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bean behind {@code ${escalate}}; the parse that adds it to every task is in the case-process plugin. */
@Configuration
class EscalationConfig {

  @Bean
  LateTaskEscalation escalate(Notifier notifier, SafeguardingProperties properties) {
    return new LateTaskEscalation(notifier, properties.escalation());
  }
}
