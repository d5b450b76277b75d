package com.caisschool.safeguarding.atrest;

import com.caisschool.safeguarding.input.LongTextSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Every String variable of the engine (runtime, history, history details) is stored encrypted by
 * {@link FieldCipher}, except those of {@code safeguarding.at-rest.clear-variables} (no facts;
 * kept searchable in clear, long ones as {@link LongTextSerializer} keeps them). The encrypted
 * value is kept in the variable's own text column, marked {@value #ENCRYPTED} in its second text
 * column, when it fits there (most answers): the variable then needs no byte array row, which
 * would cost an extra insert in each of the three tables at every write and a select at every read
 * (issue 25). A longer one is kept in the byte array table, as values written before were. Every
 * reader (Tasklist, Cockpit, the REST API, the processes) gets the clear String, as its
 * authorizations allow. Values of the same String variable cannot be searched by value.
 */
class ProtectedTextSerializer extends LongTextSerializer {

  /** Name stored in the variable's TYPE_ column: never change it (stored values are read by it). */
  static final String NAME = "protectedString";
  /** In TEXT2_: the text column holds the value encrypted (never change it: stored values are read by it). */
  static final String ENCRYPTED = "encrypted";

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
      inTextColumn(fields, value.getValue(), null);
      return;
    }
    checkLength(value.getValue(), fields);
    String encrypted = cipher.encrypt(value.getValue());
    if (encrypted.length() <= TEXT_COLUMN_LENGTH) {
      inTextColumn(fields, encrypted, ENCRYPTED);
      return;
    }
    fields.setTextValue2(null);
    super.writeValue(value, fields);
  }

  private static void inTextColumn(ValueFields fields, String text, String marker) {
    fields.setByteArrayValue(null);
    fields.setTextValue(text);
    fields.setTextValue2(marker);
  }

  @Override
  public StringValue readValue(ValueFields fields, boolean asTransientValue) {
    if (ENCRYPTED.equals(fields.getTextValue2())) {
      return Variables.stringValue(cipher.decrypt(fields.getTextValue()), asTransientValue);
    }
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
