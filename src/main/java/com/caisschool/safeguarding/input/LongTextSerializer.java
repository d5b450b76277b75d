package com.caisschool.safeguarding.input;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * String variables too long for the engine's text column (TEXT_, 4,000 characters on every
 * database) are kept whole in its byte array table instead, as UTF-8; they stay of type String for
 * Tasklist, the REST API and every reader. Shorter strings keep the engine's own serializer, so
 * queries by value still work on them. A string longer than the configured maximum is refused
 * with a message that names the variable and never quotes it.
 *
 * <p>The bytes pass through {@link #encode}/{@link #decode} only: an encrypting variant (issue 27,
 * "protected at rest") replaces these two and registers under its own name.
 */
public class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

  /** Name stored in the variable's TYPE_ column: never change it (stored values are read by it). */
  public static final String NAME = "longString";
  /** Length of the engine's TEXT_ column (ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL). */
  public static final int TEXT_COLUMN_LENGTH = 4000;

  private final int maxTextLength;

  public LongTextSerializer(int maxTextLength) {
    super(ValueType.STRING);
    this.maxTextLength = maxTextLength;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(StringValue value, ValueFields fields) {
    String text = value.getValue();
    checkLength(text, fields);
    fields.setTextValue(null);
    fields.setByteArrayValue(encode(text));
  }

  /** Refuses a text longer than the configured maximum, naming the field, never quoting it. */
  protected void checkLength(String text, ValueFields fields) {
    if (text.length() > maxTextLength) {
      throw new BadUserRequestException("The field '" + fields.getName() + "' is longer than "
          + maxTextLength + " characters; nothing was saved. Shorten it and send again.");
    }
  }

  @Override
  public StringValue readValue(ValueFields fields, boolean asTransientValue) {
    byte[] bytes = fields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : decode(bytes), asTransientValue);
  }

  protected byte[] encode(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  protected String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
