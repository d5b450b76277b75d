package com.caisschool.safeguarding.testing;

import com.caisschool.safeguarding.forms.FormField;
import java.util.List;
import java.util.Map;

/** A form's fields without their words: what must be the same in every language version. */
public final class FormRules {

  private FormRules() {}

  public static List<FormField> withoutLabels(List<FormField> fields) {
    return fields.stream().map(field -> new FormField(field.key(), "", field.type(), field.required(), field.hide(),
        field.options(), field.optionsVariable(), field.limits(), field.subtype(), field.readonly(), Map.of())).toList();
  }
}
