package lab.yujian.app.admin;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lab.yujian.app.auth.Roles;
import lab.yujian.app.auth.UserAccount;
import lab.yujian.app.auth.UserRepository;
import lab.yujian.app.devices.Device;
import lab.yujian.app.devices.DeviceRepository;
import lab.yujian.app.web.ApiException;
import lab.yujian.core.Hub;
import lab.yujian.core.registry.Connection;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.Fields;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin}: users and roles, live connections, device keys. */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    private final UserRepository users;
    private final DeviceRepository devices;
    private final PasswordEncoder passwords;
    private final Hub hub;
    private final Clock clock;

    public AdminController(UserRepository users, DeviceRepository devices, PasswordEncoder passwords, Hub hub, Clock clock) {
        this.users = users;
        this.devices = devices;
        this.passwords = passwords;
        this.hub = hub;
        this.clock = clock;
    }

    @GetMapping("/users")
    public List<AdminUser> users() {
        return users.list().stream().map(AdminUser::of).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public AdminUser create(@RequestBody UserRequests.Create body) {
        Roles.require(body.role(), "role");
        UserAccount user = new UserAccount(UUID.randomUUID().toString(), body.username(), body.name(), body.role(),
                passwords.encode(body.password()), false, clock.instant());
        if (!users.insertIfAbsent(user)) { // also when two admins create the same name at once
            throw ApiException.conflict("The user name '" + body.username() + "' is taken");
        }
        return AdminUser.of(user);
    }

    @PatchMapping("/users/{id}")
    public AdminUser update(@PathVariable String id, @RequestBody UserRequests.Update body) {
        UserAccount user = users.findById(id).orElseThrow(() -> ApiException.notFound("user", id));
        String role = body.role() == null ? user.role() : Roles.require(body.role(), "role");
        boolean disabled = body.disabled() == null ? user.disabled() : body.disabled();
        boolean losesAdmin = Identity.ADMIN.equals(user.role()) && !user.disabled()
                && (disabled || !Identity.ADMIN.equals(role));
        if (losesAdmin && users.countOtherActiveAdmins(id) == 0) {
            throw ApiException.conflict("'" + user.username() + "' is the last active admin; make another admin first");
        }
        UserAccount updated = new UserAccount(user.id(), user.username(), body.name() == null ? user.name() : body.name(),
                role, body.password() == null ? user.passwordHash() : passwords.encode(body.password()), disabled,
                user.createdAt());
        users.update(updated);
        if (disabled || !role.equals(user.role())) {
            // their sessions carry the old role or a revoked account: close them, they reconnect with a fresh token
            closeSessionsOf(id, disabled ? "Account disabled by an admin" : "Role changed by an admin");
        }
        return AdminUser.of(updated);
    }

    /** The live connections of every node. */
    @GetMapping("/connections")
    public List<Connection> connections() {
        return hub.connections();
    }

    /** Closes a connection on whichever node holds it. */
    @DeleteMapping("/connections/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void disconnect(@PathVariable String clientId) {
        if (!hub.kick(clientId, CloseCode.POLICY_VIOLATION, "Disconnected by an admin")) {
            throw ApiException.notFound("connection", clientId);
        }
    }

    @GetMapping("/devices")
    public List<Device> devices() {
        return devices.list();
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    public DeviceRepository.CreatedDevice createDevice(@RequestBody DeviceRequest body) {
        return devices.create(body.name(), clock.instant());
    }

    @DeleteMapping("/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeDevice(@PathVariable String id) {
        if (!devices.revoke(id)) {
            throw ApiException.notFound("device", id);
        }
    }

    /** Closes the user's sessions on every node. */
    private void closeSessionsOf(String userId, String reason) {
        hub.connections().stream().filter(connection -> connection.userId().equals(userId))
                .forEach(connection -> hub.kick(connection.clientId(), CloseCode.POLICY_VIOLATION, reason));
    }

    /**
     * {@code POST /api/admin/devices}.
     *
     * @param name what the device is, up to {@value Device#MAX_NAME} characters
     */
    record DeviceRequest(String name) {
        DeviceRequest {
            Fields.requireText(name, Device.MAX_NAME, "name");
        }
    }
}
