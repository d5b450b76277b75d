package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit (like Tasklist and Admin) runs only when the nonce on its page's scripts is the nonce its
 * Content-Security-Policy header allows: otherwise the browser blocks every script and the page
 * stays blank. The cause of the browser suite's stalled Cockpit: Camunda handed the nonce from
 * header to page through state all requests share, so a request in between (Tasklist's own
 * calls, still running when the user opens Cockpit) swapped it. {@link RequestScopedCspNonce}.
 */
@ApplicationTest
class CspNonceTest {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("<script [^>]*nonce=\"([^\"]*)\"");

  @LocalServerPort int port;

  @Test
  void everyWebappPageCarriesItsOwnHeadersNonceWhileOtherRequestsRun() throws Exception {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    ExecutorService browserTabs = Executors.newFixedThreadPool(6);
    try {
      List<Future<WebappSession.Reply>> pages = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        pages.add(browserTabs.submit(() -> cpo.page("/camunda/app/cockpit/default/")));
        // What Tasklist and Cockpit ask while a page loads: each passes Camunda's header filter.
        browserTabs.submit(() -> cpo.get("/camunda/api/engine/engine/"));
        browserTabs.submit(() -> cpo.get("/camunda/api/admin/auth/user/default"));
      }
      for (Future<WebappSession.Reply> page : pages) {
        WebappSession.Reply reply = page.get();
        assertThat(reply.status()).isEqualTo(200);
        String header = reply.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(nonces(PAGE_NONCE, reply.body())).as("the page's scripts").isNotEmpty()
            .containsOnly(nonce(HEADER_NONCE, header));
      }
    } finally {
      browserTabs.shutdownNow();
    }
  }

  private static String nonce(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  private static List<String> nonces(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
