package com.caisschool.safeguarding.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The school's identity provider in tests: a real OpenID Connect server (mock-oauth2-server) on a
 * random port, started once per JVM, and the application configured to sign in with it. Its
 * directory groups are named {@code sg-<role>} and mapped to each school role; the group
 * {@code parents} is mapped to none.
 */
public final class SchoolProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String ISSUER = "school";
  public static final String CLIENT_ID = "cais-safeguarding";
  /** Every school role (application.yaml safeguarding.roles). */
  private static final List<String> ROLES = List.of("staff", "cpo", "dcpo", "counselors", "case-study-team",
      "head-of-school", "board-chair", "smt", "trip-leaders", "hr", "camunda-admin");

  private static MockOAuth2Server server;

  private static synchronized MockOAuth2Server server() {
    if (server == null) {
      server = new MockOAuth2Server();
      server.start();
    }
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    List<String> mapping = new ArrayList<>();
    ROLES.forEach(role -> mapping.add("sg-" + role + "=" + role));
    TestPropertyValues.of(
        "safeguarding.sso.issuer-uri=" + server().issuerUrl(ISSUER),
        "safeguarding.sso.client-id=" + CLIENT_ID,
        "safeguarding.sso.client-secret=test-secret",
        "safeguarding.sso.group-mapping=" + String.join(",", mapping),
        "safeguarding.second-factor.enforced=true",
        "spring.datasource.url=jdbc:h2:mem:safeguarding-sso-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")
        .applyTo(context);
  }

  /** The directory group that gives a school role. */
  public static String groupFor(String role) {
    return "sg-" + role;
  }

  /** The provider's answer to the next sign-in: this user, in these directory groups. */
  public static void nextSignIn(String userId, List<String> groups) {
    server().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, userId, JOSEObjectType.JWT.getType(),
        List.of(CLIENT_ID), claims(userId, groups), 3600));
  }

  /** A bearer token the provider signed, for this application, valid for the given seconds (negative: expired). */
  public static String bearerToken(String userId, List<String> groups, long validSeconds) {
    return server().issueToken(ISSUER, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER, userId,
        JOSEObjectType.JWT.getType(), List.of(CLIENT_ID), claims(userId, groups), validSeconds)).serialize();
  }

  /** A bearer token for another audience, signed by the provider. */
  public static String bearerTokenFor(String audience, String userId, List<String> groups) {
    return server().issueToken(ISSUER, audience, new DefaultOAuth2TokenCallback(ISSUER, userId,
        JOSEObjectType.JWT.getType(), List.of(audience), claims(userId, groups), 3600)).serialize();
  }

  /** A token that claims to come from the provider but is signed with someone else's key. */
  public static String forgedToken(String userId, List<String> groups) {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID("forger").generate();
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(server().issuerUrl(ISSUER).toString())
          .subject(userId).audience(CLIENT_ID).issueTime(new Date())
          .expirationTime(new Date(System.currentTimeMillis() + 3_600_000));
      claims(userId, groups).forEach(claims::claim);
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forger").build(), claims.build());
      token.sign(new RSASSASigner(key));
      return token.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs in through the provider as a browser does: the application sends the browser to the
   * provider, which sends it back with a code (the user given to {@link #nextSignIn}). Returns the
   * application's last answer: a redirect to Tasklist when signed in, to the log-in page otherwise.
   */
  public static WebappSession.Reply signIn(WebappSession browser, int port) {
    WebappSession.Reply toProvider = browser.page("/oauth2/authorization/school");
    if (toProvider.status() != 302) {
      throw new AssertionError("No redirect to the provider: " + toProvider.status());
    }
    String back = redirectOf(toProvider.location());
    String appBase = "http://localhost:" + port;
    if (!back.startsWith(appBase)) {
      throw new AssertionError("The provider sent the browser elsewhere: " + back);
    }
    return browser.page(back.substring(appBase.length()));
  }

  /** A new browser session signed in through the provider as this user; fails the test when refused. */
  public static WebappSession signedIn(int port, String userId, List<String> groups) {
    nextSignIn(userId, groups);
    WebappSession browser = WebappSession.anonymous(port);
    WebappSession.Reply reply = signIn(browser, port);
    if (!reply.redirectsTo("/start")) {
      throw new AssertionError("Sign-in of " + userId + " refused: " + reply.status() + " " + reply.location());
    }
    browser.page("/camunda/app/welcome/default/");
    return browser;
  }

  private static String redirectOf(String url) {
    try {
      HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
          .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.headers().firstValue("Location")
          .orElseThrow(() -> new AssertionError("The provider answered " + response.statusCode()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> claims(String userId, List<String> groups) {
    return Map.of("preferred_username", userId, "groups", groups, "given_name", "Test",
        "family_name", userId.replaceAll("@.*", ""), "email", userId.contains("@") ? userId : userId + "@school.test");
  }
}
