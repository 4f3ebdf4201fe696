package lab.yujian.app.devices;

import java.time.Instant;
import lab.yujian.protocol.Nullable;

/**
 * A device that may use the device API.
 *
 * @param id         device id, also the source of its check-ins
 * @param name       what the admin called it ("Front door badge reader")
 * @param createdAt  when its key was created
 * @param lastUsedAt when its key was last used
 */
public record Device(String id, String name, Instant createdAt, @Nullable Instant lastUsedAt) {

    /** Longest device name: the width of {@code devices.name}. */
    public static final int MAX_NAME = 120;
}
