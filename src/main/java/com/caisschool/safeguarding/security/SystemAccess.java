package com.caisschool.safeguarding.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls that the process itself makes (reading its own forms, starting a linked
 * pathway, granting case access) without the current user's authorizations: the person who
 * completed a task must not need rights to the machinery behind it.
 */
public final class SystemAccess {

  private SystemAccess() {}

  public static <T> T run(IdentityService identityService, Supplier<T> work) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(user);
    }
  }

  public static void run(IdentityService identityService, Runnable work) {
    run(identityService, () -> {
      work.run();
      return null;
    });
  }
}
