package com.caisschool.safeguarding.modelchange;

/** One broken rule: which rule (as docs/model-rules.md names it), in which file and element, and why. */
public record Violation(String rule, String file, String element, String message) {

  @Override
  public String toString() {
    return rule + " [" + file + (element == null ? "" : " > " + element) + "]: " + message;
  }
}
