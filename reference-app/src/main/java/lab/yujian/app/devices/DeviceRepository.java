package lab.yujian.app.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The device table. */
@Repository
public class DeviceRepository {

    private final JdbcClient jdbc;

    public DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a device and returns it with its key, which is not stored and cannot be shown again. */
    public CreatedDevice create(String name, Instant now) {
        String key = DeviceKeys.generate();
        Device device = new Device(UUID.randomUUID().toString(), name, now, null);
        jdbc.sql("INSERT INTO devices (id, name, key_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(device.id(), name, DeviceKeys.hash(key), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        return new CreatedDevice(device.id(), name, now, key);
    }

    public Optional<Device> findByKey(String key) {
        return jdbc.sql("SELECT id, name, created_at, last_used_at FROM devices WHERE key_hash = ? AND NOT revoked")
                .param(DeviceKeys.hash(key)).query(DeviceRepository::map).optional();
    }

    public List<Device> list() {
        return jdbc.sql("SELECT id, name, created_at, last_used_at FROM devices WHERE NOT revoked ORDER BY name")
                .query(DeviceRepository::map).list();
    }

    public void touch(String id, Instant now) {
        jdbc.sql("UPDATE devices SET last_used_at = ? WHERE id = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), id).update();
    }

    /** Revokes a device's key; false if there was no such device. */
    public boolean revoke(String id) {
        return jdbc.sql("UPDATE devices SET revoked = TRUE WHERE id = ? AND NOT revoked").param(id).update() == 1;
    }

    private static Device map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
        return new Device(rs.getString("id"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }

    /**
     * A new device with its key.
     *
     * @param id        device id
     * @param name      device name
     * @param createdAt when
     * @param key       the API key, shown only now
     */
    public record CreatedDevice(String id, String name, Instant createdAt, String key) {
    }
}
