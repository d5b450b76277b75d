package com.caisschool.safeguarding.overview;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who sees the cases on the overview ({@code safeguarding.overview.case-readers}): the CPO and the deputy. */
@ConfigurationProperties("safeguarding.overview")
public record OverviewProperties(List<String> caseReaders) {

  public OverviewProperties {
    caseReaders = caseReaders == null ? List.of() : List.copyOf(caseReaders);
  }
}
