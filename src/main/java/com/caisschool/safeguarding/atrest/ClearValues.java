package com.caisschool.safeguarding.atrest;

/**
 * Values of one store (the engine's tables, the case file's) written before they were protected
 * at rest, or under a retired key: {@link #encrypt} rewrites them as they are written now (and
 * fills what indexes them), and can run again at any time.
 */
public interface ClearValues {

  /** Rewrites what is left in clear or under a retired key; returns how many values it rewrote. */
  int encrypt();
}
