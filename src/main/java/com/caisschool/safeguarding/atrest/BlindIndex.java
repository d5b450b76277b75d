package com.caisschool.safeguarding.atrest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a normalised name or student id, stored beside the encrypted value
 * so that the case file finds a child without holding the name in clear. Normalised: Unicode NFKC
 * (full-width letters and digits become ordinary ones), lower case, no spaces; so "Wang  Xiaoming",
 * "wang xiaoming" and "王 小明"/"王小明" each find the same child.
 */
public class BlindIndex {

  private final SecretKey key;

  public BlindIndex(AtRestProperties properties) {
    this.key = new SecretKeySpec(FieldCipher.aesKey(properties.indexKey(), "safeguarding.at-rest.index-key")
        .getEncoded(), "HmacSHA256");
  }

  /** The index of a name or id; null for a blank one. */
  public String of(String text) {
    if (text == null) {
      return null;
    }
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\p{Z}]+", "");
    if (normal.isEmpty()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Index failed", e);
    }
  }
}
