package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.SchoolProvider;
import com.caisschool.safeguarding.testing.SchoolProviderTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.List;
import org.camunda.bpm.engine.identity.Group;

/**
 * The access matrix again, for people who sign in with the school's accounts: each demo user's
 * counterpart at the provider ({@code <user>@school.test}, in the directory groups that map to the
 * demo user's roles) signs in to the webapps through the provider and calls the REST API with the
 * provider's bearer tokens. Every expected answer is the same as for the local accounts.
 */
@SchoolProviderTest
class ProviderAccessMatrixTest extends AccessMatrixTest {

  @Override
  RestApi rest(String user) {
    return RestApi.withBearer(port, SchoolProvider.bearerToken(providerId(user), directoryGroups(user), 600));
  }

  @Override
  WebappSession webapp(String user) {
    return SchoolProvider.signedIn(port, providerId(user), directoryGroups(user));
  }

  private static String providerId(String user) {
    return user + "@school.test";
  }

  /** The groups at the provider that give the demo user's roles. */
  private List<String> directoryGroups(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .map(SchoolProvider::groupFor).toList();
  }
}
