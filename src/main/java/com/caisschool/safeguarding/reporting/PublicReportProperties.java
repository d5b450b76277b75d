package com.caisschool.safeguarding.reporting;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.public-report}: what the public report page shows (emergency numbers, the
 * CPO's address) and the limits that keep it from being abused.
 */
@ConfigurationProperties("safeguarding.public-report")
public record PublicReportProperties(
    List<EmergencyNumber> emergencyNumbers,
    String cpoEmail,
    int maxNameLength,
    int maxTextLength,
    long maxRequestBytes,
    RateLimit rateLimit) {

  public PublicReportProperties {
    emergencyNumbers = emergencyNumbers == null ? List.of() : List.copyOf(emergencyNumbers);
  }

  /** A number to call, with its label per language ({@code en}, {@code zh}). */
  public record EmergencyNumber(String number, Map<String, String> labels) {

    public String label(Locale locale) {
      Map<String, String> all = labels == null ? Map.of() : labels;
      return all.getOrDefault(locale.getLanguage(), all.getOrDefault("en", ""));
    }
  }

  /** At most {@code requests} form posts per client address in any period of {@code per}. */
  public record RateLimit(int requests, Duration per) {}
}
