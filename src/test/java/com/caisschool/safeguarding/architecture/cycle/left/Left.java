package com.caisschool.safeguarding.architecture.cycle.left;

import com.caisschool.safeguarding.architecture.cycle.right.Right;

/** Half of a deliberate package cycle: ArchitectureTest proves its rule finds one. */
public class Left {

  public Right right() {
    return new Right();
  }
}
