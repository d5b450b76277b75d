package com.caisschool.safeguarding.security.provider;

import com.caisschool.safeguarding.identity.ProviderAccounts;
import com.caisschool.safeguarding.identity.SchoolRoles;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;

/**
 * Signing in with the school's accounts (OpenID Connect), present only while
 * {@code safeguarding.sso.issuer-uri} is set. The web pages sign in through the provider; the
 * REST API accepts the provider's bearer tokens (signed by it, for this application's audience,
 * not expired). Either way the roles come from the provider's group claims, at every sign-in.
 */
@Component
// An empty value (docker-compose passes the variable through unset) is off, too.
@ConditionalOnExpression("!'${safeguarding.sso.issuer-uri:}'.isBlank()")
public class SchoolSignIn {

  /** The registration id: the redirect URL to register at the provider ends with it. */
  public static final String REGISTRATION = "school";

  private final SchoolProviderProperties provider;
  private final ProviderRoles roles;
  private final ClientRegistrationRepository registration;
  private final JwtDecoder bearerTokens;

  SchoolSignIn(SchoolProviderProperties provider, SchoolRoles schoolRoles, ProviderAccounts accounts) {
    this.provider = provider;
    this.roles = new ProviderRoles(provider, schoolRoles, accounts);
    this.registration = new ProviderDiscovery(provider);
    JwtDecoder checked = new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(provider.issuerUri()).build();
      decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
          JwtValidators.createDefaultWithIssuer(provider.issuerUri()),
          new JwtClaimValidator<List<String>>("aud", audience -> audience != null
              && audience.contains(provider.audience()))));
      return decoder;
    });
    // While the provider cannot be reached no token can be checked: refused (401), not a server error.
    this.bearerTokens = token -> {
      try {
        return checked.decode(token);
      } catch (JwtDecoderInitializationException unreachable) {
        throw new BadJwtException("The school's provider cannot be reached to check the token.");
      }
    };
  }

  /** Web sign-in through the provider, and the session age after which it is asked again. */
  public void signInPages(HttpSecurity http) throws Exception {
    http.oauth2Login(login -> login
            .loginPage("/login")
            .clientRegistrationRepository(registration)
            .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts()))
            .defaultSuccessUrl("/start", false)
            .failureUrl("/login?denied"))
        .addFilterAfter(new ProviderSessionAge(provider.sessionAge()), SecurityContextHolderFilter.class);
  }

  /** Bearer tokens from the provider on the REST API. */
  public void bearerTokens(HttpSecurity http) throws Exception {
    http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(bearerTokens)
        .jwtAuthenticationConverter(bearerAccounts())));
  }

  /**
   * The provider's settings, read from its discovery document when first needed and then kept: the
   * application starts, and local accounts (the break-glass administrator) sign in, while the
   * provider cannot be reached.
   */
  private static final class ProviderDiscovery implements ClientRegistrationRepository {

    private final SchoolProviderProperties provider;
    private ClientRegistration registration;

    ProviderDiscovery(SchoolProviderProperties provider) {
      this.provider = provider;
    }

    @Override
    public synchronized ClientRegistration findByRegistrationId(String registrationId) {
      if (!REGISTRATION.equals(registrationId)) {
        return null;
      }
      if (registration == null) {
        registration = ClientRegistrations.fromIssuerLocation(provider.issuerUri())
            .registrationId(REGISTRATION)
            .clientId(provider.clientId())
            .clientSecret(provider.clientSecret())
            .scope("openid", "profile", "email")
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .build();
      }
      return registration;
    }
  }

  private OAuth2UserService<OidcUserRequest, OidcUser> accounts() {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      try {
        ProviderRoles.SignedIn signedIn = roles.signIn(user.getClaims());
        return new SchoolAccount(signedIn.authorities(), user.getIdToken(), user.getUserInfo(),
            provider.userIdClaim(), EngineTime.now());
      } catch (ProviderRoles.UnknownUser unknown) {
        throw new OAuth2AuthenticationException(new OAuth2Error("access_denied"), unknown.getMessage());
      }
    };
  }

  private Converter<Jwt, AbstractAuthenticationToken> bearerAccounts() {
    return jwt -> {
      try {
        ProviderRoles.SignedIn signedIn = roles.signIn(jwt.getClaims());
        return new JwtAuthenticationToken(jwt, signedIn.authorities(), signedIn.userId());
      } catch (ProviderRoles.UnknownUser unknown) {
        throw new InvalidBearerTokenException(unknown.getMessage());
      }
    };
  }
}
