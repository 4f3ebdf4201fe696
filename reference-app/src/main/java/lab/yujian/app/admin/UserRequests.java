package lab.yujian.app.admin;

import java.util.regex.Pattern;
import lab.yujian.app.auth.Credentials;
import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.ProtocolException;

/** Bodies of the user endpoints, validated as they are read. */
final class UserRequests {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    private UserRequests() {
    }

    /**
     * {@code POST /api/admin/users}.
     *
     * @param username 2–32 lower-case letters, digits, '.', '_' or '-'
     * @param name     display name, up to {@value FieldLimits#NAME} characters
     * @param password at least {@value Credentials#MIN_PASSWORD} characters and at most
     *                 {@value Credentials#MAX_PASSWORD_BYTES} bytes in UTF-8
     * @param role     admin, moderator or member
     */
    record Create(String username, String name, String password, String role) {
        Create {
            if (!USERNAME.matcher(Fields.requireText(username, "username")).matches()) {
                throw ProtocolException.invalid("username", "must be 2 to 32 lower-case letters, digits, '.', '_' or '-'");
            }
            Fields.requireText(name, FieldLimits.NAME, "name");
            Credentials.newPassword(password, "password");
            Fields.requireText(role, "role");
        }
    }

    /**
     * {@code PATCH /api/admin/users/{id}}: absent fields stay as they are; present ones follow the rules of
     * {@link Create}.
     */
    record Update(@Nullable String name, @Nullable String role, @Nullable Boolean disabled, @Nullable String password) {
        Update {
            if (name != null) {
                Fields.requireText(name, FieldLimits.NAME, "name");
            }
            if (password != null) {
                Credentials.newPassword(password, "password");
            }
        }
    }
}
