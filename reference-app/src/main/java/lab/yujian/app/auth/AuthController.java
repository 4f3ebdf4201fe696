package lab.yujian.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lab.yujian.app.AppProperties;
import lab.yujian.app.web.ApiException;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.spring.config.YujianProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login, logout and who-am-I. Failed sign-ins are throttled per node: {@value #PER_USER} per user name and
 * address, and {@value #PER_ADDRESS} per address over all user names, in any 5 minutes.
 */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    /** Failed sign-ins per user name and address per {@link #WINDOW}. */
    static final int PER_USER = 10;
    /** Failed sign-ins per address per {@link #WINDOW}, whatever the user names. */
    static final int PER_ADDRESS = 50;
    /** The time in which a spent sign-in budget refills. */
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** The most throttle buckets kept; about 4 MB at most. */
    static final long MAX_THROTTLE_KEYS = 10_000;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final String cookieName;
    private final Duration ttl;
    private final LoginThrottle throttle;
    /** Checked against when there is no account, so that an unknown name costs a sign-in as much as a known one. */
    private final String dummyHash;

    public AuthController(UserRepository users, PasswordEncoder passwords, TokenService tokens,
                          YujianProperties yujian, AppProperties app, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.cookieName = yujian.getJwt().getCookieName();
        this.ttl = app.tokenTtl();
        this.throttle = new LoginThrottle(PER_USER, PER_ADDRESS, WINDOW, MAX_THROTTLE_KEYS, clock);
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Signs in. The password encoder runs exactly once whatever the account: against the stored hash of
     * an account that exists (disabled or not), against a fixed dummy hash otherwise. So how long the
     * answer takes does not tell which accounts exist.
     */
    @PostMapping("/login")
    public ResponseEntity<LoginResponse> login(@RequestBody LoginRequest body, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        throttle.tryAttempt(body.username(), address).ifPresent(wait -> {
            throw ApiException.rateLimited("Too many failed sign-ins for this user name or from this address",
                    wait);
        });
        Optional<UserAccount> account = users.findByUsername(body.username());
        boolean matches = passwords.matches(body.password(), account.map(UserAccount::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.AUTHENTICATION_FAILED,
                    "Wrong user name or password");
        }
        UserAccount user = account.get();
        if (user.disabled()) {
            // only someone who knows the password learns this
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.AUTHENTICATION_FAILED,
                    "The account '" + user.username() + "' is disabled; ask an admin");
        }
        throttle.succeeded(body.username(), address);
        TokenService.IssuedToken token = tokens.issue(user);
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie(token.token(), ttl, request).toString())
                .body(new LoginResponse(token.token(), token.expiresAt(), user.toPublic()));
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout(HttpServletRequest request) {
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString())
                .build();
    }

    @GetMapping("/me")
    public UserAccount.PublicUser me(@AuthenticationPrincipal Jwt jwt) {
        return users.findById(jwt.getSubject()).map(UserAccount::toPublic).orElseGet(() -> {
            var identity = CurrentUser.identity(jwt);
            return new UserAccount.PublicUser(identity.userId(), identity.userId(), identity.name(), identity.role());
        });
    }

    private ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(cookieName, value).httpOnly(true).sameSite("Strict").path("/")
                .secure(request.isSecure()).maxAge(maxAge).build();
    }

    /**
     * The answer to a login.
     *
     * @param token     the JWT, for clients that send it as a bearer token
     * @param expiresAt when it expires
     * @param user      who signed in
     */
    public record LoginResponse(String token, Instant expiresAt, UserAccount.PublicUser user) {
    }

}
