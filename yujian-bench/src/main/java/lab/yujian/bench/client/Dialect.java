package lab.yujian.bench.client;

/**
 * How a target is spoken to: which CONNECT headers, which destinations, what a published message and a
 * ping look like. The generator's sessions are the same for every target; only the dialect differs.
 * Frames are returned as complete STOMP frames, NUL included.
 */
public interface Dialect {

    /** Subscription id of the fan-out topic; its MESSAGE frames carry the stamped messages. */
    char TOPIC = 'c';
    /** Subscription id of the replies queue (Yu Jian), where PONG arrives. */
    char REPLIES = 'r';
    /** Subscription id of a per-session pong topic (stock). */
    char PONG = 'p';

    /** CONNECT for the user {@code user}; heart-beats are switched off ({@code 0,0}). */
    String connect(String user);

    /** The SUBSCRIBE frames a session sends once CONNECTED; the topic's carries {@code receipt:c}. */
    String[] subscribe();

    /** A SEND that publishes message {@code seq} stamped with {@code nanos}, from {@code user}. */
    String publish(String user, long seq, long nanos);

    /** Frames that make {@code user}'s session able to receive pongs, or none. */
    String[] pingSubscribe(String user);

    /** A SEND that asks for a pong carrying {@code token}. */
    String ping(String user, long token);

    /** The subscription id on which pongs arrive. */
    char pongSubscription();

    /** The JSON key, quote and colon included, whose number in a pong is the token sent. */
    String pongTokenKey();
}
