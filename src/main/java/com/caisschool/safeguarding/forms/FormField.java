package com.caisschool.safeguarding.forms;

import java.util.List;

/**
 * One input field of a Camunda Form: its variable, the label a person sees, whether it must be
 * filled in, whether it is shown only on a condition, and its fixed options (if any).
 */
public record FormField(String key, String label, String type, boolean required,
    boolean conditional, List<String> options) {

  /** A field that must always be filled in (conditional fields are checked by the form only). */
  public boolean alwaysRequired() {
    return required && !conditional;
  }

  /** A select or radio field with fixed options: its value must be one of them. */
  public boolean singleChoice() {
    return !options.isEmpty() && (type.equals("select") || type.equals("radio"));
  }
}
