package lab.yujian.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import lab.yujian.protocol.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** Security refusals in the protocol's error shape, not as HTML or empty bodies. */
final class JsonSecurityHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(response, 401, new ApiError(ErrorCode.AUTHENTICATION_FAILED,
                "Sign in first (POST /api/auth/login), or send a valid 'Authorization: Bearer <token>'", Map.of()));
    }

    static AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, 403, new ApiError(ErrorCode.ACCESS_DENIED,
                "Your role may not " + request.getMethod() + " " + request.getRequestURI(), Map.of()));
    }

    static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(error));
    }
}
