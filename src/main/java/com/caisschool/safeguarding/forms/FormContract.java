package com.caisschool.safeguarding.forms;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The one set of rules for what a person may submit with a form, applied to every task completion
 * and every start by a person (Tasklist and the REST API alike), in this order:
 * <ol>
 *   <li>only the form's own fields: any other variable is refused, by name;</li>
 *   <li>which fields are shown: each field's {@code conditional.hide} is evaluated with the engine's
 *       FEEL engine against the case's variables with the submitted answers over them; a hidden
 *       field may not be answered, and is not required;</li>
 *   <li>every shown required field is answered <em>in this submission</em> (an answer from an
 *       earlier round of a repeating task does not count); a required checkbox must be ticked;</li>
 *   <li>every answer has its field's type, options and {@code validate} limits
 *       ({@link FieldValues}); a read-only field keeps the value it shows.</li>
 * </ol>
 * A refusal is a {@link BadUserRequestException} (400 in the REST API) whose message names the field
 * by label and variable, never the submitted value. A shown checkbox left out is "no", as Tasklist
 * sends it: those values are returned for the caller to set.
 */
public final class FormContract {

  private final HideConditions conditions;
  private final ZoneId schoolZone;

  public FormContract(FeelEngine feel, ZoneId schoolZone) {
    this.conditions = new HideConditions(feel);
    this.schoolZone = schoolZone;
  }

  /**
   * Checks {@code submitted} against the form's {@code fields}; {@code existing} holds what the case
   * already knows (what the form shows besides). With {@code onlyFormFields} false (a start by the
   * system itself, which adds facts of its own) other variables are let through unchecked.
   */
  public Map<String, Object> check(String formId, List<FormField> fields, Map<String, Object> submitted,
      Map<String, Object> existing, boolean onlyFormFields) {
    if (onlyFormFields) {
      refuseOtherVariables(formId, fields, submitted.keySet());
    }
    Map<String, Object> shown = new HashMap<>(existing);
    submitted.forEach((name, value) -> shown.put(name, forFeel(value)));
    Map<String, Object> leftOut = new LinkedHashMap<>();
    HideConditions.Answers hidden = conditions.forValues(shown);
    for (FormField field : fields) {
      Object value = submitted.get(field.key());
      if (hidden.hidden(field)) {
        if (!isBlank(value)) {
          throw FieldValues.refused(field, "is not asked for with these answers (the form hides it)");
        }
        continue;
      }
      if (field.required() && isBlank(value)) {
        throw new BadUserRequestException("Required field missing: " + field.named());
      }
      if (value != null) {
        FieldValues.check(field, value, shown, schoolZone);
      }
      if (field.readonly() && submitted.containsKey(field.key())
          && !Objects.equals(String.valueOf(value), String.valueOf(existing.get(field.key())))) {
        throw FieldValues.refused(field, "is read-only");
      }
      if (field.type().equals("checkbox") && !submitted.containsKey(field.key())) {
        leftOut.put(field.key(), false);
      }
    }
    return leftOut;
  }

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern NAME_IN_EXPRESSION = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  /**
   * The names of the case's variables that {@link #check} reads from {@code existing} for these
   * fields: every name in a hide condition (words of FEEL itself or of a text in quotes come along,
   * and are simply not found), the variable holding a field's options, and each read-only field.
   * Reading only these keeps a completion from decrypting every fact of the case (issue 25); the
   * conditions see the same values as with all variables, as they read nothing else.
   */
  public static Set<String> variablesRead(List<FormField> fields) {
    Set<String> names = new HashSet<>();
    for (FormField field : fields) {
      if (field.hide() != null) {
        NAME_IN_EXPRESSION.matcher(field.hide()).results().forEach(name -> names.add(name.group()));
      }
      if (field.optionsVariable() != null) {
        names.add(field.optionsVariable());
      }
      if (field.readonly()) {
        names.add(field.key());
      }
    }
    return names;
  }

  /**
   * The values of these variables as {@code scope} sees them (its own and its case's), read by
   * name so that nothing else of the case is decrypted (issue 25); absent ones are left out.
   */
  public static Map<String, Object> valuesOf(VariableScope scope, Collection<String> names) {
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      if (scope.hasVariable(name)) {
        values.put(name, scope.getVariable(name));
      }
    }
    return values;
  }

  private static void refuseOtherVariables(String formId, List<FormField> fields, Set<String> submitted) {
    Set<String> own = fields.stream().map(FormField::key).collect(Collectors.toSet());
    submitted.stream().filter(name -> !own.contains(name)).sorted().findFirst().ifPresent(name -> {
      // A name is repeated only when it looks like one: anything else may be text someone pasted.
      String named = VARIABLE_NAME.matcher(name).matches() ? "'" + name + "'" : "A variable";
      throw new BadUserRequestException(named + " is not a field of the form '" + formId
          + "': only the form's own fields can be submitted");
    });
  }

  /** A JSON array (a checklist as Tasklist sends it) is a list to FEEL's {@code list contains}. */
  private static Object forFeel(Object value) {
    if (value instanceof SpinJsonNode json && json.isArray()) {
      return json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    }
    return value;
  }

  /** Not an answer: nothing, blank text, an empty list, an unticked box. */
  static boolean isBlank(Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || value instanceof Collection<?> list && list.isEmpty()
        || value instanceof SpinJsonNode json && json.isArray() && json.elements().isEmpty()
        || Boolean.FALSE.equals(value);
  }
}
