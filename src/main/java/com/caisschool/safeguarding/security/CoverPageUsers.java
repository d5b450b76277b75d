package com.caisschool.safeguarding.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may open the cover page and record absences ({@code safeguarding.cover.recorders}, beside
 * cover's other settings). Read here, where the doors are set, so that security needs nothing
 * from cover itself.
 */
@ConfigurationProperties("safeguarding.cover")
public record CoverPageUsers(List<String> recorders) {

  public CoverPageUsers {
    recorders = recorders == null ? List.of() : List.copyOf(recorders);
  }
}
