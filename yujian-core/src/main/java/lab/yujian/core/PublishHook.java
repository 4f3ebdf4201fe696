package lab.yujian.core;

import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;

/**
 * Application code that runs on every publish to a channel kind, after validation and authorization and
 * before the message is sequenced. Use it to store what must survive (announcements are saved before they
 * are acknowledged) or to set fields the server owns (an id, the author).
 *
 * <p>It runs on the publisher's thread, outside every hub lock. Throw {@link YujianException} to refuse;
 * the publisher gets that error and nothing is broadcast.
 */
@FunctionalInterface
public interface PublishHook {

    /**
     * @param publisher who publishes
     * @param channel   where
     * @param payload   the validated payload record of the channel's kind
     * @return the payload to broadcast: the same record, or a rewritten record of the same type
     */
    Object beforePublish(Identity publisher, Channel channel, Object payload);
}
