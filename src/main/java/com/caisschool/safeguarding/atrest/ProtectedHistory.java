package com.caisschool.safeguarding.atrest;

import com.caisschool.safeguarding.input.LongTextHistory;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * A submitted form also records each text answer as a "form property" in clear in the history
 * details' text column. That copy is replaced by a marker: the answer itself is kept, encrypted,
 * as the variable and in its history ({@link ProtectedTextSerializer}).
 */
class ProtectedHistory extends LongTextHistory {

  static final String MARKER = "[protected: kept encrypted in the variable]";

  private final Set<String> clearVariables;

  ProtectedHistory(Set<String> clearVariables) {
    this.clearVariables = clearVariables;
  }

  @Override
  public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue,
      String taskId) {
    String recorded = propertyValue == null || clearVariables.contains(propertyId) ? propertyValue : MARKER;
    return super.createFormPropertyUpdateEvt(execution, propertyId, recorded, taskId);
  }
}
