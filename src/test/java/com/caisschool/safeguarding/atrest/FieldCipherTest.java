package com.caisschool.safeguarding.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values encrypted under the current key, readable under every kept key; the index finds names in both scripts. */
class FieldCipherTest {

  private static final String KEY_2026 = "x9wq0RpgB6c7mCqkzJ6h0n3m7l1O4cPZyV3Qm1x9JXk=";
  private static final String KEY_2027 = "1dWlI4Yw8QH2bH0j6Q0xq7rK9Zg2m1o4VhC3t5pQ8Ls=";

  @Test
  void aValueIsStoredUnreadableAndReadBack() {
    FieldCipher cipher = new FieldCipher(properties("2026", Map.of("2026", KEY_2026)));
    String stored = cipher.encrypt("王小明 was pushed on the bus");

    assertThat(stored).startsWith("enc1:2026:").doesNotContain("王小明").doesNotContain("bus");
    assertThat(cipher.encrypt("王小明 was pushed on the bus")).as("a fresh nonce each time").isNotEqualTo(stored);
    assertThat(cipher.decrypt(stored)).isEqualTo("王小明 was pushed on the bus");
    assertThat(cipher.decrypt("stored before protection")).isEqualTo("stored before protection");
    assertThat(cipher.encrypt(null)).isNull();
  }

  @Test
  void afterARotationOldValuesStayReadableAndNewOnesUseTheNewKey() {
    String old = new FieldCipher(properties("2026", Map.of("2026", KEY_2026))).encrypt("Lena Ortega");
    FieldCipher rotated = new FieldCipher(properties("2027", Map.of("2026", KEY_2026, "2027", KEY_2027)));

    assertThat(rotated.decrypt(old)).isEqualTo("Lena Ortega");
    assertThat(rotated.needsReencryption(old)).isTrue();
    assertThat(rotated.encrypt("Lena Ortega")).startsWith("enc1:2027:");
    FieldCipher withoutOldKey = new FieldCipher(properties("2027", Map.of("2027", KEY_2027)));
    assertThatThrownBy(() -> withoutOldKey.decrypt(old)).hasMessageContaining("'2026'")
        .hasMessageNotContaining("Lena");
  }

  @Test
  void aTamperedValueIsRefused() {
    FieldCipher cipher = new FieldCipher(properties("2026", Map.of("2026", KEY_2026)));
    String stored = cipher.encrypt("Lena Ortega");
    String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theDevelopmentKeysAndBadKeysAreRefusedWhereConfigured() {
    String dev = AtRestProperties.DEV_KEYS.iterator().next();
    assertThatThrownBy(() -> new AtRestProperties("dev", Map.of("dev", dev), KEY_2027, true, Set.of()))
        .hasMessageContaining("development keys");
    assertThatThrownBy(() -> new AtRestProperties("prod", Map.of("dev", dev), KEY_2027, true, Set.of()))
        .hasMessageContaining("current-key");
    assertThatThrownBy(() -> new FieldCipher(properties("k", Map.of("k", "c2hvcnQ="))))
        .hasMessageContaining("32 bytes");
  }

  @Test
  void theIndexFindsANameWrittenDifferentlyButNotAnotherName() {
    BlindIndex index = new BlindIndex(properties("2026", Map.of("2026", KEY_2026)));

    assertThat(index.of("Wang  Xiaoming")).isEqualTo(index.of(" wang xiaoming "))
        .isNotEqualTo(index.of("Wang Xiaoming2")).hasSize(64);
    assertThat(index.of("王 小明")).isEqualTo(index.of("王小明")).isNotEqualTo(index.of("王小红"));
    assertThat(index.of("Ｓ１２３４５")).as("full-width").isEqualTo(index.of("s12345"));
    assertThat(index.of("  ")).isNull();
    BlindIndex otherKey = new BlindIndex(new AtRestProperties("2026", Map.of("2026", KEY_2026), KEY_2026, false,
        Set.of()));
    assertThat(otherKey.of("王小明")).as("keyed").isNotEqualTo(index.of("王小明"));
  }

  private static AtRestProperties properties(String current, Map<String, String> keys) {
    return new AtRestProperties(current, keys, KEY_2027, false, Set.of());
  }
}
