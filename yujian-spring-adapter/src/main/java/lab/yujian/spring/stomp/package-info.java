/**
 * STOMP wiring: the inbound interceptor that dispatches CONNECT, SUBSCRIBE, UNSUBSCRIBE, SEND and
 * DISCONNECT to the hub, the {@code @MessageMapping} handlers of {@code /app/*}, the
 * {@link lab.yujian.core.Transport} over the broker and the client outbound channel, per-session state,
 * and error frames with the seed's codes.
 */
package lab.yujian.spring.stomp;
