package com.caisschool.safeguarding.oncall;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link in an urgent message that acknowledges it without signing in: it names the alert (its
 * process instance) and the person it was sent to, signed with HMAC-SHA256, so it cannot be made
 * up or changed to another alert. It reveals nothing of the case.
 */
public class AcknowledgementLinks {

  /** Who a valid token was sent to, and for which alert. */
  public record Acknowledgement(String alertId, String userId) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;
  private final String pageUrl;

  /** The key is derived from {@code secret} for this use only. */
  public AcknowledgementLinks(byte[] secret, String publicBaseUrl) {
    this.key = hmac(secret, "on-call acknowledgement links".getBytes(StandardCharsets.UTF_8));
    this.pageUrl = publicBaseUrl.replaceAll("/+$", "") + "/on-call/acknowledge?token=";
  }

  public String link(String alertId, String userId) {
    return pageUrl + token(alertId, userId);
  }

  String token(String alertId, String userId) {
    byte[] payload = (alertId + "\n" + userId).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(hmac(key, payload));
  }

  /** The alert and person a token names, if its signature is right; nothing for anything else. */
  public Optional<Acknowledgement> read(String token) {
    if (token == null || token.length() > 600) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    try {
      byte[] payload = DECODER.decode(token.substring(0, Math.max(dot, 0)));
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
      if (dot < 1 || parts.length != 2 || !MessageDigest.isEqual(signature, hmac(key, payload))) {
        return Optional.empty();
      }
      return Optional.of(new Acknowledgement(parts[0], parts[1]));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
