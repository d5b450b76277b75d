package com.caisschool.safeguarding.boardreport;

/**
 * The rule that keeps small numbers from identifying a child: a count from 1 to threshold - 1 is
 * shown as "fewer than threshold"; a share is shown only when its total and both of its parts are
 * zero or at least the threshold.
 */
final class SmallCounts {

  private final int threshold;

  SmallCounts(int threshold) {
    this.threshold = threshold;
  }

  Cell count(String section, String label, long count) {
    return small(count) ? suppressed(section, label) : new Cell(section, label, count, null, Long.toString(count));
  }

  Cell share(String section, String label, long part, long total) {
    if (total == 0) {
      return new Cell(section, label, 0L, 0L, "none");
    }
    if (small(total) || small(part) || small(total - part)) {
      return suppressed(section, label);
    }
    return new Cell(section, label, part, total, part + " of " + total + " (" + Math.round(100.0 * part / total) + "%)");
  }

  private boolean small(long count) {
    return count > 0 && count < threshold;
  }

  private Cell suppressed(String section, String label) {
    return new Cell(section, label, null, null, "fewer than " + threshold);
  }
}
