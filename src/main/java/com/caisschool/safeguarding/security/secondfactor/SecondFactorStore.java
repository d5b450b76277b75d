package com.caisschool.safeguarding.security.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * A local account's authenticator secret and recovery codes, kept with the account in Camunda's
 * identity store (user info, which neither the REST API nor the webapps show). Recovery codes are
 * kept only as hashes (they are long random strings, so a plain hash suffices) and work once.
 */
@Component
class SecondFactorStore {

  private static final String SECRET = "second-factor-secret";
  private static final String RECOVERY_CODE = "second-factor-recovery-";

  private final IdentityService identityService;

  SecondFactorStore(IdentityService identityService) {
    this.identityService = identityService;
  }

  Optional<String> secretOf(String userId) {
    return Optional.ofNullable(identityService.getUserInfo(userId, SECRET));
  }

  /** Enrols the account: its secret, and recovery codes replacing any earlier ones. */
  void enrol(String userId, String secret, List<String> recoveryCodes) {
    identityService.setUserInfo(userId, SECRET, secret);
    forgetRecoveryCodes(userId);
    for (int i = 0; i < recoveryCodes.size(); i++) {
      identityService.setUserInfo(userId, RECOVERY_CODE + i, hash(recoveryCodes.get(i)));
    }
  }

  /** True, and the code is used up, when it is one of the account's recovery codes. */
  boolean useRecoveryCode(String userId, String code) {
    String hash = hash(code);
    for (String key : identityService.getUserInfoKeys(userId)) {
      if (key.startsWith(RECOVERY_CODE) && hash.equals(identityService.getUserInfo(userId, key))) {
        identityService.deleteUserInfo(userId, key);
        return true;
      }
    }
    return false;
  }

  private void forgetRecoveryCodes(String userId) {
    identityService.getUserInfoKeys(userId).stream().filter(key -> key.startsWith(RECOVERY_CODE))
        .forEach(key -> identityService.deleteUserInfo(userId, key));
  }

  private static String hash(String code) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(code.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
