package lab.yujian.app.admin;

import java.util.regex.Pattern;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.ProtocolException;

/** Bodies of the user endpoints, validated as they are read. */
final class UserRequests {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    static final int MIN_PASSWORD = 8;

    private UserRequests() {
    }

    /**
     * {@code POST /api/admin/users}.
     *
     * @param username 2–32 lower-case letters, digits, '.', '_' or '-'
     * @param name     display name, up to 120 characters
     * @param password at least 8 characters
     * @param role     admin, moderator or member
     */
    record Create(String username, String name, String password, String role) {
        Create {
            if (!USERNAME.matcher(Fields.requireText(username, "username")).matches()) {
                throw ProtocolException.invalid("username", "must be 2 to 32 lower-case letters, digits, '.', '_' or '-'");
            }
            Fields.maxLength(Fields.requireText(name, "name"), 120, "name");
            checkPassword(Fields.require(password, "password"));
            Fields.requireText(role, "role");
        }
    }

    /**
     * {@code PATCH /api/admin/users/{id}}: absent fields stay as they are.
     */
    record Update(@Nullable String name, @Nullable String role, @Nullable Boolean disabled, @Nullable String password) {
        Update {
            Fields.maxLength(name, 120, "name");
            if (password != null) {
                checkPassword(password);
            }
        }
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD) {
            throw ProtocolException.invalid("password", "must be at least " + MIN_PASSWORD + " characters");
        }
    }
}
