package com.caisschool.safeguarding.security.provider;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.sso}: the school's OpenID Connect provider (README "Signing in with the
 * school's accounts"). Off while {@code issuer-uri} is unset.
 *
 * @param issuerUri the provider's issuer; its discovery document is read at start-up
 * @param clientId this application's client id at the provider
 * @param clientSecret its client secret
 * @param userIdClaim the claim that becomes the Camunda user id
 * @param groupsClaim the claim listing the user's groups or roles at the provider
 * @param groupMapping entries {@code providerGroup=schoolRole}: which provider group gives which role
 * @param sessionAge how long a sign-in lasts before the provider is asked again (and roles re-read)
 * @param audience the audience bearer tokens must carry; the client id when unset
 */
@ConfigurationProperties("safeguarding.sso")
public record SchoolProviderProperties(String issuerUri, String clientId, String clientSecret,
    String userIdClaim, String groupsClaim, List<String> groupMapping, Duration sessionAge, String audience) {

  public SchoolProviderProperties {
    userIdClaim = blank(userIdClaim) ? "preferred_username" : userIdClaim;
    groupsClaim = blank(groupsClaim) ? "groups" : groupsClaim;
    groupMapping = groupMapping == null ? List.of() : List.copyOf(groupMapping);
    sessionAge = sessionAge == null ? Duration.ofMinutes(15) : sessionAge;
    audience = blank(audience) ? clientId : audience;
  }

  /** Provider group to the school roles it gives; a malformed entry stops the start. */
  public Map<String, Set<String>> rolesByProviderGroup() {
    Map<String, Set<String>> roles = new HashMap<>();
    for (String entry : groupMapping) {
      int separator = entry.lastIndexOf('=');
      if (separator <= 0 || separator == entry.length() - 1) {
        throw new IllegalStateException(
            "safeguarding.sso.group-mapping entries are providerGroup=schoolRole; got: " + entry);
      }
      roles.computeIfAbsent(entry.substring(0, separator).trim(), group -> new HashSet<>())
          .add(entry.substring(separator + 1).trim());
    }
    return roles;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
