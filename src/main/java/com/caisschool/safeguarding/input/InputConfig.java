package com.caisschool.safeguarding.input;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Long answers kept whole by the application's engine, up to {@code safeguarding.input-limits}. */
@Configuration
class InputConfig {

  @Bean
  LongTextPlugin longTextPlugin(InputLimits limits) {
    return new LongTextPlugin(limits.maxTextLength());
  }
}
