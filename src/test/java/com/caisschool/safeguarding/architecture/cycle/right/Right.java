package com.caisschool.safeguarding.architecture.cycle.right;

import com.caisschool.safeguarding.architecture.cycle.left.Left;

/** The other half of the deliberate package cycle of ArchitectureTest. */
public class Right {

  public Left left() {
    return new Left();
  }
}
