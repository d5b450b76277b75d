package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who is asked to confirm a duty ({@code ${staffDirectory.members(acknowledgementGroup)}}): the
 * members of a role at the moment the request goes out, one task each.
 */
@Component("staffDirectory")
public class StaffDirectory {

  private final IdentityService identityService;

  public StaffDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  public List<String> members(String group) {
    return SystemAccess.run(identityService, () -> identityService.createUserQuery().memberOfGroup(group)
        .orderByUserId().asc().list().stream().map(User::getId).toList());
  }
}
