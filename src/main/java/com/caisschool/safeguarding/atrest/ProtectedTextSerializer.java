package com.caisschool.safeguarding.atrest;

import com.caisschool.safeguarding.input.LongTextSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Every String variable of the engine (runtime, history, history details) is stored encrypted in
 * its byte array table by {@link FieldCipher}, except those of {@code safeguarding.at-rest.clear-variables}
 * (no facts; kept searchable in clear, long ones as {@link LongTextSerializer} keeps them). Every
 * reader (Tasklist, Cockpit, the REST API, the processes) gets the clear String, as its
 * authorizations allow. Values of the same String variable cannot be searched by value.
 */
class ProtectedTextSerializer extends LongTextSerializer {

  /** Name stored in the variable's TYPE_ column: never change it (stored values are read by it). */
  static final String NAME = "protectedString";

  private final FieldCipher cipher;
  private final Set<String> clearVariables;

  ProtectedTextSerializer(int maxTextLength, FieldCipher cipher, Set<String> clearVariables) {
    super(maxTextLength);
    this.cipher = cipher;
    this.clearVariables = clearVariables;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    return value.getValue() instanceof String;
  }

  @Override
  public void writeValue(StringValue value, ValueFields fields) {
    if (clearVariables.contains(fields.getName()) && value.getValue().length() <= TEXT_COLUMN_LENGTH) {
      fields.setByteArrayValue(null);
      fields.setTextValue(value.getValue());
      return;
    }
    super.writeValue(value, fields);
  }

  @Override
  public StringValue readValue(ValueFields fields, boolean asTransientValue) {
    if (fields.getByteArrayValue() == null) {
      return Variables.stringValue(fields.getTextValue(), asTransientValue);
    }
    return super.readValue(fields, asTransientValue);
  }

  @Override
  protected byte[] encode(String text) {
    return cipher.encrypt(text).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected String decode(byte[] bytes) {
    return cipher.decrypt(new String(bytes, StandardCharsets.UTF_8));
  }
}
