package com.caisschool.safeguarding.input;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history, fitted to long answers:
 * <ul>
 *   <li>A submitted form also records each text answer as a "form property" in the text column of
 *       the history details. An answer longer than the column is recorded there shortened, marked
 *       so; the answer itself is kept whole as the variable (and in its history) by
 *       {@link LongTextSerializer}.</li>
 *   <li>A variable whose name does not fit the engine's name column is refused with a clear
 *       message while it is created, instead of failing in the database when the step ends.</li>
 * </ul>
 */
public class LongTextHistory extends CacheAwareHistoryEventProducer {

  /** NAME_ of the engine's variable tables. */
  static final int NAME_COLUMN_LENGTH = 255;
  static final String SHORTENED = " [... shortened here; the whole answer is kept in the variable]";

  @Override
  public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue,
      String taskId) {
    return super.createFormPropertyUpdateEvt(execution, propertyId, shortened(propertyValue), taskId);
  }

  @Override
  public HistoryEvent createHistoricVariableCreateEvt(VariableInstanceEntity variable, VariableScope scope) {
    if (variable.getName() != null && variable.getName().length() > NAME_COLUMN_LENGTH) {
      throw new BadUserRequestException("A variable name is longer than " + NAME_COLUMN_LENGTH
          + " characters; nothing was saved.");
    }
    return super.createHistoricVariableCreateEvt(variable, scope);
  }

  static String shortened(String value) {
    if (value == null || value.length() <= LongTextSerializer.TEXT_COLUMN_LENGTH) {
      return value;
    }
    return value.substring(0, LongTextSerializer.TEXT_COLUMN_LENGTH - SHORTENED.length()) + SHORTENED;
  }
}
