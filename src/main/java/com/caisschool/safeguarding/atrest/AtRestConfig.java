package com.caisschool.safeguarding.atrest;

import com.caisschool.safeguarding.input.InputLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Case facts protected at rest: in the engine's tables (the plugin) and in the case file (cipher, index). */
@Configuration
class AtRestConfig {

  @Bean
  FieldCipher fieldCipher(AtRestProperties properties) {
    return new FieldCipher(properties);
  }

  @Bean
  BlindIndex blindIndex(AtRestProperties properties) {
    return new BlindIndex(properties);
  }

  @Bean
  AtRestPlugin atRestPlugin(FieldCipher cipher, AtRestProperties properties, InputLimits limits) {
    return new AtRestPlugin(new ProtectedTextSerializer(limits.maxTextLength(), cipher, properties.clearVariables()));
  }
}
