package com.caisschool.safeguarding.forms;

import java.util.List;
import java.util.Map;

/**
 * One input field of a Camunda Form, with the rules the form states for it: the variable it sets,
 * the label a person sees, its type (and date subtype), whether it must be filled in, the FEEL
 * condition that hides it ({@code conditional.hide}, or null), its fixed options or the variable
 * that holds them ({@code valuesKey}), its {@code validate} limits, whether it is read-only, and
 * the label a person sees for each fixed option (value: label).
 */
public record FormField(String key, String label, String type, boolean required, String hide,
    List<String> options, String optionsVariable, Limits limits, String subtype, boolean readonly,
    Map<String, String> optionLabels) {

  /** The {@code validate} limits of a field; null where the form sets none. */
  public record Limits(Double min, Double max, Integer minLength, Integer maxLength, String pattern) {
    static final Limits NONE = new Limits(null, null, null, null, null);
  }

  /** A field with a required flag and nothing else: what a test or a simple form needs. */
  public static FormField simple(String key, String label, String type, boolean required, List<String> options) {
    return new FormField(key, label, type, required, null, options, null, Limits.NONE, null, false, Map.of());
  }

  /** The label a person saw for one of its options; the value itself when the form gives none. */
  public String optionLabel(String value) {
    return optionLabels.getOrDefault(value, value);
  }

  /** Shown only when its condition allows. */
  public boolean conditional() {
    return hide != null;
  }

  /** A select or radio field: its value must be one of its options. */
  public boolean singleChoice() {
    return type.equals("select") || type.equals("radio");
  }

  /** A checklist or taglist: a list of its options. */
  public boolean multipleChoice() {
    return type.equals("checklist") || type.equals("taglist");
  }

  /** How the message names the field: the label the person saw, and the variable. */
  String named() {
    return "'" + label + "' (" + key + ")";
  }
}
