package com.caisschool.safeguarding.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Group membership as it is now, at every request, without a restart or a new log-in:
 * <ul>
 *   <li>the roles Spring Security checks (the case file, the duty pages) and the groups Tasklist
 *       and Cockpit keep in the session are read again when they changed;</li>
 *   <li>someone who joined a group a case is hidden from (an acting Head) gets their own walls
 *       around that case before the request goes on;</li>
 *   <li>someone a case is about who reads history by process definition (the CPO and deputy: a
 *       grant per definition cannot leave one case out) gets the engine's history API with the
 *       cases about them left out ({@link HistoryWithoutOwnCases}). Others read no history anyway
 *       and get the engine's answer.</li>
 * </ul>
 * The groups and tenants are those the sign-in of this same request read
 * (HTTP Basic signs in at every request); a request signed in earlier (a web session) reads them
 * again, in one engine command ({@link IdentityReads}). The engine's authentication takes them from
 * the request ({@link SpringSecurityIdentity}) instead of reading them once more.
 */
@Component
class CurrentMembership {

  private static final Pattern HISTORY = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/history(/.*)?$");

  private final IdentityService identities;
  private final IdentityReads reads;
  private final AuthorizationService authorizations;
  private final CaseSubjects subjects;
  private final CaseAccess caseAccess;
  private final TransactionTemplate transaction;
  private final HistoryWithoutOwnCases historyWithoutOwnCases;
  /** The groups each user had at their last request on this node. */
  private final Map<String, Set<String>> lastSeen = new ConcurrentHashMap<>();

  CurrentMembership(IdentityService identities, IdentityReads reads, AuthorizationService authorizations,
      CaseSubjects subjects, CaseAccess caseAccess, PlatformTransactionManager transactions,
      HistoryWithoutOwnCases historyWithoutOwnCases) {
    this.historyWithoutOwnCases = historyWithoutOwnCases;
    this.identities = identities;
    this.reads = reads;
    this.authorizations = authorizations;
    this.subjects = subjects;
    this.caseAccess = caseAccess;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The filter, placed in each security chain after authentication and before the access rules. */
  OncePerRequestFilter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
          IdentityReads.Membership membership = SignInDetails.readAtSignIn(request, user.getName())
              .orElseGet(() -> reads.membershipOf(user.getName()));
          request.setAttribute(IdentityReads.MEMBERSHIP_NOW, membership);
          Set<String> groups = new HashSet<>(membership.groups());
          if (!groups.equals(lastSeen.put(user.getName(), groups))) {
            wallOffGroupCases(user.getName(), groups);
          }
          refreshSpringRoles(user, groups);
          refreshWebappGroups(request.getSession(false), user.getName(), groups);
          if (HISTORY.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()
              && readsHistoryByDefinition(user.getName(), groups)) {
            Set<String> hidden = subjects.referencesHiddenFrom(user.getName());
            if (!hidden.isEmpty()) {
              historyWithoutOwnCases.answer(request, response, chain, hidden);
              return;
            }
          }
        }
        chain.doFilter(request, response);
      }
    };
  }

  private boolean readsHistoryByDefinition(String userId, Set<String> groups) {
    return SystemAccess.run(identities, () -> authorizations.isUserAuthorized(userId, List.copyOf(groups),
        Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION));
  }

  private void wallOffGroupCases(String userId, Set<String> groups) {
    for (String reference : subjects.referencesHiddenFromGroupsWithoutUserWall(userId, groups)) {
      transaction.executeWithoutResult(status -> {
        subjects.addUser(reference, userId);
        caseAccess.wallOff(userId, reference);
      });
    }
  }

  private static void refreshSpringRoles(Authentication user, Set<String> groups) {
    if (!(user instanceof UsernamePasswordAuthenticationToken)) {
      return; // a provider sign-in takes its roles from the provider at every sign-in
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    user.getAuthorities().stream()
        .filter(authority -> !authority.getAuthority().startsWith(CamundaIdentityAuthentication.GROUP_PREFIX))
        .forEach(authorities::add);
    groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(CamundaIdentityAuthentication.GROUP_PREFIX + group)));
    if (!new HashSet<>(authorities).equals(new HashSet<>(user.getAuthorities()))) {
      var refreshed = UsernamePasswordAuthenticationToken.authenticated(user.getPrincipal(), null, authorities);
      refreshed.setDetails(user.getDetails());
      SecurityContextHolder.getContext().setAuthentication(refreshed);
    }
  }

  /** Tasklist and Cockpit cache the user's groups in the session: dropped when they changed, read again by Camunda. */
  private static void refreshWebappGroups(HttpSession session, String userId, Set<String> groups) {
    if (session == null) {
      return;
    }
    Authentications webapp = AuthenticationUtil.getAuthsFromSession(session);
    boolean changed = false;
    for (UserAuthentication authentication : List.copyOf(webapp.getAuthentications())) {
      if (userId.equals(authentication.getName()) && !groups.equals(new HashSet<>(authentication.getGroupIds()))) {
        webapp.removeByEngineName(authentication.getProcessEngineName());
        changed = true;
      }
    }
    if (changed) {
      AuthenticationUtil.updateSession(session, webapp);
    }
  }
}
