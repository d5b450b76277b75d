package com.caisschool.safeguarding.atrest;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.at-rest}: the keys that protect case facts at rest (README "Data protection").
 *
 * @param currentKey id of the key new values are encrypted with
 * @param keys every key still needed to read stored values, by id (base64, 32 bytes; AES-256)
 * @param indexKey key of the blind index by which a child is found (base64, 32 bytes); never
 *     rotated without rebuilding the index
 * @param refuseDevKeys true in production: the documented development keys are refused at start
 * @param clearVariables String variables kept in clear in the engine's tables (no facts: they can
 *     then be searched by value, as the case reference in Tasklist)
 */
@ConfigurationProperties("safeguarding.at-rest")
public record AtRestProperties(String currentKey, Map<String, String> keys, String indexKey, boolean refuseDevKeys,
    Set<String> clearVariables) {

  /** Published in application.yaml for the embedded default: protects nothing against a reader of the code. */
  static final Set<String> DEV_KEYS = Set.of("O677tiPVPacobQoEr5w+eDUybGh6gqsLVjFoREOHnMQ=",
      "6NsriQDhUiLLelsIqpWVBtFF+bMinSEdTApuYF0Bt1Q=");

  public AtRestProperties {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
    clearVariables = clearVariables == null ? Set.of() : Set.copyOf(clearVariables);
    if (currentKey == null || keys.get(currentKey) == null || keys.get(currentKey).isBlank()) {
      throw new IllegalArgumentException("safeguarding.at-rest.current-key must name one of safeguarding.at-rest.keys");
    }
    if (indexKey == null || indexKey.isBlank()) {
      throw new IllegalArgumentException("safeguarding.at-rest.index-key is required");
    }
    if (refuseDevKeys && (DEV_KEYS.contains(keys.get(currentKey)) || DEV_KEYS.contains(indexKey))) {
      throw new IllegalArgumentException("safeguarding.at-rest: the development keys are refused here;"
          + " set SAFEGUARDING_DATA_KEY and SAFEGUARDING_INDEX_KEY (README \"Data protection\")");
    }
  }
}
