package lab.yujian.spring.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The STOMP endpoint's own security filter chain, ahead of every other, with no filters in it. The
 * handshake needs nothing from HTTP security: the STOMP CONNECT that follows is authenticated, and the
 * handshake itself checks the Origin allowlist. Passing it through an application's chain (a dozen filters,
 * each observed) cost about a fifth of a connect's CPU in a connect storm, for no protection.
 *
 * <p>It comes after {@link YujianSecurityAutoConfiguration}, so that the adapter's default chain is still
 * created for an application without one. An application that wants filters on the endpoint declares a
 * {@code SecurityFilterChain} bean named {@value #BEAN}, or sets {@code yujian.endpoint-security-chain=false}
 * and permits the endpoint in its own chain.
 */
@AutoConfiguration(after = YujianSecurityAutoConfiguration.class, beforeName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnProperty(prefix = "yujian", name = "endpoint-security-chain", havingValue = "true", matchIfMissing = true)
public class YujianEndpointSecurityAutoConfiguration {

    /** The name of the endpoint's chain. */
    public static final String BEAN = "yujianEndpointSecurityFilterChain";

    @Bean(BEAN)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = BEAN)
    public SecurityFilterChain yujianEndpointSecurityFilterChain(YujianProperties properties) {
        // the endpoint's path only (it has no sub-paths: no SockJS); anything below it stays the application's
        return new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher(properties.getEndpoint()));
    }
}
