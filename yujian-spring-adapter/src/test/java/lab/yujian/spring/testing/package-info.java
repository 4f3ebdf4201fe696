/**
 * Test fixtures shared through the adapter's test-jar: a raw STOMP 1.2 client over the JDK's WebSocket
 * (so tests see every frame and close code) and signed test tokens.
 */
package lab.yujian.spring.testing;
