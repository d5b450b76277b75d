package com.caisschool.safeguarding.reporting;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.security.SystemAccess;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The choices the public page offers for the kind of concern and for who may be causing harm: the
 * options of the concern's start form as deployed, so the page never offers what intake refuses.
 */
class ConcernChoices {

  private final FormDefinitions forms;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  ConcernChoices(FormDefinitions forms, RepositoryService repositoryService, IdentityService identityService) {
    this.forms = forms;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  List<String> categories() {
    return options("categories");
  }

  List<String> concernAbout() {
    return options("concernAbout");
  }

  private List<String> options(String key) {
    String definitionId = SystemAccess.run(identityService, () -> repositoryService
        .createProcessDefinitionQuery().processDefinitionKey(ChannelConcerns.PROCESS_KEY)
        .latestVersion().singleResult().getId());
    return forms.startFormFields(definitionId).stream().filter(f -> f.key().equals(key))
        .findFirst().map(FormField::options).orElse(List.of());
  }
}
