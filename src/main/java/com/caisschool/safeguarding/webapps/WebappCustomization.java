package com.caisschool.safeguarding.webapps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasklist, Cockpit, Admin and the welcome page customized the documented way, without touching
 * Camunda's files: each app's {@code scripts/config.js} (product name, vendor, English labels)
 * and its locale files (Camunda's own labels, with the Camunda 8 migration banner blanked and the
 * labels of {@code safeguarding.webapps.labels} replaced). The banner's empty bar is hidden by the
 * app's {@code styles/user-styles.css} under META-INF/resources.
 */
@RestController
class WebappCustomization {

  /** Camunda's end-of-life banner ("It is time to migrate to Camunda 8"): not for a school's staff. */
  static final String EOL_BANNER_LABEL = "BANNER_CE_EOL_TEXT";
  private static final String APPS = "{app:tasklist|cockpit|admin|welcome}";
  private static final String BUNDLED_LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final MediaType JAVASCRIPT = MediaType.parseMediaType("application/javascript;charset=UTF-8");

  private final ObjectMapper json = new ObjectMapper();
  private final WebappProperties webapps;

  WebappCustomization(WebappProperties webapps) {
    this.webapps = webapps;
  }

  @GetMapping("/camunda/app/" + APPS + "/scripts/config.js")
  ResponseEntity<String> config(@PathVariable String app) throws IOException {
    // The template holds the rest of Camunda's options: webapps/<app>-config.js where an app has
    // options of its own (Tasklist's shortcuts), else the shared webapps/config.js.
    ClassPathResource own = new ClassPathResource("webapps/" + app + "-config.js");
    String template = (own.exists() ? own : new ClassPathResource("webapps/config.js"))
        .getContentAsString(StandardCharsets.UTF_8);
    String script = template
        .replace("\"@PRODUCT_NAME@\"", literal(webapps.productName()))
        .replace("\"@VENDOR@\"", literal(webapps.vendor()));
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
  }

  @GetMapping("/camunda/app/" + APPS + "/locales/{language:[a-z]{2}}.json")
  ResponseEntity<String> locale(@PathVariable String app, @PathVariable String language) throws IOException {
    ClassPathResource bundled = new ClassPathResource(BUNDLED_LOCALES.formatted(app, language));
    if (!bundled.exists()) {
      // The webapps then fall back to English.
      return ResponseEntity.notFound().build();
    }
    ObjectNode locale;
    try (InputStream in = bundled.getInputStream()) {
      locale = (ObjectNode) json.readTree(in);
    }
    ObjectNode labels = locale.has("labels") ? (ObjectNode) locale.get("labels") : locale;
    labels.put(EOL_BANNER_LABEL, "");
    webapps.labels().forEach(labels::put);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
        .body(json.writeValueAsString(locale));
  }

  private String literal(String value) throws JsonProcessingException {
    // A JSON string is a JavaScript string literal; "</" cannot end a script element either.
    return json.writeValueAsString(value).replace("</", "<\\/");
  }
}
