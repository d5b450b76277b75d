package com.caisschool.safeguarding.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** The REST API's answers to errors that are neither bad input nor a server fault. */
class RejectedInputTest {

  @Test
  void aStepThatMetAnotherChangeOfItsCaseIsAConflictToSendAgainNotAServerError() {
    RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed. Entity was"
            + " updated by another transaction concurrently."), "Cannot submit task form");

    Response answer = RejectedInput.answer(wrapped);

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(answer.getEntity().toString()).contains("nothing was saved. Send it again")
        .doesNotContain("ExecutionEntity").doesNotContain("ENGINE-");
  }

  @Test
  void theEngineFindingTheCaseChangedUnderAStepIsTheSameConflict() {
    Response answer = RejectedInput.answer(new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id"
        + " 'x' of execution 'y', perhaps it was deleted in the meantime"), null);

    assertThat(answer.getStatus()).isEqualTo(409);
  }

  @Test
  void anyOtherEngineErrorStaysAServerErrorThatSaysNothingWasSaved() {
    Response answer = RejectedInput.answer(new ProcessEngineException("something else"), null);

    assertThat(answer.getStatus()).isEqualTo(500);
    assertThat(answer.getEntity().toString()).contains("nothing was saved").doesNotContain("something else");
  }
}
