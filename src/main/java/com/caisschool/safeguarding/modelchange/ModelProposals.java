package com.caisschool.safeguarding.modelchange;

import com.caisschool.safeguarding.modelchange.Proposals.Proposal;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changed models from proposal to going live: a dry run (the checks, nothing deployed), a proposal
 * made on the models page or from Camunda Modeler, and the second person's approval (which deploys
 * it, checked again) or rejection. Going back is proposing an earlier deployment's files again.
 */
@Service
public class ModelProposals {

  /** How a proposal to go back to an earlier deployment is named. */
  static final String BACK_TO = "Back to deployment ";

  /** What a dry run found: the broken rules, and what the files would change if they went live. */
  public record DryRun(List<Violation> violations, String added, String removed, String versionTags) {}

  private final ModelChangePlugin plugin;
  private final ProcessEngineConfigurationImpl engine;
  private final RepositoryService repositoryService;
  private final Proposals proposals;
  private final ModelChangeProperties settings;

  ModelProposals(ModelChangePlugin plugin, ProcessEngineConfiguration engine, RepositoryService repositoryService,
      Proposals proposals, ModelChangeProperties settings) {
    this.plugin = plugin;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.repositoryService = repositoryService;
    this.proposals = proposals;
    this.settings = settings;
  }

  /** The checks a deployment of these files would pass through, without deploying anything. */
  public DryRun dryRun(Map<String, byte[]> files) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      ModelFiles models = new ModelFiles(files);
      var deployed = new EngineDefinitions(context);
      ElementChanges changes = ElementChanges.of(models, deployed);
      return new DryRun(plugin.checks().check(models, deployed), changes.added(), changes.removed(),
          changes.versionTags());
    });
  }

  /** Holds checked files as a proposal; files that break a rule are refused as a deployment would be. */
  public long propose(String name, Map<String, byte[]> files, String person) {
    List<Violation> violations = dryRun(files).violations();
    if (!violations.isEmpty()) {
      throw new ModelRefused(violations);
    }
    return proposals.hold(name, person, files, ClockUtil.getCurrentTime().toInstant());
  }

  /** Going back: the files of an earlier deployment, proposed again as the next version. */
  public long proposeAgain(String deploymentId, String person) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
      try (var in = repositoryService.getResourceAsStream(deploymentId, name)) {
        files.put(name, in.readAllBytes());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return propose(BACK_TO + deploymentId, files, person);
  }

  /**
   * The second person approves: not the proposer, and holding one of the approver roles. The files
   * are deployed (and checked again, against what is deployed now) under the proposal's name.
   */
  @Transactional
  public String approve(long id, String person, List<String> groups) {
    Proposal proposal = waiting(id);
    if (person.equals(proposal.proposedBy())) {
      throw new BadUserRequestException("A change goes live only when a second person approves it: "
          + person + " proposed it.");
    }
    if (groups.stream().noneMatch(settings.approverGroups()::contains)) {
      throw new BadUserRequestException("Only " + settings.approverGroups() + " approve a changed model.");
    }
    String deploymentId = new ApprovedChange(id, proposal.proposedBy(), person).run(() -> {
      var deployment = repositoryService.createDeployment().name(proposal.name()).source("proposal " + id);
      proposals.files(id).forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
      return deployment.deploy().getId();
    });
    if (!proposals.decide(id, "APPROVED", person, ClockUtil.getCurrentTime().toInstant(), deploymentId)) {
      throw new BadUserRequestException("Proposal " + id + " was decided meanwhile.");
    }
    return deploymentId;
  }

  @Transactional
  public void reject(long id, String person) {
    waiting(id);
    proposals.decide(id, "REJECTED", person, ClockUtil.getCurrentTime().toInstant(), null);
  }

  private Proposal waiting(long id) {
    Proposal proposal = proposals.find(id);
    if (proposal == null || !"PROPOSED".equals(proposal.state())) {
      throw new BadUserRequestException("Proposal " + id + " is not waiting for approval.");
    }
    return proposal;
  }
}
