package com.caisschool.safeguarding.boardreport;

/**
 * One figure of the board report: a count, or a share of a total, with no name and no fact. A
 * suppressed cell ({@code shown} "fewer than N") carries no number at all, so no export can leak it.
 */
public record Cell(String section, String label, Long count, Long total, String shown) {

  public boolean suppressed() {
    return count == null;
  }

  /** The bar's length in percent of the largest figure of its section (or of its total). */
  public int barPercent(long largestInSection) {
    if (count == null) {
      return 0;
    }
    long scale = total != null ? total : largestInSection;
    return scale <= 0 ? 0 : (int) Math.round(100.0 * count / scale);
  }
}
