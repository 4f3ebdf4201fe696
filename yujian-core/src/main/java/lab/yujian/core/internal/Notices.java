package lab.yujian.core.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.protocol.NoticeMessage;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.json.MessageCodec;
import tools.jackson.databind.JsonNode;

/**
 * Notices to one user's sessions on this node, each numbered in the user's notice sequence. The sequence
 * lives as long as the user has a session here: the map holds one counter per such user and no more, and a
 * user's counter goes with their last session (the next notice is 1 again). Numbering and handing over
 * happen under the user's map entry, so the user's sessions see one order, without gaps between them.
 */
final class Notices {

    private final ConnectionRegistry registry;
    private final SessionTransport transport;
    private final MessageCodec codec;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    Notices(ConnectionRegistry registry, SessionTransport transport, MessageCodec codec) {
        this.registry = registry;
        this.transport = transport;
        this.codec = codec;
    }

    /** Encodes the notice once and hands it to each local session of the user; returns how many. */
    int deliver(String userId, JsonNode payload, Sender sender, long timestamp) {
        int[] delivered = {0};
        sequences.compute(userId, (user, last) -> {
            Set<String> clientIds = registry.clientIdsOf(user);
            if (clientIds.isEmpty()) {
                return null;
            }
            long sequence = last == null ? 1 : last + 1;
            byte[] notice = codec.encode(new NoticeMessage(payload, sequence, sender, timestamp));
            for (String clientId : clientIds) {
                transport.send(clientId, notice);
            }
            delivered[0] = clientIds.size();
            return sequence;
        });
        return delivered[0];
    }

    /** Forgets the user's sequence if they have no session here any more. */
    void release(String userId) {
        sequences.computeIfPresent(userId, (user, last) -> registry.clientIdsOf(user).isEmpty() ? null : last);
    }

    /** How many users' sequences are kept, for tests. */
    int size() {
        return sequences.size();
    }
}
