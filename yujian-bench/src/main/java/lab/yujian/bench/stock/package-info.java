/**
 * The stock Spring Boot STOMP app the bench compares against: the simple broker, or the stock relay to
 * RabbitMQ. Deliberately plain: what the Spring guide teaches, Spring's defaults everywhere else.
 */
package lab.yujian.bench.stock;
