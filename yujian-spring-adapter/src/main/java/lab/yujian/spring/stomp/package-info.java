/**
 * STOMP wiring: the inbound interceptor that dispatches CONNECT, SUBSCRIBE, UNSUBSCRIBE, SEND and
 * DISCONNECT to the hub, the {@code @MessageMapping} handlers of {@code /app/*}, the broker handler that
 * takes the place of Spring's simple broker, the {@link lab.yujian.core.SessionTransport} that writes each
 * encoded frame straight to the sessions' bounded outbound queues ({@link lab.yujian.spring.stomp.StompTransport},
 * {@link lab.yujian.spring.stomp.StompSessions}), per-session state, and error frames with the seed's codes.
 */
package lab.yujian.spring.stomp;
