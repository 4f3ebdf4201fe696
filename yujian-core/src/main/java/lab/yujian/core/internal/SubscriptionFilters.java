package lab.yujian.core.internal;

import java.util.Set;
import lab.yujian.core.history.Published;

/** Placeholder until filters exist: nobody filters. */
final class SubscriptionFilters {

    Set<String> filtering(String channel) {
        return Set.of();
    }

    boolean admits(String clientId, String channel, Published message) {
        return true;
    }
}
