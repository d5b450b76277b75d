package com.caisschool.safeguarding.forms;

/** A command that completes a task only after checking its submission against the form contract. */
interface ContractChecked {

  String checkedTaskId();
}
