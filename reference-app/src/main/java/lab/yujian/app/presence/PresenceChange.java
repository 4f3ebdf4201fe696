package lab.yujian.app.presence;

import lab.yujian.protocol.Nullable;

/**
 * One row of the presence log.
 *
 * @param userId   the user
 * @param name     display name then
 * @param status   online, away or offline
 * @param location location then
 * @param activity activity then
 * @param at       when it changed, ISO-8601
 */
public record PresenceChange(String userId, String name, String status, @Nullable String location,
                             @Nullable String activity, String at) {
}
