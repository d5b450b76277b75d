package com.caisschool.safeguarding.input;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.input-limits}: the longest answer kept in any channel (README "Limits").
 * A longer one is refused, naming the field, before anything is written.
 *
 * @param maxTextLength characters of one free-text answer (what happened, a reason, notes)
 * @param maxNameLength characters of a name, a grade, a student id or a place
 */
@ConfigurationProperties("safeguarding.input-limits")
public record InputLimits(int maxTextLength, int maxNameLength) {

  public InputLimits {
    if (maxNameLength <= 0 || maxTextLength < maxNameLength) {
      throw new IllegalArgumentException("safeguarding.input-limits: 0 < max-name-length <= max-text-length");
    }
  }
}
