/**
 * The multiplexing relay to RabbitMQ's STOMP plugin: a {@link lab.yujian.core.broker.Fanout} that carries
 * a node's publications and control messages over two STOMP connections (one publishing, one consuming),
 * with one broker subscription per channel per node.
 */
package lab.yujian.spring.rabbitmq;
