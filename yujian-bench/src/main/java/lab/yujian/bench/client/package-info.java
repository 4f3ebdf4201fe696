/**
 * A lean STOMP 1.2 over WebSocket client on Netty: a streaming frame parser that accepts text and binary
 * messages, several frames per message and frames split across messages, and the dialects of the
 * targets it speaks to (stock Spring, Yu Jian).
 */
package lab.yujian.bench.client;
