package com.caisschool.safeguarding.modelchange;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * No person removes a case's history, whatever grants they hold or give themselves: through the
 * REST API, Cockpit or Admin, deleting a deployment or a process definition (which deletes their
 * cases), cancelling, deleting or modifying a running case, and deleting or shortening history are
 * refused (403). A case is ended early from its case file, as a recorded step with a reason; a
 * model is changed by deploying a new version (README "Changing a model"). The application's own
 * code, which runs with no user authenticated, is not a person and is not refused.
 */
final class HistoryKeeping extends CommandInterceptor {

  private static final String MODELS = "Deployments and process definitions are never deleted: their cases and"
      + " history would go with them. Deploy a corrected version instead (README \"Changing a model\").";
  private static final String CASES = "A case is not cancelled, deleted or modified here: end it early from its"
      + " case file (/casefile), where the reason is recorded.";
  private static final String HISTORY = "A case's history is kept as the retention rule says; it is not deleted or"
      + " shortened by hand.";

  private static final Map<Class<?>, String> REFUSED = Map.ofEntries(
      Map.entry(DeleteDeploymentCmd.class, MODELS),
      Map.entry(DeleteProcessDefinitionsByIdsCmd.class, MODELS),
      Map.entry(DeleteProcessDefinitionsByKeyCmd.class, MODELS),
      Map.entry(DeleteProcessInstanceCmd.class, CASES),
      Map.entry(DeleteProcessInstancesCmd.class, CASES),
      Map.entry(DeleteProcessInstanceBatchCmd.class, CASES),
      Map.entry(ModifyProcessInstanceCmd.class, CASES),
      Map.entry(ModifyProcessInstanceAsyncCmd.class, CASES),
      Map.entry(ProcessInstanceModificationCmd.class, CASES),
      Map.entry(ProcessInstanceModificationBatchCmd.class, CASES),
      Map.entry(DeleteHistoricProcessInstancesCmd.class, HISTORY),
      Map.entry(DeleteHistoricProcessInstancesBatchCmd.class, HISTORY),
      Map.entry(DeleteHistoricTaskInstanceCmd.class, HISTORY),
      Map.entry(DeleteHistoricVariableInstanceCmd.class, HISTORY),
      Map.entry(DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, HISTORY),
      Map.entry(DeleteHistoricDecisionInstanceByDefinitionIdCmd.class, HISTORY),
      Map.entry(DeleteHistoricDecisionInstanceByInstanceIdCmd.class, HISTORY),
      Map.entry(DeleteHistoricDecisionInstancesBatchCmd.class, HISTORY),
      Map.entry(DeleteHistoricDecisionInstancesBulkCmd.class, HISTORY),
      Map.entry(DeleteUserOperationLogEntryCmd.class, HISTORY),
      Map.entry(SetRemovalTimeToHistoricProcessInstancesCmd.class, HISTORY),
      Map.entry(SetRemovalTimeToHistoricDecisionInstancesCmd.class, HISTORY),
      Map.entry(SetRemovalTimeToHistoricBatchesCmd.class, HISTORY),
      Map.entry(UpdateProcessDefinitionHistoryTimeToLiveCmd.class, HISTORY),
      Map.entry(UpdateDecisionDefinitionHistoryTimeToLiveCmd.class, HISTORY),
      Map.entry(DeleteProcessInstanceCommentCmd.class, HISTORY),
      Map.entry(DeleteTaskCommentCmd.class, HISTORY),
      Map.entry(DeleteAttachmentCmd.class, HISTORY));

  private final Supplier<IdentityService> identityService;

  HistoryKeeping(Supplier<IdentityService> identityService) {
    this.identityService = identityService;
  }

  @Override
  public <T> T execute(Command<T> command) {
    String refused = REFUSED.get(command.getClass());
    if (refused != null && identityService.get() != null
        && identityService.get().getCurrentAuthentication() != null) {
      throw new AuthorizationException(refused);
    }
    return next.execute(command);
  }
}
