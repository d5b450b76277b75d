package com.caisschool.safeguarding.cover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.cover}: the roles whose members record planned absences (the keys of
 * {@code fallbacks}), and for each, the roles that take its new tasks and alerts, in order, when
 * every member is away and no named cover can (the named cover is away too, or the case is about
 * them). {@code cover-groups}: who may be named as cover. {@code recorders}: who opens the cover
 * page and records or cancels an absence for one of these roles.
 */
@ConfigurationProperties("safeguarding.cover")
public record CoverProperties(Map<String, List<String>> fallbacks, List<String> coverGroups, List<String> recorders) {

  public CoverProperties {
    fallbacks = fallbacks == null ? Map.of() : new LinkedHashMap<>(fallbacks);
    fallbacks.replaceAll((role, chain) -> chain == null ? List.of() : List.copyOf(chain));
    fallbacks = java.util.Collections.unmodifiableMap(fallbacks);
    coverGroups = coverGroups == null ? List.of() : List.copyOf(coverGroups);
    recorders = recorders == null ? List.of() : List.copyOf(recorders);
  }

  /** The roles that are covered: their members' absences count. */
  public java.util.Set<String> coveredRoles() {
    return fallbacks.keySet();
  }
}
