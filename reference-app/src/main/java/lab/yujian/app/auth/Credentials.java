package lab.yujian.app.auth;

import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.ProtocolException;

/**
 * The limits of user names and passwords, checked where a request body is read, before any lookup, and
 * each refusal naming the field.
 *
 * <p>Passwords are hashed with bcrypt, which reads only the first {@value #MAX_PASSWORD_BYTES} bytes of
 * a password: a longer one would let its first 72 bytes alone sign in. So a longer one is refused,
 * counted in UTF-8 bytes (an accented letter takes 2, most CJK characters 3), when it is set and when
 * it is tried.
 */
public final class Credentials {

    /** Longest user name a request may name: the width of {@code users.username}. */
    public static final int MAX_USERNAME = 64;
    /** Shortest password an admin may set. */
    public static final int MIN_PASSWORD = 8;
    /** Longest password in UTF-8 bytes: all that bcrypt reads. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private Credentials() {
    }

    /** A user name to look up: present, not blank, at most {@value #MAX_USERNAME} characters. */
    public static String username(@Nullable String value, String field) {
        return Fields.requireText(value, MAX_USERNAME, field);
    }

    /** A password to try: present and at most {@value #MAX_PASSWORD_BYTES} bytes. */
    public static String password(@Nullable String value, String field) {
        return Fields.maxUtf8Bytes(Fields.require(value, field), MAX_PASSWORD_BYTES, field);
    }

    /** A password to set: also at least {@value #MIN_PASSWORD} characters. */
    public static String newPassword(@Nullable String value, String field) {
        password(value, field);
        if (value.length() < MIN_PASSWORD) {
            throw ProtocolException.invalid(field, "must be at least " + MIN_PASSWORD + " characters");
        }
        return value;
    }
}
