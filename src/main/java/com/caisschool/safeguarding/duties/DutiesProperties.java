package com.caisschool.safeguarding.duties;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.duties}: which standing duties the overview lists (process keys), who reads
 * every training record and every school trip (others see their own), and the smallest count the board report shows (smaller non-zero counts
 * are suppressed so they cannot identify a child). Who opens the overview and the board report is
 * read by the security configuration ({@code DutyPageReaders}).
 */
@ConfigurationProperties("safeguarding.duties")
public record DutiesProperties(List<String> overview, List<String> trainingRecordReaders,
    List<String> tripRecordReaders, int smallCountThreshold) {

  public DutiesProperties {
    overview = overview == null ? List.of() : List.copyOf(overview);
    trainingRecordReaders = trainingRecordReaders == null ? List.of() : List.copyOf(trainingRecordReaders);
    tripRecordReaders = tripRecordReaders == null ? List.of() : List.copyOf(tripRecordReaders);
    if (smallCountThreshold < 1) {
      throw new IllegalArgumentException("safeguarding.duties.small-count-threshold must be 1 or more");
    }
  }
}
