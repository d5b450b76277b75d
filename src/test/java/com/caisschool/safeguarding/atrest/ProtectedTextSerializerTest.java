package com.caisschool.safeguarding.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.input.LongTextSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * Where a String variable's value is kept (issue 25): encrypted in the text column when it fits
 * (no byte array row), in the byte array table when it does not, in clear only for the configured
 * clear variables; and values stored the earlier way (encrypted bytes, clear text) still read.
 */
class ProtectedTextSerializerTest {

  private static final String KEY = "x9wq0RpgB6c7mCqkzJ6h0n3m7l1O4cPZyV3Qm1x9JXk=";
  private final FieldCipher cipher = new FieldCipher(new AtRestProperties("k1", Map.of("k1", KEY),
      "1dWlI4Yw8QH2bH0j6Q0xq7rK9Zg2m1o4VhC3t5pQ8Ls=", false, Set.of("caseReference")));
  private final ProtectedTextSerializer serializer = new ProtectedTextSerializer(50_000, cipher, Set.of("caseReference"));

  @Test
  void aShortAnswerIsKeptEncryptedInTheTextColumnWithoutAByteArray() {
    Fields fields = new Fields("childName");
    serializer.writeValue(Variables.stringValue("Lena Ortega"), fields);

    assertThat(fields.bytes).isNull();
    assertThat(fields.text).startsWith("enc1:k1:").doesNotContain("Lena");
    assertThat(fields.text2).isEqualTo(ProtectedTextSerializer.ENCRYPTED);
    assertThat(serializer.readValue(fields, false).getValue()).isEqualTo("Lena Ortega");
  }

  @Test
  void aLongAnswerIsKeptEncryptedInTheByteArrayTable() {
    Fields fields = new Fields("observations");
    fields.text2 = ProtectedTextSerializer.ENCRYPTED; // it was short before
    String longAnswer = "Bruise on the arm. ".repeat(300);
    serializer.writeValue(Variables.stringValue(longAnswer), fields);

    assertThat(fields.text).isNull();
    assertThat(fields.text2).isNull();
    assertThat(new String(fields.bytes, StandardCharsets.UTF_8)).startsWith("enc1:k1:").doesNotContain("Bruise");
    assertThat(serializer.readValue(fields, false).getValue()).isEqualTo(longAnswer);
  }

  @Test
  void clearVariablesStayInClearAndEarlierValuesStillRead() {
    Fields reference = new Fields("caseReference");
    serializer.writeValue(Variables.stringValue("SG-2026-0001"), reference);
    assertThat(reference.text).isEqualTo("SG-2026-0001");
    assertThat(reference.text2).isNull();
    assertThat(serializer.readValue(reference, false).getValue()).isEqualTo("SG-2026-0001");

    Fields earlier = new Fields("childName");
    earlier.bytes = cipher.encrypt("Lena Ortega").getBytes(StandardCharsets.UTF_8);
    assertThat(serializer.readValue(earlier, false).getValue()).as("encrypted bytes, as written before").isEqualTo("Lena Ortega");
  }

  @Test
  void anAnswerOverTheLimitIsRefusedWithoutQuotingIt() {
    Fields fields = new Fields("observations");
    assertThatThrownBy(() -> serializer.writeValue(Variables.stringValue("x".repeat(50_001)), fields))
        .hasMessageContaining("'observations'").hasMessageNotContaining("xxx");
    assertThat(LongTextSerializer.TEXT_COLUMN_LENGTH).isEqualTo(4000);
  }

  /** A variable's columns, as the engine hands them to a serializer. */
  private static final class Fields implements ValueFields {
    private final String name;
    String text;
    String text2;
    byte[] bytes;

    Fields(String name) {
      this.name = name;
    }

    @Override public String getName() { return name; }
    @Override public String getTextValue() { return text; }
    @Override public void setTextValue(String value) { text = value; }
    @Override public String getTextValue2() { return text2; }
    @Override public void setTextValue2(String value) { text2 = value; }
    @Override public Long getLongValue() { return null; }
    @Override public void setLongValue(Long value) {}
    @Override public Double getDoubleValue() { return null; }
    @Override public void setDoubleValue(Double value) {}
    @Override public byte[] getByteArrayValue() { return bytes; }
    @Override public void setByteArrayValue(byte[] value) { bytes = value; }
  }
}
