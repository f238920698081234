package dev.rendergate.farm.freshness;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunLock} in Redis: a claim is {@code SET <prefix><name> <random token> NX PX <lease>}, and a
 * release deletes the key only while it still holds this claim's token (a script compares and deletes in
 * one step), so a holder whose lease ran out can never release the next holder's claim. Redis being down
 * reads as "held elsewhere": a run is skipped rather than risked twice.
 */
public final class RedisRunLock implements RunLock {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRunLock.class);
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisClient client;
    private final String keyPrefix;
    private StatefulRedisConnection<String, String> connection;

    private RedisRunLock(RedisClient client, String keyPrefix) {
        this.client = client;
        this.keyPrefix = keyPrefix;
    }

    /** A lock on the Redis at {@code redis} ({@code redis://host:port}); commands time out after {@code timeout}. */
    public static RedisRunLock create(URI redis, String keyPrefix, Duration timeout) {
        RedisURI uri = RedisURI.create(redis);
        uri.setTimeout(timeout);
        return new RedisRunLock(RedisClient.create(uri), keyPrefix);
    }

    @Override
    public Claim tryClaim(String name, Duration lease) {
        String key = keyPrefix + name;
        String token = HexFormat.of().formatHex(bytes());
        try {
            String ok = commands().set(key, token, SetArgs.Builder.nx().px(lease.toMillis()));
            return "OK".equals(ok) ? () -> release(key, token) : null;
        } catch (RuntimeException e) {
            LOG.warn("event=run-lock-unavailable key={} error={}", key, e.toString());
            return null;
        }
    }

    private boolean release(String key, String token) {
        try {
            Long deleted = commands().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token);
            return deleted != null && deleted == 1L;
        } catch (RuntimeException e) {
            LOG.warn("event=run-lock-release-failed key={} error={}", key, e.toString());
            return false;
        }
    }

    private synchronized RedisCommands<String, String> commands() {
        if (connection == null || !connection.isOpen()) {
            connection = client.connect();
        }
        return connection.sync();
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
