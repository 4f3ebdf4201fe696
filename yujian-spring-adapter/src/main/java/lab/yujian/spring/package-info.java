/**
 * The Spring adapter of the Yu Jian hub: it maps the core onto STOMP 1.2 over WebSocket. Sub-packages
 * follow spring-messaging's roles: {@code config} (auto-configuration and properties), {@code stomp}
 * (interceptor, handlers, transport, sessions, error frames), {@code security} (JWT on CONNECT, origins)
 * and {@code metrics} (Micrometer). Every decision about channels, access and limits is the core's; the
 * adapter dispatches and delegates.
 */
package lab.yujian.spring;
