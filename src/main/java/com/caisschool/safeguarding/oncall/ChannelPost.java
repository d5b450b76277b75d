package com.caisschool.safeguarding.oncall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.util.function.SingletonSupplier;

/**
 * Posts one message to a robot or gateway. Anything but a 2xx answer, or no answer within the
 * timeout, throws: the engine retries the channel's job and raises an incident when the retries
 * are spent. The exception names the channel and the status, never the message.
 */
class ChannelPost {

  private final Duration timeout;
  /**
   * Built for the first message, not at start-up: a client sets up TLS (reading the trust store)
   * and starts a thread of its own, which most schools' channels never need on most days.
   */
  private final SingletonSupplier<HttpClient> client;

  ChannelPost(Duration timeout) {
    this.timeout = timeout;
    this.client = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(timeout).build());
  }

  /** The answer's body, once the server accepted the message. */
  String post(String channel, String url, String contentType, Map<String, String> headers, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.obtain().send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(channel + " answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(channel + " could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(channel + ": interrupted", e);
    }
  }
}
