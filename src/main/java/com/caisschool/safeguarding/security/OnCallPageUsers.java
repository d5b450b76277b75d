package com.caisschool.safeguarding.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who edits the on-call rota on /on-call ({@code safeguarding.on-call.rota-editors}). Read here,
 * where the doors are set, so that security needs nothing from the on-call package.
 */
@ConfigurationProperties("safeguarding.on-call")
public record OnCallPageUsers(List<String> rotaEditors) {

  public OnCallPageUsers {
    rotaEditors = rotaEditors == null ? List.of() : List.copyOf(rotaEditors);
  }
}
