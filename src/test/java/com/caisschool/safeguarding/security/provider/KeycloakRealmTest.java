package com.caisschool.safeguarding.security.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak realm that {@code docker compose --profile sso} imports fits the application as
 * {@code .env.example} configures it: the client and its secret, the redirect URL, the groups and
 * audience in the tokens, and a realm group for every group the example mapping names.
 */
class KeycloakRealmTest {

  private final JsonNode realm = new ObjectMapper().readTree(Path.of("keycloak", "school-realm.json").toFile());
  private final Map<String, String> example = exampleEnvironment();

  KeycloakRealmTest() throws IOException {}

  @Test
  void theClientIsTheOneTheExampleConfigurationNames() {
    JsonNode client = client();
    assertThat(example.get("SAFEGUARDING_SSO_ISSUER_URI")).endsWith("/realms/" + realm.path("realm").asText());
    assertThat(client.path("secret").asText()).isEqualTo(example.get("SAFEGUARDING_SSO_CLIENT_SECRET"));
    assertThat(texts(client.path("redirectUris")))
        .containsExactly("http://localhost:8080/login/oauth2/code/" + SchoolSignIn.REGISTRATION);
  }

  @Test
  void tokensCarryTheGroupsAndThisApplicationAsAudience() {
    Map<String, JsonNode> mappers = StreamSupport.stream(client().path("protocolMappers").spliterator(), false)
        .collect(Collectors.toMap(m -> m.path("protocolMapper").asText(), m -> m.path("config")));
    assertThat(mappers.get("oidc-group-membership-mapper").path("claim.name").asText())
        .isEqualTo(example.get("SAFEGUARDING_SSO_GROUPS_CLAIM"));
    assertThat(mappers.get("oidc-group-membership-mapper").path("full.path").asText()).isEqualTo("false");
    assertThat(mappers.get("oidc-audience-mapper").path("included.client.audience").asText())
        .isEqualTo(example.get("SAFEGUARDING_SSO_CLIENT_ID"));
  }

  @Test
  void everyMappedGroupExistsInTheRealm() {
    List<String> groups = StreamSupport.stream(realm.path("groups").spliterator(), false)
        .map(group -> group.path("name").asText()).toList();
    List<String> mapped = Arrays.stream(example.get("SAFEGUARDING_SSO_GROUP_MAPPING").split(","))
        .map(entry -> entry.substring(0, entry.lastIndexOf('='))).toList();
    assertThat(groups).containsAll(mapped);
    // The realm's parent is the user unknown to the school: their group gives no role.
    assertThat(groups).contains("Parents");
    assertThat(mapped).doesNotContain("Parents");
  }

  private JsonNode client() {
    return StreamSupport.stream(realm.path("clients").spliterator(), false)
        .filter(client -> client.path("clientId").asText().equals(example.get("SAFEGUARDING_SSO_CLIENT_ID")))
        .findFirst().orElseThrow();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** The commented-out SSO lines of .env.example, as variable to value. */
  private static Map<String, String> exampleEnvironment() throws IOException {
    return Files.readAllLines(Path.of(".env.example")).stream()
        .map(line -> line.startsWith("#") ? line.substring(1) : line)
        .filter(line -> line.startsWith("SAFEGUARDING_SSO_") && line.contains("="))
        .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
            line -> line.substring(line.indexOf('=') + 1)));
  }
}
