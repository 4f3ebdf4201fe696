package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lab.yujian.core.NoticeResult;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.registry.Connection;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.NoticeMessage;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.json.MessageCodec;
import tools.jackson.databind.JsonNode;

/**
 * What one node asks of another, through the broker's control messages: close a session there, list
 * the connections of every node, and deliver a notice to a user's sessions there. A client id names its node, so a close goes to that node only; a list is
 * asked of every node and gathered until each live node (by its presence lease) has answered or the
 * timeout passed; a notice goes to every node, each numbering it in its own sequence for the user. On a
 * single node all are local calls.
 */
final class ClusterControl {

    private static final System.Logger LOG = System.getLogger(ClusterControl.class.getName());
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(2);

    /** The wire form of a control message; unused fields are null. */
    record Message(String type, String from, @Nullable String requestId, @Nullable String clientId,
                   @Nullable Integer code, @Nullable String reason, @Nullable List<Connection> connections,
                   @Nullable String userId, @Nullable NoticeMessage notice) {
        static final String KICK = "KICK";
        static final String NOTICE = "NOTICE";
        static final String LIST = "LIST";
        static final String LISTED = "LISTED";
    }

    /** Closes a local session. */
    interface LocalKick {
        boolean kick(String clientId, CloseCode code, String reason);
    }

    private final Broker broker;
    private final String nodeId;
    private final MessageCodec codec;
    private final ConnectionRegistry registry;
    private final PresenceStore presence;
    private final LocalKick localKick;
    private final Notices notices;
    private final Map<String, Gathering> gatherings = new ConcurrentHashMap<>();

    ClusterControl(Broker broker, String nodeId, MessageCodec codec, ConnectionRegistry registry,
                   PresenceStore presence, LocalKick localKick, Notices notices) {
        this.broker = broker;
        this.nodeId = nodeId;
        this.codec = codec;
        this.registry = registry;
        this.presence = presence;
        this.localKick = localKick;
        this.notices = notices;
    }

    /**
     * Delivers a notice to the user's sessions here and, on a cluster where the user is present beyond
     * them, asks every other node to deliver it to theirs.
     */
    NoticeResult notice(String userId, JsonNode payload, Sender sender, long timestamp) {
        int delivered = notices.deliver(userId, payload, sender, timestamp);
        if (!broker.clustered() || presence.get(userId).map(p -> p.sessions() <= delivered).orElse(true)) {
            return new NoticeResult(delivered, false);
        }
        broker.broadcastControl(encode(new Message(Message.NOTICE, nodeId, null, null, null, null, null, userId,
                new NoticeMessage(payload, 0, sender, timestamp))));
        return new NoticeResult(delivered, true);
    }

    boolean kick(String clientId, CloseCode code, String reason) {
        String node = Session.nodeOf(clientId);
        if (nodeId.equals(node) || !broker.clustered()) {
            return localKick.kick(clientId, code, reason);
        }
        if (node == null || !presence.nodes().contains(node)) {
            return false;
        }
        broker.sendControl(node, encode(new Message(Message.KICK, nodeId, null, clientId, code.code(), reason, null, null, null)));
        return true;
    }

    List<Connection> connections() {
        List<Connection> local = local();
        if (!broker.clustered()) {
            return local;
        }
        Set<String> expected = new HashSet<>(presence.nodes());
        expected.remove(nodeId);
        Gathering gathering = new Gathering(expected);
        String requestId = UUID.randomUUID().toString();
        gatherings.put(requestId, gathering);
        try {
            broker.broadcastControl(encode(new Message(Message.LIST, nodeId, requestId, null, null, null, null, null, null)));
            List<Connection> all = new ArrayList<>(local);
            all.addAll(gathering.await(LIST_TIMEOUT));
            return all;
        } finally {
            gatherings.remove(requestId);
        }
    }

    /** A control message from the broker. */
    void handle(byte[] bytes) {
        Message message;
        try {
            message = codec.mapper().readValue(bytes, Message.class);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dropped a control message that is not one: " + e.getMessage());
            return;
        }
        switch (message.type()) {
            case Message.KICK -> {
                if (message.clientId() != null && message.code() != null) {
                    localKick.kick(message.clientId(), CloseCode.of(message.code()), String.valueOf(message.reason()));
                }
            }
            case Message.NOTICE -> {
                NoticeMessage notice = message.notice();
                if (!nodeId.equals(message.from()) && message.userId() != null && notice != null) {
                    notices.deliver(message.userId(), notice.payload(), notice.sender(), notice.timestamp());
                }
            }
            case Message.LIST -> {
                if (!nodeId.equals(message.from())) {
                    broker.sendControl(message.from(), encode(new Message(Message.LISTED, nodeId, message.requestId(),
                            null, null, null, local(), null, null)));
                }
            }
            case Message.LISTED -> {
                Gathering gathering = gatherings.get(String.valueOf(message.requestId()));
                if (gathering != null) {
                    gathering.add(message.from(), message.connections() == null ? List.of() : message.connections());
                }
            }
            default -> LOG.log(Level.WARNING, "Dropped a control message of unknown type " + message.type());
        }
    }

    private List<Connection> local() {
        return registry.list().stream().map(Connection::of).toList();
    }

    private byte[] encode(Message message) {
        return codec.mapper().writeValueAsBytes(message);
    }

    /** The answers to one list request. */
    private static final class Gathering {
        private final Set<String> waitingFor;
        private final List<Connection> connections = new ArrayList<>();
        private final CountDownLatch answered;

        Gathering(Set<String> expected) {
            this.waitingFor = new HashSet<>(expected);
            this.answered = new CountDownLatch(expected.size());
        }

        void add(String node, List<Connection> answer) {
            synchronized (this) {
                if (!waitingFor.remove(node)) {
                    return;
                }
                connections.addAll(answer);
            }
            answered.countDown();
        }

        List<Connection> await(Duration timeout) {
            try {
                if (!answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    synchronized (this) {
                        LOG.log(Level.INFO, "Nodes " + waitingFor + " did not list their connections in " + timeout);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                return List.copyOf(connections);
            }
        }
    }
}
