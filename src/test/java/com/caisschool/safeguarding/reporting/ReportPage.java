package com.caisschool.safeguarding.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor of the public report page over real HTTP, as a browser without scripts: keeps cookies,
 * takes the CSRF token from the form it was shown, and posts forms (fields may repeat).
 */
final class ReportPage {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  static final Pattern RECEIPT_CODE = Pattern.compile("id=\"receipt-code\">([A-Z0-9-]{19})<");

  private final String baseUrl;
  private final HttpClient http;
  private final String language;
  private String csrfToken;

  ReportPage(int port, String acceptLanguage) {
    this.baseUrl = "http://localhost:" + port;
    this.language = acceptLanguage;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  ReportPage(int port) {
    this(port, "en-GB,en;q=0.9");
  }

  /** Opens a page and remembers the CSRF token of its form, if it has one. */
  Reply open(String path) {
    Reply reply = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    Matcher token = CSRF_FIELD.matcher(reply.body());
    if (token.find()) {
      csrfToken = token.group(1);
    }
    return reply;
  }

  /** Posts a form with the token of the last page shown. Fields: name, value, name, value, ... */
  Reply post(String path, String... fields) {
    List<String> all = new ArrayList<>(List.of(fields));
    if (csrfToken != null) {
      all.add("_csrf");
      all.add(csrfToken);
    }
    return postRaw(path, encode(all));
  }

  /** Posts a form without any CSRF token, as a forged cross-site post would. */
  Reply postWithoutToken(String path, String... fields) {
    return postRaw(path, encode(List.of(fields)));
  }

  Reply postRaw(String path, String body) {
    Reply reply = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    Matcher token = CSRF_FIELD.matcher(reply.body());
    if (token.find()) {
      csrfToken = token.group(1);
    }
    return reply;
  }

  byte[] bytes(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The fields of a complete anonymous report; {@code with} replaces or adds some. */
  static String[] report(String... replacements) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("reporterRole", "anonymous");
    fields.put("childName", "Ana Ortega-Testchild");
    fields.put("childGrade", "Grade 5");
    fields.put("whatHappened", "She has bruises on her arms and says her uncle hits her");
    fields.put("location", "At home");
    fields.put("dangerNow", "no");
    for (int i = 0; i < replacements.length; i += 2) {
      fields.put(replacements[i], replacements[i + 1]);
    }
    return fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }

  private static String encode(List<String> fields) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < fields.size(); i += 2) {
      pairs.add(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
    }
    return pairs.stream().collect(Collectors.joining("&"));
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.header("Accept-Language", language)
          .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, String body, HttpHeaders headers) {
    String receiptCode() {
      Matcher code = RECEIPT_CODE.matcher(body);
      if (!code.find()) {
        throw new AssertionError("No receipt code on the page (" + status + "): " + body);
      }
      return code.group(1);
    }

    /** The page without the parts that differ on every answer (the CSRF token). */
    String withoutToken() {
      return CSRF_FIELD.matcher(body).replaceAll("name=\"_csrf\" value=\"\"");
    }
  }
}
