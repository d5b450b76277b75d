package com.caisschool.safeguarding.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Receipt codes such as {@code K7QM-4TXA-9PRW-C3HN}: 16 characters from a 32-letter alphabet
 * (80 random bits, no 0/O or 1/I to misread). Only their SHA-256 is stored: with 80 random bits a
 * plain hash cannot be reversed by trying codes, and a leaked table gives no code away.
 */
final class ReceiptCodes {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 16;
  private final SecureRandom random = new SecureRandom();

  String next() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The hash of a code as typed: case, spaces and dashes do not matter. */
  static String hash(String typed) {
    String normalized = typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
