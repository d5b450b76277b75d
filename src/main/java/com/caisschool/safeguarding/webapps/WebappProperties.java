package com.caisschool.safeguarding.webapps;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the log-in page and the Camunda webapps show ({@code safeguarding.webapps}): the product
 * name, where to go when a child is in danger right now, and labels that replace Camunda's. The
 * emergency labels and the in-person contact are English, with other languages in maps keyed by
 * language ({@code zh}).
 */
@ConfigurationProperties("safeguarding.webapps")
public record WebappProperties(String productName, String vendor, String inPersonContact,
    Map<String, String> inPersonContacts, List<EmergencyNumber> emergencyNumbers, Map<String, String> labels) {

  public WebappProperties {
    productName = productName == null || productName.isBlank() ? "Safeguarding" : productName;
    vendor = vendor == null ? "" : vendor;
    inPersonContacts = inPersonContacts == null ? Map.of() : Map.copyOf(inPersonContacts);
    emergencyNumbers = emergencyNumbers == null ? List.of() : List.copyOf(emergencyNumbers);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The name as the webapps' header shows it: vendor, then product name. */
  public String displayName() {
    return vendor.isBlank() ? productName : vendor + " " + productName;
  }

  /** Whom to tell in person, in the page's language (English when not translated). */
  public String inPersonContact(Locale locale) {
    return inPersonContacts.getOrDefault(locale.getLanguage(), inPersonContact);
  }

  /** A number to call in an emergency, such as "Police" 110. */
  public record EmergencyNumber(String label, String number, Map<String, String> labels) {

    public EmergencyNumber {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The label in the page's language (English when not translated). */
    public String label(Locale locale) {
      return labels.getOrDefault(locale.getLanguage(), label);
    }
  }
}
