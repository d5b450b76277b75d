package com.caisschool.safeguarding.forms;

/** A command that completes a task only after checking its submission against the form contract. */
interface ContractChecked {

  String checkedTaskId();

  /** Whether this command already checked that the caller may work on its task ({@link TaskWorkCheckedOnce}). */
  boolean taskWorkChecked();
}
