package com.caisschool.safeguarding.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may open the standing duties' pages: the overview, the board report and the single central record (roles under
 * {@code safeguarding.duties}, beside the duties' other settings). Read here, where the doors are
 * set, so that security needs nothing from the duties themselves.
 */
@ConfigurationProperties("safeguarding.duties")
public record DutyPageReaders(List<String> overviewReaders, List<String> boardReportReaders,
    List<String> recruitmentRecordReaders) {

  public DutyPageReaders {
    recruitmentRecordReaders = recruitmentRecordReaders == null ? List.of() : List.copyOf(recruitmentRecordReaders);
    overviewReaders = overviewReaders == null ? List.of() : List.copyOf(overviewReaders);
    boardReportReaders = boardReportReaders == null ? List.of() : List.copyOf(boardReportReaders);
  }
}
