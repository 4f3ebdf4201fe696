package lab.yujian.spring.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import lab.yujian.protocol.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.RequestUpgradeStrategy;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Spring's handshake, with WebSocket extensions ({@code permessage-deflate}) negotiated only when
 * {@code yujian.per-message-deflate} is on. Compression holds a deflater and an inflater per session (about
 * 300 KB of native memory on zlib's defaults), idle or not, and compresses every frame once per recipient,
 * where the hub encodes a message once for all of them; the frames here are small. Every browser offers the
 * extension, so it is turned down here: Tomcat negotiates extensions itself from the request header, so the
 * upgrade sees the request without it.
 */
final class HubHandshakeHandler extends DefaultHandshakeHandler {

    static final String EXTENSIONS_HEADER = "Sec-WebSocket-Extensions";

    HubHandshakeHandler(boolean perMessageDeflate) {
        super(perMessageDeflate ? new StandardWebSocketUpgradeStrategy()
                : new WithoutExtensions(new StandardWebSocketUpgradeStrategy()));
    }

    /** An upgrade strategy that offers no extensions and hides the ones the client asked for. */
    private static final class WithoutExtensions implements RequestUpgradeStrategy {

        private final RequestUpgradeStrategy delegate;

        WithoutExtensions(RequestUpgradeStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getSupportedVersions() {
            return delegate.getSupportedVersions();
        }

        @Override
        public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
            return List.of();
        }

        @Override
        public void upgrade(ServerHttpRequest request, ServerHttpResponse response, @Nullable String selectedProtocol,
                            List<WebSocketExtension> selectedExtensions, @Nullable Principal user,
                            WebSocketHandler wsHandler, Map<String, Object> attributes) throws HandshakeFailureException {
            HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
            delegate.upgrade(new ServletServerHttpRequest(new WithoutExtensionsHeader(servlet)), response,
                    selectedProtocol, List.of(), user, wsHandler, attributes);
        }
    }

    private static final class WithoutExtensionsHeader extends HttpServletRequestWrapper {

        WithoutExtensionsHeader(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return EXTENSIONS_HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS_HEADER.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !EXTENSIONS_HEADER.equalsIgnoreCase(name)).toList());
        }
    }
}
