package com.caisschool.safeguarding.webapps;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the log-in page and the Camunda webapps show ({@code safeguarding.webapps}): the product
 * name, where to go when a child is in danger right now, and labels that replace Camunda's.
 */
@ConfigurationProperties("safeguarding.webapps")
public record WebappProperties(String productName, String vendor, String inPersonContact,
    List<EmergencyNumber> emergencyNumbers, Map<String, String> labels) {

  public WebappProperties {
    productName = productName == null || productName.isBlank() ? "Safeguarding" : productName;
    vendor = vendor == null ? "" : vendor;
    emergencyNumbers = emergencyNumbers == null ? List.of() : List.copyOf(emergencyNumbers);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The name as the webapps' header shows it: vendor, then product name. */
  public String displayName() {
    return vendor.isBlank() ? productName : vendor + " " + productName;
  }

  /** A number to call in an emergency, such as "Police" 110. */
  public record EmergencyNumber(String label, String number) {}
}
