package lab.yujian.spring.config;

import lab.yujian.spring.security.CookieTokenHandshakeInterceptor;
import lab.yujian.spring.security.JwtDecoders;
import lab.yujian.spring.security.JwtStompAuthenticator;
import lab.yujian.spring.security.StompAuthenticator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Authentication of STOMP sessions. The JWT decoder is also the one Spring Security's resource server
 * uses for HTTP, so one token works on both.
 *
 * <p>Spring Security's message security ({@code @EnableWebSocketSecurity}) is deliberately not enabled:
 * its CSRF check refuses token-authenticated CONNECT frames and its denials close the whole session,
 * while the protocol wants bearer-token clients and denials answered on the reply queue. CONNECT is
 * authenticated here, every SUBSCRIBE and SEND is authorized by the hub, and the handshake's Origin
 * allowlist protects the cookie path from cross-site WebSocket hijacking.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
public class YujianSecurityAutoConfiguration {

    /**
     * Only when the application configures no HTTP security of its own: the STOMP endpoint is open at the
     * HTTP level (authentication happens on CONNECT), so are GET and HEAD requests of
     * {@code yujian.public-paths} (a service's own page and its scripts, say), and every other request
     * needs a bearer JWT from the same decoder. (The endpoint itself has a chain of its own ahead of this
     * one, {@link YujianEndpointSecurityAutoConfiguration}, unless that is switched off.)
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnDefaultWebSecurity
    static class DefaultHttpSecurity {

        @Bean
        SecurityFilterChain yujianDefaultSecurityFilterChain(HttpSecurity http, YujianProperties properties)
                throws Exception {
            String endpoint = properties.getEndpoint();
            return http
                    .authorizeHttpRequests(requests -> {
                        requests.requestMatchers(endpoint, endpoint + "/**").permitAll();
                        for (String path : properties.getPublicPaths()) {
                            requests.requestMatchers(HttpMethod.GET, path).permitAll()
                                    .requestMatchers(HttpMethod.HEAD, path).permitAll();
                        }
                        requests.anyRequest().authenticated();
                    })
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable()) // bearer tokens only: no ambient credential to forge with
                    .build();
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder yujianJwtDecoder(YujianProperties properties) {
        YujianProperties.Jwt jwt = properties.getJwt();
        if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
            return JwtDecoders.jwkSet(jwt.getJwkSetUri(), jwt.getIssuer());
        }
        if (jwt.getSecret() == null || jwt.getSecret().isBlank()) {
            throw new IllegalStateException("No JWT key: set yujian.jwt.secret (JWT_SECRET, at least "
                    + JwtDecoders.MIN_SECRET_BYTES + " bytes) or yujian.jwt.jwk-set-uri");
        }
        return JwtDecoders.hs256(jwt.getSecret(), jwt.getIssuer());
    }

    @Bean
    @ConditionalOnMissingBean
    public StompAuthenticator yujianStompAuthenticator(JwtDecoder decoder) {
        return new JwtStompAuthenticator(decoder);
    }

    @Bean
    @ConditionalOnMissingBean
    public CookieTokenHandshakeInterceptor yujianCookieTokenInterceptor(YujianProperties properties) {
        return new CookieTokenHandshakeInterceptor(properties.getJwt().getCookieName());
    }
}
