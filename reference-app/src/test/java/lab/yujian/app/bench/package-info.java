/**
 * The load command: many STOMP sessions subscribed to one channel, one publisher at a fixed rate, and the
 * sessions held, deliveries per second and end-to-end latency it measures. Run it with {@code bench.sh}.
 */
package lab.yujian.app.bench;
