package com.caisschool.safeguarding.overview;

import java.util.List;

/**
 * One part of the CPO's overview page. The standing duties are one; the cases (issue 23) join the
 * same page as another bean of this type, without changing the page.
 */
public interface OverviewSection {

  String title();

  /** Position on the page, lower first. */
  int order();

  List<OverviewItem> items();
}
