package com.caisschool.safeguarding.modelchange;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a model may contain and which of the policy's guarantees it must keep
 * ({@code safeguarding.model-rules}; docs/model-rules.md).
 *
 * @param beans the beans (and engine objects) an expression may name, each with the methods it may
 *     call on them; a delegate bean lists none
 * @param variableMethods methods an expression may call on a process variable (a list, a text)
 * @param functions functions an expression may call
 * @param caseProcessDefinitionKeys processes that must stay case processes ({@code case = true})
 * @param decisionFieldSuffixes a form field whose key ends so records a decision
 * @param decisionFields form fields that record a decision whatever their name
 * @param reasonFieldSuffixes a required field whose key ends so is the decision's reason
 * @param caseStudyTeamCourses the courses of action the Case Study Team's decision leads to
 */
@ConfigurationProperties("safeguarding.model-rules")
public record ModelRulesProperties(Map<String, List<String>> beans, List<String> variableMethods,
    List<String> functions, List<String> caseProcessDefinitionKeys, List<String> decisionFieldSuffixes,
    List<String> decisionFields, List<String> reasonFieldSuffixes, List<String> caseStudyTeamCourses) {

  public ModelRulesProperties {
    beans = beans == null ? Map.of() : Map.copyOf(beans);
    variableMethods = copy(variableMethods);
    functions = copy(functions);
    caseProcessDefinitionKeys = copy(caseProcessDefinitionKeys);
    decisionFieldSuffixes = copy(decisionFieldSuffixes);
    decisionFields = copy(decisionFields);
    reasonFieldSuffixes = copy(reasonFieldSuffixes);
    caseStudyTeamCourses = copy(caseStudyTeamCourses);
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
