package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.Servlet;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.junit.jupiter.api.Test;

/**
 * An application closed while Camunda's webapp APIs start in the background: the close waits for
 * the API being started and no other starts, before Tomcat stops. Tomcat's stop holds the web
 * application's lock while it waits for each servlet's, and a servlet's start holds its own while it
 * asks for the web application's; a build once hung there until CI's time ran out.
 */
class WebappApisWarmUpCloseTest {

  @Test
  void theCloseWaitsForTheApiBeingStartedAndStartsNoOther() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    Wrapper cockpit = jerseyApi("Cockpit Api", "/camunda/api/cockpit/*");
    Wrapper tasklist = jerseyApi("Tasklist Api", "/camunda/api/tasklist/*");
    doAnswer(call -> {
      loading.countDown();
      mayFinish.await();
      when(cockpit.getServlet()).thenReturn(mock(Servlet.class));
      return null;
    }).when(cockpit).load();
    Context context = mock(Context.class);
    when(context.findChildren()).thenReturn(new Container[] {cockpit, tasklist});
    WebappApisWarmUp warmUp = new WebappApisWarmUp();
    warmUp.servedBy(context);

    warmUp.startInTheBackground();
    assertThat(loading.await(1, TimeUnit.MINUTES)).isTrue();
    Thread close = new Thread(() -> {
      try {
        warmUp.stopBeforeTheServer();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    close.start();

    // The close waits while Cockpit's API is starting ...
    await().atMost(Duration.ofMinutes(1)).until(() -> close.getState() == Thread.State.WAITING);
    assertThat(warmUp.started()).isNotDone();
    // ... and returns once it has started, without starting Tasklist's.
    mayFinish.countDown();
    close.join(Duration.ofMinutes(1).toMillis());
    assertThat(close.isAlive()).isFalse();
    assertThat(warmUp.started().get(1, TimeUnit.MINUTES)).containsExactly("Cockpit Api");
    verify(tasklist, never()).load();
  }

  @Test
  void aCloseBeforeTheApplicationWasReadyHasNothingToWaitFor() throws Exception {
    new WebappApisWarmUp().stopBeforeTheServer();
  }

  private static Wrapper jerseyApi(String name, String mapping) {
    Wrapper api = mock(Wrapper.class);
    when(api.getName()).thenReturn(name);
    when(api.getServletClass()).thenReturn("org.glassfish.jersey.servlet.ServletContainer");
    when(api.findMappings()).thenReturn(new String[] {mapping});
    return api;
  }
}
