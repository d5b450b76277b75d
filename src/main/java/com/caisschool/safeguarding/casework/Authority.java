package com.caisschool.safeguarding.casework;

/** A local authority the school reports to, as a form choice: stored value and shown label. */
public record Authority(String value, String label) {}
