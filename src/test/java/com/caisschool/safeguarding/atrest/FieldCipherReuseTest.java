package com.caisschool.safeguarding.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each thread reuses one cipher object (issue 25): nothing of one value may carry over to the
 * next, whatever came before it (a value under another key, a tampered value refused, the other
 * direction), and threads never share one. Nor do they share a nonce generator: no nonce comes twice,
 * however many threads encrypt at once.
 */
class FieldCipherReuseTest {

  private static final String KEY_2026 = "x9wq0RpgB6c7mCqkzJ6h0n3m7l1O4cPZyV3Qm1x9JXk=";
  private static final String KEY_2027 = "1dWlI4Yw8QH2bH0j6Q0xq7rK9Zg2m1o4VhC3t5pQ8Ls=";

  @Test
  void eachValueStandsAloneOnOneThreadWhateverCameBefore() {
    String underOldKey = new FieldCipher(new AtRestProperties("2026", Map.of("2026", KEY_2026), KEY_2027, false, Set.of()))
        .encrypt("Lena Ortega");
    FieldCipher cipher = new FieldCipher(new AtRestProperties("2027", Map.of("2026", KEY_2026, "2027", KEY_2027),
        KEY_2027, false, Set.of()));
    String first = cipher.encrypt("first");
    String tampered = first.substring(0, first.length() - 4) + (first.endsWith("AAAA") ? "BBBB" : "AAAA");

    assertThat(cipher.decrypt(underOldKey)).isEqualTo("Lena Ortega");
    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    assertThat(cipher.decrypt(first)).isEqualTo("first");
    String second = cipher.encrypt("second");
    assertThat(second).startsWith("enc1:2027:").isNotEqualTo(cipher.encrypt("second"));
    assertThat(cipher.decrypt(second)).isEqualTo("second");
    assertThat(cipher.decrypt(underOldKey)).isEqualTo("Lena Ortega");
    assertThat(cipher.encrypt("")).isNotEqualTo(cipher.encrypt(""));
    assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
  }

  @Test
  void threadsEncryptAndReadBackAtTheSameTime() throws Exception {
    FieldCipher cipher = new FieldCipher(new AtRestProperties("2026", Map.of("2026", KEY_2026), KEY_2027, false, Set.of()));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> read = IntStream.range(0, 400)
          .mapToObj(i -> threads.submit(() -> cipher.decrypt(cipher.encrypt("value " + i)))).toList();
      for (int i = 0; i < read.size(); i++) {
        assertThat(read.get(i).get()).isEqualTo("value " + i);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void noNonceComesTwiceWhenManyThreadsEncryptAtOnce() throws Exception {
    FieldCipher cipher = new FieldCipher(new AtRestProperties("2026", Map.of("2026", KEY_2026), KEY_2027, false, Set.of()));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> sealed = IntStream.range(0, 4000).mapToObj(i -> threads.submit(() -> cipher.encrypt("same")))
          .toList();
      Set<String> nonces = new java.util.HashSet<>();
      for (Future<String> value : sealed) {
        byte[] stored = java.util.Base64.getDecoder().decode(value.get().substring("enc1:2026:".length()));
        nonces.add(java.util.HexFormat.of().formatHex(stored, 0, 12));
      }
      assertThat(nonces).hasSize(4000);
    } finally {
      threads.shutdownNow();
    }
  }
}
