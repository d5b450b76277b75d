package com.caisschool.safeguarding.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small client of /engine-rest as a logged-in user (HTTP Basic), or anonymously. */
public final class RestApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private final String authorization;

  private RestApi(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  private RestApi(int port, String authorization) {
    this("http://localhost:" + port + "/engine-rest", authorization);
  }

  public static RestApi as(int port, String user, String password) {
    return new RestApi(port, basic(user, password));
  }

  /** The REST API of a named engine ({@code /engine-rest/engine/<name>}), as a logged-in user. */
  public static RestApi onEngine(int port, String engineName, String user, String password) {
    return new RestApi("http://localhost:" + port + "/engine-rest/engine/" + engineName, basic(user, password));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** With a bearer token (from the school's provider) instead of a password. */
  public static RestApi withBearer(int port, String token) {
    return new RestApi(port, "Bearer " + token);
  }

  public static RestApi anonymous(int port) {
    return new RestApi(port, null);
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply post(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A POST answered in HAL, as Tasklist asks for a filter's tasks with the variables it shows on cards. */
  public Reply postHal(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json").header("Accept", "application/hal+json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A multipart POST, such as Camunda Modeler's deploy ({@code /deployment/create}). */
  public Reply postMultipart(String path, MultipartBody body) {
    return send(request(path).header("Content-Type", body.contentType()).POST(body.publisher()));
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  /** A POST of a body exactly as given (malformed JSON, another content type). */
  public Reply postRaw(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply put(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status and body of one answer. */
  public record Reply(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }
  }
}
