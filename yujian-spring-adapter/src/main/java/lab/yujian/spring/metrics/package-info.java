/**
 * Micrometer metrics under the seed's names: {@code websocket_connections_total},
 * {@code websocket_messages_total}, {@code websocket_message_size_bytes},
 * {@code websocket_connection_duration_seconds}, {@code websocket_latency_seconds}, plus gauges of live
 * sessions and subscriptions per channel.
 */
package lab.yujian.spring.metrics;
