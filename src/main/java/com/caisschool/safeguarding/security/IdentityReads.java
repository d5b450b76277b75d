package com.caisschool.safeguarding.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * A request's reads of Camunda's identity store (the sign-in's user, password and groups, the
 * membership {@link CurrentMembership} passes on), each set of them in one engine command, so in
 * one transaction: every engine call made on its own is a transaction of its own, and a REST
 * request used to run eight of them (a user, groups twice, tenants, each query in two commands)
 * before its real work (issue 25). What a request read is kept with that request only
 * ({@link SignInDetails}, {@link #passedOn}), never across requests: membership stays current at
 * every request.
 */
@Component
class IdentityReads {

  /** The request attribute with the membership {@link CurrentMembership} passed on (a {@link Membership}). */
  static final String MEMBERSHIP_NOW = IdentityReads.class.getName() + ".membership";

  /** A user's groups and tenants as the identity store has them now. */
  record Membership(String userId, List<String> groups, List<String> tenants) {}

  private final IdentityService identities;
  private final CommandExecutor commands;

  IdentityReads(IdentityService identities, ProcessEngineConfiguration engineConfiguration) {
    this.identities = identities;
    this.commands = ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired();
  }

  /** The user's groups and tenants, read in one command without the caller's authorizations. */
  Membership membershipOf(String userId) {
    return inOneCommand(() -> readMembership(userId));
  }

  /**
   * Runs identity reads in one engine command (the engine's calls inside join it), without the
   * caller's authorizations (the sign-in and the membership check read for the system).
   */
  <T> T inOneCommand(Supplier<T> reads) {
    return SystemAccess.run(identities, () -> commands.execute(new ReadsInOneCommand<>(reads)));
  }

  /** Named, so that the engine's command log says what ran. */
  private record ReadsInOneCommand<T>(Supplier<T> reads) implements Command<T> {
    @Override
    public T execute(CommandContext context) {
      return reads.get();
    }
  }

  /**
   * Inside {@link #inOneCommand}: the user, or none, read by id through the engine's identity
   * provider (the statement {@code select * from ACT_ID_USER where ID_ = ?}, and the command's
   * entity cache, which the password check then reads from). A user query by id returns the same
   * user but is built anew at every request from the query's dynamic SQL (issue 25).
   */
  User readUser(String userId) {
    return Context.getCommandContext().getReadOnlyIdentityProvider().findUserById(userId);
  }

  /** Inside {@link #inOneCommand}: the groups and tenants (a tenant of one of the groups counts). */
  Membership readMembership(String userId) {
    return new Membership(userId, groupsOf(userId), tenantsOf(userId));
  }

  /**
   * The user's tenants, directly or through a group, as the tenant query answers them, asked of the
   * identity provider inside the command already open: the same query through the identity
   * service is a command of its own nested in this one, which runs the whole chain of the engine's
   * command interceptors again (the application's among them) to join the same transaction and
   * context (issue 25). Any identity provider answers it so (a directory too).
   */
  private static List<String> tenantsOf(String userId) {
    CommandContext context = Context.getCommandContext();
    return context.getReadOnlyIdentityProvider().createTenantQuery(context).userMember(userId)
        .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
  }

  /**
   * The user's groups, ordered by id as the group query orders them. With Camunda's own identity
   * store, through the engine's fixed statement for a user's groups (a join of the groups and the
   * memberships): the group query answers the same but is built anew at every request from its
   * dynamic SQL, about a quarter of the sign-in's reads (issue 25). Any other identity provider
   * (a directory) is asked through its group query, inside this command as the tenants are.
   */
  private List<String> groupsOf(String userId) {
    CommandContext context = Context.getCommandContext();
    if (context.getReadOnlyIdentityProvider() instanceof DbReadOnlyIdentityServiceProvider) {
      List<Group> groups = context.getDbEntityManager().selectList("selectGroupsByUserId", userId);
      return groups.stream().map(Group::getId).sorted().toList();
    }
    return context.getReadOnlyIdentityProvider().createGroupQuery(context).groupMember(userId).list().stream()
        .map(Group::getId).toList();
  }

  /** The membership passed on for this user in this request ({@link CurrentMembership}), if it was. */
  static Optional<Membership> passedOn(jakarta.servlet.ServletRequest request, String userId) {
    return request.getAttribute(MEMBERSHIP_NOW) instanceof Membership membership && membership.userId().equals(userId)
        ? Optional.of(membership) : Optional.empty();
  }
}
