package lab.yujian.app.devices;

import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * The body of {@code POST /api/devices/checkin}.
 *
 * @param username who was seen
 * @param location where, up to 120 characters
 * @param checkout true to end the check-in instead
 */
public record CheckinRequest(String username, @Nullable String location, @Nullable Boolean checkout) {
    public CheckinRequest {
        Fields.requireText(username, "username");
        Fields.maxLength(location, 120, "location");
    }

    boolean isCheckout() {
        return Boolean.TRUE.equals(checkout);
    }
}
