package lab.yujian.app.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the JWT of a REST request: the {@code Authorization} header first, then the session cookie. The
 * cookie is not read on the login and logout endpoints, so that an expired cookie never blocks signing
 * in again.
 */
final class SessionCookieTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final String cookieName;

    SessionCookieTokenResolver(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String token = header.resolve(request);
        if (token != null) {
            return token;
        }
        String path = request.getRequestURI();
        if (!path.startsWith("/api/") || path.startsWith("/api/auth/login") || path.startsWith("/api/auth/logout")
                || path.startsWith("/api/devices/")) {
            return null;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookieName.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
