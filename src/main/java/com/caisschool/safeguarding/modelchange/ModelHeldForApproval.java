package com.caisschool.safeguarding.modelchange;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A person deployed a changed model that passed the checks: it is held as a proposal and nothing is
 * deployed until a second person approves it (README "Changing a model"). The REST API (Camunda
 * Modeler's deploy) answers 400 with this message, so Modeler shows where the proposal waits.
 */
public class ModelHeldForApproval extends BadUserRequestException {

  private final long proposalId;

  public ModelHeldForApproval(long proposalId) {
    super("The deployment passed the checks and is held as proposal " + proposalId + "; nothing was deployed yet."
        + " It goes live when a second person (another administrator or the CPO) approves it at /models.");
    this.proposalId = proposalId;
  }

  public long proposalId() {
    return proposalId;
  }
}
