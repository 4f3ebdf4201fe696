package lab.yujian.app.web;

import java.util.List;
import lab.yujian.app.auth.UserRepository;
import lab.yujian.app.devices.DeviceKeyFilter;
import lab.yujian.spring.config.YujianProperties;
import lab.yujian.spring.security.JwtDecoders;
import lab.yujian.spring.security.JwtIdentities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP security. The STOMP endpoint is open at the HTTP level (its CONNECT is authenticated); the API
 * takes the JWT from the header or the session cookie; admin endpoints need the admin role; device
 * endpoints need an API key. There is no CSRF token: the cookie is {@code SameSite=Strict}, so no other
 * site can send it, and the API accepts JSON bodies only.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, YujianProperties yujian, DeviceKeyFilter deviceKeys) throws Exception {
        String endpoint = yujian.getEndpoint();
        // The role as the STOMP adapter reads it (JwtIdentities), so HTTP and STOMP never disagree
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.of(new SimpleGrantedAuthority(
                "ROLE_" + JwtIdentities.of(jwt).role())));
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(endpoint, endpoint + "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/logout").permitAll()
                        .requestMatchers("/api/devices/**").permitAll() // the API-key filter guards these
                        .requestMatchers("/api/admin/**").hasRole("admin")
                        .requestMatchers(HttpMethod.POST, "/api/notices").hasRole("admin")
                        .requestMatchers(HttpMethod.POST, "/api/announcements", "/api/announcements/*/expire")
                        .hasAnyRole("admin", "moderator")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .bearerTokenResolver(new SessionCookieTokenResolver(yujian.getJwt().getCookieName()))
                        .authenticationEntryPoint(JsonSecurityHandlers.unauthenticated())
                        .accessDeniedHandler(JsonSecurityHandlers.denied()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(JsonSecurityHandlers.unauthenticated())
                        .accessDeniedHandler(JsonSecurityHandlers.denied()))
                .addFilterBefore(deviceKeys, BearerTokenAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The adapter's HS256 decoder, plus one check that needs the database: the tokens of a disabled user,
     * or ones carrying a role the user no longer has, stop working at once, on REST and on STOMP CONNECT.
     * (One primary-key lookup per REST request and per CONNECT; no cache, so that a disabled account
     * stops at once.)
     */
    @Bean
    JwtDecoder jwtDecoder(YujianProperties yujian, UserRepository users) {
        if (yujian.getJwt().getJwkSetUri() != null && !yujian.getJwt().getJwkSetUri().isBlank()) {
            throw new IllegalStateException("yujian.jwt.jwk-set-uri is set, but the reference app issues its own "
                    + "HS256 tokens at login and checks them against its user table; the JWK set setting is for "
                    + "services that use the adapter with a lab identity provider. Unset it.");
        }
        NimbusJwtDecoder decoder = JwtDecoders.hs256(yujian.getJwt().getSecret(), yujian.getJwt().getIssuer());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtDecoders.validator(yujian.getJwt().getIssuer()),
                jwt -> users.acceptsToken(jwt.getSubject(), JwtIdentities.of(jwt).role())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                "The account was disabled or its role changed; sign in again", null))));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
