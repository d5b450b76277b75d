package com.caisschool.safeguarding.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's "unlock user" ({@code POST /engine-rest/user/{id}/unlock}, and the Unlock button of
 * Camunda Admin) for members of {@code camunda-admin}: the engine itself allows it to engine
 * superusers only, and there are none here ({@link NoEngineSuperusers}). Lifts the sign-in
 * throttle on the account and any lock the engine holds. Runs last among the filters, after
 * authentication and the webapps' own CSRF check.
 */
class AdminUnlock extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AdminUnlock.class);
  private static final Pattern UNLOCK = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)/unlock$");

  private final IdentityService identityService;
  private final SignInThrottle throttle;

  AdminUnlock(IdentityService identityService, SignInThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher unlock = UNLOCK.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    Authentication admin = SecurityContextHolder.getContext().getAuthentication();
    if (!"POST".equals(request.getMethod()) || !unlock.matches() || admin == null || admin.getAuthorities().stream()
        .noneMatch(group -> group.getAuthority().equals(CamundaIdentityAuthentication.GROUP_PREFIX + Groups.CAMUNDA_ADMIN))) {
      chain.doFilter(request, response);
      return;
    }
    String userId = java.net.URLDecoder.decode(unlock.group(1), java.nio.charset.StandardCharsets.UTF_8);
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    throttle.unlock(userId);
    SystemAccess.run(identityService, () -> identityService.unlockUser(userId));
    log.info("Sign-in limits lifted for an account by administrator {}", admin.getName());
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
