package lab.yujian.app.auth;

import java.util.List;
import lab.yujian.app.web.ApiException;
import lab.yujian.core.registry.Identity;

/** The roles of the reference app. */
public final class Roles {

    /** Every role, most powerful first. */
    public static final List<String> ALL = List.of(Identity.ADMIN, Identity.MODERATOR, Identity.MEMBER);

    private Roles() {
    }

    /** Refuses anything but a known role, naming the field. */
    public static String require(String role, String field) {
        if (role == null || !ALL.contains(role)) {
            throw ApiException.invalid(field, "must be one of " + ALL);
        }
        return role;
    }
}
