package com.caisschool.safeguarding.boardreport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small-count rule of the board report, with the default threshold of 5. */
class SmallCountsTest {

  final SmallCounts rule = new SmallCounts(5);

  @Test
  void countsFromOneToFourAreSuppressedZeroAndFiveAreShown() {
    assertThat(rule.count("s", "a", 0).shown()).isEqualTo("0");
    for (long small = 1; small < 5; small++) {
      Cell cell = rule.count("s", "a", small);
      assertThat(cell.suppressed()).isTrue();
      assertThat(cell.count()).isNull();
      assertThat(cell.shown()).isEqualTo("fewer than 5");
    }
    assertThat(rule.count("s", "a", 5).shown()).isEqualTo("5");
  }

  @Test
  void aShareIsShownOnlyWhenNeitherPartIsSmall() {
    assertThat(rule.share("s", "a", 10, 20).shown()).isEqualTo("10 of 20 (50%)");
    assertThat(rule.share("s", "a", 17, 20).suppressed()).as("3 late would be small").isTrue();
    assertThat(rule.share("s", "a", 3, 20).suppressed()).isTrue();
    assertThat(rule.share("s", "a", 4, 4).suppressed()).isTrue();
    assertThat(rule.share("s", "a", 20, 20).shown()).isEqualTo("20 of 20 (100%)");
  }
}
