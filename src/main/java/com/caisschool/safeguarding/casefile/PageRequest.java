package com.caisschool.safeguarding.casefile;

/**
 * The page of a long list a person asked for ({@code ?page=3}), numbered from 1, of
 * {@code safeguarding.case-file.page-size} rows. Anything else is refused with a clear message
 * (a 400 that does not repeat what was sent).
 */
record PageRequest(int number, int size) {

  /** Far beyond any school's case file, small enough that the row offset cannot overflow. */
  static final int LAST_PAGE_ASKED_FOR = 1_000_000;

  PageRequest {
    if (number < 1 || number > LAST_PAGE_ASKED_FOR) {
      throw new IllegalArgumentException(refusal());
    }
  }

  /** The page a request names; none: the first. */
  static PageRequest of(String page, int size) {
    if (page == null || page.isBlank()) {
      return new PageRequest(1, size);
    }
    String number = page.trim();
    if (number.length() > 7 || !number.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(refusal());
    }
    return new PageRequest(Integer.parseInt(number), size);
  }

  /** The rows before this page. */
  long offset() {
    return (long) (number - 1) * size;
  }

  private static String refusal() {
    return "The page is a whole number from 1 to " + LAST_PAGE_ASKED_FOR + ".";
  }
}
