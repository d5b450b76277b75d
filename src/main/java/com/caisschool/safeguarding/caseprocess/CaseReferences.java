package com.caisschool.safeguarding.caseprocess;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Date;

/**
 * Case references such as {@code SC-2026-K7QM4T}: the year, then six characters that cannot be
 * guessed from another case's reference (they appear in emails and on receipts).
 */
public class CaseReferences {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private final SecureRandom random = new SecureRandom();
  private final ZoneId schoolZone;

  public CaseReferences(ZoneId schoolZone) {
    this.schoolZone = schoolZone;
  }

  public String next(Date at) {
    StringBuilder reference = new StringBuilder("SC-")
        .append(at.toInstant().atZone(schoolZone).getYear()).append('-');
    for (int i = 0; i < 6; i++) {
      reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return reference.toString();
  }
}
