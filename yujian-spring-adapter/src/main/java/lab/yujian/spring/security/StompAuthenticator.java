package lab.yujian.spring.security;

import java.util.Map;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;

/** Decides who a CONNECT frame belongs to. */
@FunctionalInterface
public interface StompAuthenticator {

    /**
     * @param authorization      the CONNECT frame's {@code Authorization} header, if any
     * @param sessionAttributes  the WebSocket session's attributes (a token from the handshake cookie is
     *                           there under {@link CookieTokenHandshakeInterceptor#TOKEN})
     * @return the identity
     * @throws lab.yujian.spring.stomp.StompAuthenticationException when there is no usable credential
     */
    Identity authenticate(@Nullable String authorization, @Nullable Map<String, Object> sessionAttributes);
}
