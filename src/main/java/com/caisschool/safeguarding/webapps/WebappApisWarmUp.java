package com.caisschool.safeguarding.webapps;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts Camunda's webapp APIs ({@link WebappServing}) in a background thread as soon as the
 * application is ready, one after the other, so that they run before anyone opens Tasklist or
 * Cockpit without holding back the server's start. One that fails to start here is started by
 * its first request, as Camunda would.
 *
 * <p>An application closed while they start (a test's node, a deployment stopped at once) waits
 * for the one starting and starts no more before Tomcat stops: a servlet's start holds its own lock
 * and then asks for the web application's, which Tomcat's stop holds while it asks for the
 * servlet's, so the two would wait for each other for ever.
 */
@Component
class WebappApisWarmUp {

  private static final Logger log = LoggerFactory.getLogger(WebappApisWarmUp.class);

  private final AtomicReference<Context> servletContext = new AtomicReference<>();
  private final CompletableFuture<List<String>> started = new CompletableFuture<>();
  private volatile boolean closing;
  private volatile Thread starting;

  /** The web application whose webapp APIs are started (set once Tomcat has registered every servlet). */
  void servedBy(Context context) {
    servletContext.set(context);
  }

  @EventListener(ApplicationReadyEvent.class)
  void startInTheBackground() {
    Context context = servletContext.get();
    if (context == null) {
      started.complete(List.of()); // not on Tomcat (no webapps served)
      return;
    }
    Thread thread = new Thread(() -> startEach(WebappServing.camundaWebappApis(context)), "webapp-apis-start");
    thread.setDaemon(true);
    starting = thread;
    thread.start();
  }

  /** Runs when the close begins, before Tomcat stops (Spring stops the web server after this event). */
  @EventListener(ContextClosedEvent.class)
  void stopBeforeTheServer() throws InterruptedException {
    closing = true;
    Thread thread = starting;
    if (thread != null) {
      thread.join();
    }
  }

  private void startEach(List<Wrapper> apis) {
    try {
      for (Wrapper api : apis) {
        if (closing) {
          break;
        }
        try {
          synchronized (api) { // as Tomcat's own start on a request: never a second instance
            if (api.getServlet() == null) {
              api.load();
            }
          }
        } catch (Exception | LinkageError e) {
          log.warn("{} did not start ahead of its first request ({})", api.getName(), e.toString());
        }
      }
    } finally {
      started.complete(apis.stream().filter(api -> api.getServlet() != null).map(Wrapper::getName).toList());
    }
  }

  /** The names of the webapp APIs started, once the background start is over. */
  CompletableFuture<List<String>> started() {
    return started;
  }
}
