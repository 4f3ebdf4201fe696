package lab.yujian.spring.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Copies the session cookie's token into the WebSocket session's attributes at the handshake, because a
 * browser cannot set headers on a WebSocket. The token is checked at CONNECT like a bearer token. The
 * Origin allowlist on the same handshake is what keeps another site from riding on the cookie.
 */
public final class CookieTokenHandshakeInterceptor implements HandshakeInterceptor {

    /** The session attribute that holds the cookie's token. */
    public static final String TOKEN = "yujian.cookieToken";

    private final String cookieName;

    public CookieTokenHandshakeInterceptor(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest http = servlet.getServletRequest();
            Cookie[] cookies = http.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (cookieName.equals(cookie.getName())) {
                        attributes.put(TOKEN, cookie.getValue());
                    }
                }
            }
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to clean up
    }
}
