package com.caisschool.safeguarding.webapps;

import com.caisschool.safeguarding.language.StaffLanguage;
import com.caisschool.safeguarding.language.UserLanguages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasklist, Cockpit, Admin and the welcome page customized the documented way, without touching
 * Camunda's files: each app's {@code scripts/config.js} (product name, vendor, the user's
 * language, a custom script) and its locale files (Camunda's English labels, or ours from
 * {@code webapps/locales/<app>/<locale>.json} for the other staff languages, with the Camunda 8
 * migration banner blanked and, in English, the labels of {@code safeguarding.webapps.labels}
 * replaced). The banner's empty bar is hidden by the app's {@code styles/user-styles.css} under
 * META-INF/resources.
 */
@RestController
class WebappCustomization {

  /** Camunda's end-of-life banner ("It is time to migrate to Camunda 8"): not for a school's staff. */
  static final String EOL_BANNER_LABEL = "BANNER_CE_EOL_TEXT";
  private static final String APPS = "{app:tasklist|cockpit|admin|welcome}";
  private static final String BUNDLED_LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final String OUR_LOCALES = "webapps/locales/%s/%s.json";
  static final String FORM_LIBRARY_WORDS = "forms/i18n/form-library/%s.json";
  private static final MediaType JAVASCRIPT = MediaType.parseMediaType("application/javascript;charset=UTF-8");

  private final ObjectMapper json = new ObjectMapper();
  private final WebappProperties webapps;
  private final UserLanguages languages;
  private final String schoolDateFormat;

  WebappCustomization(WebappProperties webapps, UserLanguages languages,
      @Value("${safeguarding.school-date-format}") String schoolDateFormat) {
    this.webapps = webapps;
    this.languages = languages;
    this.schoolDateFormat = schoolDateFormat;
  }

  @GetMapping("/camunda/app/" + APPS + "/scripts/config.js")
  ResponseEntity<String> config(@PathVariable String app, HttpServletRequest request) throws IOException {
    // The template holds the rest of Camunda's options: webapps/<app>-config.js where an app has
    // options of its own (Tasklist's shortcuts), else the shared webapps/config.js.
    ClassPathResource own = new ClassPathResource("webapps/" + app + "-config.js");
    String template = (own.exists() ? own : new ClassPathResource("webapps/config.js"))
        .getContentAsString(StandardCharsets.UTF_8);
    String script = template
        .replace("\"@PRODUCT_NAME@\"", literal(webapps.productName()))
        .replace("\"@VENDOR@\"", literal(webapps.vendor()))
        .replace("\"@LOCALE@\"", literal(languages.forRequest(request).webappLocale()));
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
  }

  /** Loads the labels before the app starts; sends Camunda's log-in route to the application's page. */
  @GetMapping("/camunda/app/" + APPS + "/scripts/safeguarding-webapps.js")
  ResponseEntity<String> script(HttpServletRequest request) throws IOException {
    String script = new ClassPathResource("webapps/safeguarding-webapps.js").getContentAsString(StandardCharsets.UTF_8)
        .replace("\"@LOCALE@\"", literal(languages.forRequest(request).webappLocale()))
        .replace("\"@LOGIN_PAGE@\"", literal(request.getContextPath() + "/login?logout"));
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
  }

  /**
   * Tasklist's forms: the form library's own words in the user's language
   * ({@code forms/i18n/form-library/<tag>.json}) and dates in the school's format.
   */
  @GetMapping("/camunda/app/tasklist/scripts/safeguarding-forms.js")
  ResponseEntity<String> formsScript(HttpServletRequest request) throws IOException {
    StaffLanguage language = languages.forRequest(request);
    ClassPathResource words = new ClassPathResource(FORM_LIBRARY_WORDS.formatted(language.tag()));
    String script = new ClassPathResource("webapps/safeguarding-forms.js").getContentAsString(StandardCharsets.UTF_8)
        .replace("\"@WORDS@\"", words.exists() ? json.readTree(words.getInputStream()).toString().replace("</", "<\\/") : "{}")
        .replace("\"@LANGUAGE@\"", literal(language.tag()))
        .replace("\"@DATE_FORMAT@\"", literal(schoolDateFormat));
    return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
  }

  @GetMapping("/camunda/app/" + APPS + "/locales/{language:[a-z]{2}}.json")
  ResponseEntity<String> locale(@PathVariable String app, @PathVariable String language) throws IOException {
    ClassPathResource ours = new ClassPathResource(OUR_LOCALES.formatted(app, language));
    ClassPathResource bundled = ours.exists() ? ours : new ClassPathResource(BUNDLED_LOCALES.formatted(app, language));
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
    if (StaffLanguage.ENGLISH.webappLocale().equals(language)) {
      // The configured replacements are English texts.
      webapps.labels().forEach(labels::put);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
        .body(json.writeValueAsString(locale));
  }

  private String literal(String value) throws JsonProcessingException {
    // A JSON string is a JavaScript string literal; "</" cannot end a script element either.
    return json.writeValueAsString(value).replace("</", "<\\/");
  }
}
