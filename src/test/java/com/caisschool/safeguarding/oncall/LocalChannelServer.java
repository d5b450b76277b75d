package com.caisschool.safeguarding.oncall;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server on a free port standing in for the group robot and the SMS gateway: it keeps
 * every post (path, headers, body) and answers each path with the status and body a test sets.
 */
final class LocalChannelServer {

  record Post(String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  LocalChannelServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      posts.add(new Post(path, exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
      Answer answer = answers.getOrDefault(path, new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  void answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
  }

  void answerNormally() {
    answers.clear();
  }

  List<Post> postsTo(String path) {
    return posts.stream().filter(post -> post.path().equals(path)).toList();
  }

  void clear() {
    posts.clear();
  }
}
