package com.caisschool.safeguarding.webapps;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A signed-in user who opens a page their role does not use (an administrator opening Tasklist,
 * staff opening Cockpit) gets a page that says so and links the apps they can open, in their
 * language, in place of a bare "403".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoAccessPage implements ErrorViewResolver {

  static final List<String> APPS = List.of("tasklist", "cockpit", "admin");
  private static final Pattern WEBAPP = Pattern.compile("^/camunda/app/(tasklist|cockpit|admin|welcome)(/.*)?$");

  private final AuthorizationService authorizations;
  private final IdentityService identityService;

  NoAccessPage(AuthorizationService authorizations, IdentityService identityService) {
    this.authorizations = authorizations;
    this.identityService = identityService;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (status != HttpStatus.FORBIDDEN || user == null || !user.isAuthenticated()
        || user instanceof AnonymousAuthenticationToken) {
      return null;
    }
    Object path = model.get("path");
    Matcher webapp = WEBAPP.matcher(path == null ? "" : path.toString());
    String page = webapp.matches() ? webapp.group(1) : "page";
    return new ModelAndView("no-access",
        Map.of("page", page, "apps", openedBy(user.getName()), "webapps", webappsLink()), HttpStatus.FORBIDDEN);
  }

  /** The apps Camunda lets this user into (APPLICATION ACCESS, as Admin grants it). */
  private List<String> openedBy(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return APPS.stream().filter(app -> authorizations.isUserAuthorized(userId, groups, Permissions.ACCESS,
        Resources.APPLICATION, app)).toList();
  }

  private static String webappsLink() {
    return "/camunda/app/";
  }
}
