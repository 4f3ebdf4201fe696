package lab.yujian.spring.security;

import java.util.List;

/**
 * The Origin allowlist of the WebSocket handshake. Spring lets same-origin requests through in any case;
 * these are the other origins a browser may open the endpoint from. A foreign origin gets 403 at the
 * handshake. Clients that send no Origin (not browsers) are not affected.
 */
public final class AllowedOrigins {

    /** Local development: any port on localhost and the loopback address. */
    public static final List<String> LOCALHOST = List.of(
            "http://localhost:[*]", "https://localhost:[*]", "http://127.0.0.1:[*]", "https://127.0.0.1:[*]");

    private AllowedOrigins() {
    }

    /** The configured origins, or {@link #LOCALHOST} when none are configured. */
    public static String[] patterns(List<String> configured) {
        List<String> origins = configured.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (origins.contains("*")) {
            throw new IllegalArgumentException("ALLOWED_ORIGINS must list origins; '*' would let any site use "
                    + "a signed-in browser's cookie");
        }
        return (origins.isEmpty() ? LOCALHOST : origins).toArray(String[]::new);
    }
}
