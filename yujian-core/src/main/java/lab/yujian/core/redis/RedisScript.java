package lab.yujian.core.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Lua script of the Redis stores, loaded from the classpath once and run by its SHA; a server that
 * forgot it (a restart, a flush) is given it again.
 */
final class RedisScript {

    private final String name;
    private final byte[] source;
    private volatile String sha;

    private RedisScript(String name, byte[] source) {
        this.name = name;
        this.source = source;
    }

    /** The script {@code lab/yujian/core/redis/<name>.lua}. */
    static RedisScript load(String name) {
        String path = name + ".lua";
        try (InputStream in = Objects.requireNonNull(RedisScript.class.getResourceAsStream(path),
                "missing script " + path)) {
            return new RedisScript(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Redis script " + path, e);
        }
    }

    /** Runs the script. */
    <T> T run(RedisCommands<byte[], byte[]> redis, ScriptOutputType output, byte[][] keys, byte[]... args) {
        String known = sha;
        if (known == null) {
            known = sha = redis.scriptLoad(source);
        }
        try {
            return redis.evalsha(known, output, keys, args);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(source);
            return redis.evalsha(sha, output, keys, args);
        }
    }

    @Override
    public String toString() {
        return "Redis script " + name;
    }

    /** A number as the bytes of its decimal digits, as Redis takes arguments. */
    static byte[] arg(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] arg(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
