package lab.yujian.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lab.yujian.app.AppProperties;
import lab.yujian.app.web.ApiException;
import lab.yujian.core.ratelimit.InMemoryRateLimiter;
import lab.yujian.core.ratelimit.RateLimitConfig;
import lab.yujian.core.ratelimit.RateLimiter;
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

/** Login, logout and who-am-I. Failed sign-ins are throttled: 10 per user name and address per 5 minutes. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final String cookieName;
    private final Duration ttl;
    private final RateLimiter attempts;

    public AuthController(UserRepository users, PasswordEncoder passwords, TokenService tokens,
                          YujianProperties yujian, AppProperties app, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.cookieName = yujian.getJwt().getCookieName();
        this.ttl = app.tokenTtl();
        this.attempts = new InMemoryRateLimiter(new RateLimitConfig(10, Duration.ofMinutes(5)), clock);
    }

    @PostMapping("/login")
    public ResponseEntity<LoginResponse> login(@RequestBody LoginRequest body, HttpServletRequest request) {
        String attemptKey = body.username() + "|" + request.getRemoteAddr();
        if (attempts.available(attemptKey) < 1) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                    "Too many failed sign-ins for '" + body.username() + "'; try again in a few minutes");
        }
        UserAccount user = users.findByUsername(body.username())
                .filter(u -> passwords.matches(body.password(), u.passwordHash()))
                .orElseThrow(() -> {
                    attempts.tryAcquire(attemptKey); // only failures count
                    return new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.AUTHENTICATION_FAILED,
                            "Wrong user name or password");
                });
        if (user.disabled()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.AUTHENTICATION_FAILED,
                    "The account '" + user.username() + "' is disabled; ask an admin");
        }
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
