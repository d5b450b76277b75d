package com.caisschool.safeguarding.input;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history, fitted to the application's answers:
 * <ul>
 *   <li>A submitted form's answers are kept as variables, each with its history (the value, the
 *       task that set it, when), and the submission itself in the operation log. The engine would
 *       also write every text answer a second time, as a "form property" row of the history
 *       details: one insert per text field of every submission (issue 25: 23 of a concern case's
 *       statements). Nothing in the application, Tasklist or Cockpit reads those rows, and a copy
 *       of an answer that is not kept is one that cannot leak, so none is written.</li>
 *   <li>A variable whose name does not fit the engine's name column is refused with a clear
 *       message while it is created, instead of failing in the database when the step ends.</li>
 * </ul>
 */
public class LongTextHistory extends CacheAwareHistoryEventProducer {

  /** NAME_ of the engine's variable tables. */
  static final int NAME_COLUMN_LENGTH = 255;

  /** No copy: the engine's history processor skips an event that is not made (null). */
  @Override
  public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue,
      String taskId) {
    return null;
  }

  @Override
  public HistoryEvent createHistoricVariableCreateEvt(VariableInstanceEntity variable, VariableScope scope) {
    if (variable.getName() != null && variable.getName().length() > NAME_COLUMN_LENGTH) {
      throw new BadUserRequestException("A variable name is longer than " + NAME_COLUMN_LENGTH
          + " characters; nothing was saved.");
    }
    return super.createHistoricVariableCreateEvt(variable, scope);
  }
}
