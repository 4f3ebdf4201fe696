/**
 * Authentication of STOMP sessions: JWTs (HS256 with a pinned algorithm, or a lab identity provider's
 * JWK set) from the CONNECT frame or the browser's session cookie, and the Origin allowlist of the
 * WebSocket handshake.
 */
package lab.yujian.spring.security;
