package com.caisschool.safeguarding.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the application, without the browser: the log-in form (with its CSRF
 * token), the session cookie, and Camunda's XSRF token for the webapps' API, as Tasklist, Cockpit
 * and Admin use them. Redirects are not followed, so a test sees where it is sent.
 */
public final class WebappSession {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String baseUrl;
  private final CookieManager cookies;
  private final HttpClient http;

  private WebappSession(int port) {
    this(port, new CookieManager());
  }

  private WebappSession(int port, CookieManager cookies) {
    this.baseUrl = "http://localhost:" + port;
    this.cookies = cookies;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A session with nobody logged in. */
  public static WebappSession anonymous(int port) {
    return new WebappSession(port);
  }

  /** Logs in through the log-in page; fails the test when the log-in is refused. */
  public static WebappSession loggedIn(int port, String user, String password) {
    WebappSession session = new WebappSession(port);
    Reply login = session.logIn(user, password);
    if (!login.redirectsTo("/start")) {
      throw new AssertionError("Log-in of " + user + " refused: " + login.status() + " " + login.location());
    }
    // Opening a webapp page hands out Camunda's XSRF cookie, as in a browser.
    session.page("/camunda/app/welcome/default/");
    return session;
  }

  /** The same browser (same cookies, so the same session) talking to another node on another port. */
  public WebappSession onPort(int otherPort) {
    return new WebappSession(otherPort, cookies);
  }

  /** Submits the log-in form; the reply redirects to Tasklist on success, to /login?error otherwise. */
  public Reply logIn(String user, String password) {
    return postForm("/login", Map.of("username", user, "password", password, "_csrf", csrfTokenOf(page("/login"))));
  }

  /** A GET as the webapps' scripts send it (JSON). */
  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
  }

  /** A GET of a resource with what it links embedded (HAL), as Tasklist asks for a task. */
  public Reply getHal(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/hal+json").GET());
  }

  /** A GET as a browser sends it when the user opens a page. */
  public Reply page(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
  }

  /** A file download (such as a PDF) that changes nothing, as bytes. */
  public byte[] download(String path) {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new AssertionError("Download of " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A file export (such as a PDF) as the page's export button sends it: a POST with the page's
   * CSRF token. Returns the file's bytes.
   */
  public byte[] export(String pagePath, String exportPath) {
    String token = csrfTokenOf(page(pagePath));
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + exportPath))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("_csrf", token)))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new AssertionError("Export of " + exportPath + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Any request with Spring's CSRF token taken from a page's form, as the page's own form would send it. */
  public Reply send(String method, String path, String csrfToken, Map<String, String> fields) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-CSRF-TOKEN", csrfToken)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .method(method, HttpRequest.BodyPublishers.ofString(formBody(fields))));
  }

  /** A multipart form (files) with Spring's CSRF token, as a page's file upload sends it. */
  public Reply sendMultipart(String path, String csrfToken, MultipartBody body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-CSRF-TOKEN", csrfToken)
        .header("Content-Type", body.contentType()).POST(body.publisher()));
  }

  /** One file under the form field {@code file}, as the roster page's upload sends it. */
  public Reply upload(String path, String csrfToken, String fileName, String content) {
    return sendMultipart(path, csrfToken,
        new MultipartBody().files("file", Map.of(fileName, content.getBytes(StandardCharsets.UTF_8))));
  }

  /** The CSRF token in a page's form (Spring's {@code _csrf} field). */
  public static String csrfTokenOf(Reply page) {
    Matcher token = CSRF_FIELD.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("The page has no CSRF token");
    }
    return token.group(1);
  }

  /** A JSON POST as the webapps send it, with Camunda's XSRF token. */
  public Reply post(String path, Object body) {
    return send(withXsrf(HttpRequest.newBuilder(URI.create(baseUrl + path)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** A JSON POST asking for what the answer links embedded (HAL), as Tasklist lists a filter's tasks. */
  public Reply postHal(String path, Object body) {
    return send(withXsrf(HttpRequest.newBuilder(URI.create(baseUrl + path))).header("Accept", "application/hal+json")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** A JSON PUT as the webapps send it, with Camunda's XSRF token. */
  public Reply put(String path, Object body) {
    return send(withXsrf(HttpRequest.newBuilder(URI.create(baseUrl + path)))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** A JSON POST without the XSRF token, as a forged cross-site request would be. */
  public Reply postWithoutXsrf(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Reply postForm(String path, Map<String, String> fields) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
  }

  private static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The value of the session cookie (Spring Session's SESSION), or null. */
  public String sessionId() {
    return cookie("SESSION");
  }

  private String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private HttpRequest.Builder withXsrf(HttpRequest.Builder request) {
    String token = cookie("XSRF-TOKEN");
    return token == null ? request : request.header("X-XSRF-TOKEN", token);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(),
          response.headers().firstValue("Location").orElse(null), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Status, body and redirect target of one answer. */
  public record Reply(int status, String body, String location, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    public boolean redirectsTo(String pathSuffix) {
      return status == 302 && location != null && location.endsWith(pathSuffix);
    }
  }
}
