package lab.yujian.app.devices;

import lab.yujian.app.auth.Credentials;
import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * The body of {@code POST /api/devices/checkin}.
 *
 * @param username who was seen, up to {@value Credentials#MAX_USERNAME} characters
 * @param location where, up to {@value FieldLimits#PRESENCE_TEXT} characters
 * @param checkout true to end the check-in instead
 */
public record CheckinRequest(String username, @Nullable String location, @Nullable Boolean checkout) {
    public CheckinRequest {
        Credentials.username(username, "username");
        Fields.maxLength(location, FieldLimits.PRESENCE_TEXT, "location");
    }

    boolean isCheckout() {
        return Boolean.TRUE.equals(checkout);
    }
}
