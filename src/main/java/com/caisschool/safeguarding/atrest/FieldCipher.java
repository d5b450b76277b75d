package com.caisschool.safeguarding.atrest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts one value (AES-256-GCM, a fresh nonce each time) under the current key and names the
 * key in the result, {@code enc1:<key id>:<base64 nonce+ciphertext>}, so that values written under
 * an earlier key stay readable while the keys are rotated. A value without the prefix was stored
 * before protection and is returned as it is.
 * <p>
 * Each thread keeps one AES-GCM cipher object and initialises it afresh (key, nonce) for every
 * value: looking the transformation up among the security providers at every value was most of
 * an encryption's cost (issue 25). An initialisation replaces all earlier state, and GCM itself
 * refuses to encrypt twice with the same key and nonce. Each thread also draws its nonces from a
 * generator of its own (DRBG, seeded by the operating system): the default generator reads them
 * under one lock for the whole JVM, on which thirty reports arriving together queued.
 */
public class FieldCipher {

  static final String PREFIX = "enc1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final ThreadLocal<SecureRandom> nonces = ThreadLocal.withInitial(FieldCipher::newRandom);
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(FieldCipher::newCipher);
  private final String currentKey;
  private final Map<String, SecretKey> keys = new HashMap<>();

  public FieldCipher(AtRestProperties properties) {
    this.currentKey = properties.currentKey();
    properties.keys().forEach((id, key) -> {
      if (id.contains(":")) {
        throw new IllegalArgumentException("safeguarding.at-rest.keys: a key id has no ':'");
      }
      if (key != null && !key.isBlank()) {
        keys.put(id, aesKey(key, "safeguarding.at-rest.keys." + id));
      }
    });
  }

  static SecretKey aesKey(String base64, String name) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException(name + " is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(name + " must be 32 bytes (openssl rand -base64 32)");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  public String encrypt(String clear) {
    if (clear == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      nonces.get().nextBytes(nonce);
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(currentKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + currentKey + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(String stored) {
    if (!isEncrypted(stored)) {
      return stored;
    }
    int colon = stored.indexOf(':', PREFIX.length());
    String keyId = stored.substring(PREFIX.length(), colon);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("A value is encrypted with key '" + keyId
          + "', which is not in safeguarding.at-rest.keys");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored value could not be decrypted with key '" + keyId + "'", e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(TRANSFORMATION);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DRBG is part of every Java runtime", e);
    }
  }

  /** How every value encrypted under the current key begins (to find, in SQL, those that are not). */
  public String currentPrefix() {
    return PREFIX + currentKey + ":";
  }

  /** Whether a key other than the current one is configured: values may be stored under it. */
  public boolean hasRetiredKeys() {
    return keys.keySet().stream().anyMatch(id -> !id.equals(currentKey));
  }

  public static boolean isEncrypted(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Whether a stored value is under a key other than the current one (to re-encrypt after a rotation). */
  public boolean needsReencryption(String stored) {
    return isEncrypted(stored) && !stored.startsWith(PREFIX + currentKey + ":");
  }
}
