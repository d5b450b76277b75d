package com.caisschool.safeguarding.modelchange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every check a deployment passes before it is accepted, whichever way it comes in, and that a dry
 * run shows without deploying (docs/model-rules.md): the files are readable, what they reference
 * resolves, they contain only what the rules allow, and the policy's guarantees still hold.
 */
public class ModelChecks {

  private final ExpressionRules expressions;
  private final PolicyInvariants invariants;

  public ModelChecks(ModelRulesProperties rules, Predicate<String> isBean) {
    this.expressions = new ExpressionRules(rules, isBean);
    this.invariants = new PolicyInvariants(rules);
  }

  public List<Violation> check(ModelFiles files, DeployedDefinitions deployed) {
    List<Violation> violations = new ArrayList<>(files.unreadable());
    ReferenceRules.check(files, deployed, violations::add);
    expressions.check(files, violations::add);
    invariants.check(files, violations::add);
    return violations;
  }
}
