package com.caisschool.safeguarding.modelchange;

import com.caisschool.safeguarding.modelchange.DeploymentRecords.DeploymentRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Runs before the engine's own deployers on every new deployment, whichever way it comes in (the
 * REST API that Camunda Modeler uses, the application's start-up, a proposal being approved):
 * <ol>
 *   <li>the deployment is checked ({@link ModelChecks}); a broken rule refuses all of it, so the
 *       last good version stays in use;</li>
 *   <li>when a person deploys (an authenticated user of the REST API), the checked files are held
 *       as a proposal for a second person to approve, and nothing is deployed;</li>
 *   <li>otherwise the deployment is accepted and recorded ({@link DeploymentRecords}).</li>
 * </ol>
 * The application's own code (start-up, an approved proposal) deploys with no user authenticated.
 */
final class DeploymentGate implements Deployer {

  static final String APPLICATION = "application";

  private final ModelChecks checks;
  private final Proposals proposals;
  private final DeploymentRecords records;
  private final ModelFilesReadAhead readAhead;

  DeploymentGate(ModelChecks checks, Proposals proposals, DeploymentRecords records, ModelFilesReadAhead readAhead) {
    this.checks = checks;
    this.proposals = proposals;
    this.records = records;
    this.readAhead = readAhead;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // read again from the database (cache): it was checked when it was deployed
    }
    Map<String, byte[]> contents = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> contents.put(name, resource.getBytes()));
    ModelFiles files = readAhead.filesOf(contents);
    var context = Context.getCommandContext();
    var deployed = new EngineDefinitions(context);
    List<Violation> violations = checks.check(files, deployed);
    if (!violations.isEmpty()) {
      throw new ModelRefused(violations);
    }
    String person = context.getAuthenticatedUserId();
    ApprovedChange approved = ApprovedChange.current();
    if (person != null && approved == null) {
      throw new ModelHeldForApproval(proposals.hold(deployment.getName(), person, contents,
          ClockUtil.getCurrentTime().toInstant()));
    }
    ElementChanges changes = ElementChanges.of(files, deployed);
    records.record(new DeploymentRecord(deployment.getId(), ClockUtil.getCurrentTime().toInstant(),
        approved == null ? APPLICATION : approved.proposedBy(), approved == null ? null : approved.approvedBy(),
        String.join(", ", new TreeSet<>(contents.keySet())), changes.added(), changes.removed(),
        changes.versionTags()));
  }
}
