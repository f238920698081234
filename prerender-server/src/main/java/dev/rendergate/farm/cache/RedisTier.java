package dev.rendergate.farm.cache;

import dev.rendergate.edge.detect.Device;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis tier shared by all farm nodes. Snapshots are hashes ({@code fence}, {@code body}) under
 * {@code <prefix>snap:<device>:<url>} with a Redis TTL of TTL plus stale window; render locks are
 * {@code <prefix>lock:<device>:<url>} ({@code SET NX PX}) holding a fencing token drawn from
 * {@code <prefix>fence}, and a write lands only if no later-fenced write did. Every store and delete
 * is announced on {@code <prefix>invalidate}, so the other nodes drop their L1 copy and read the new
 * snapshot from Redis. Health, timeouts and reconnects are {@link RedisLink}'s.
 */
final class RedisTier implements SharedTier {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTier.class);
    /** Longer than a render is allowed to take (10 s by default), short enough to outlive a dead holder. */
    static final Duration LOCK_LEASE = Duration.ofSeconds(15);
    private static final Duration SCAN_BUDGET = Duration.ofSeconds(30);
    /** Listing keys answers a request: a shorter budget than deleting them, which must finish its job. */
    private static final Duration LIST_BUDGET = Duration.ofSeconds(5);

    private static final String READ = """
            local v = redis.call('HMGET', KEYS[1], 'body', 'fence')
            return {v[1], v[2], redis.call('PTTL', KEYS[1])}""";
    private static final String LOCK = """
            local fence = redis.call('INCR', KEYS[2])
            if redis.call('SET', KEYS[1], fence, 'NX', 'PX', ARGV[1]) then return fence end
            return 0""";
    private static final String STORE = """
            local fence = tonumber(ARGV[1])
            if fence == 0 then fence = redis.call('INCR', KEYS[3]) end
            local current = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0')
            local stored = 0
            if fence > current then
              redis.call('HSET', KEYS[1], 'fence', fence, 'body', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              stored = 1
            end
            if redis.call('GET', KEYS[2]) == tostring(fence) then redis.call('DEL', KEYS[2]) end
            return stored""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final String snapPrefix;
    private final String lockPrefix;
    private final String fenceKey;
    private final String channel;
    private final String nodeId = UUID.randomUUID().toString();
    private final PeerInvalidations peers;
    private final RedisLink link;

    private RedisTier(CacheConfig config, PeerInvalidations peers) {
        this.peers = peers;
        this.snapPrefix = config.redisKeyPrefix() + "snap:";
        this.lockPrefix = config.redisKeyPrefix() + "lock:";
        this.fenceKey = config.redisKeyPrefix() + "fence";
        this.channel = config.redisKeyPrefix() + "invalidate";
        this.link = RedisLink.open(config.redisUri(), config.redisTimeout(), channel, this::applyAnnouncement);
    }

    /** Connects now if Redis answers; otherwise starts down and keeps probing. Never throws for a down Redis. */
    static RedisTier connect(CacheConfig config, PeerInvalidations peers) {
        return new RedisTier(config, peers);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean available() {
        return link.up();
    }

    @Override
    public Stored read(CacheKey key) {
        List<Object> reply = link.call(redis -> redis.eval(READ, ScriptOutputType.MULTI, new String[] {snapKey(key)}), null);
        if (reply == null || reply.size() < 3 || !(reply.get(0) instanceof byte[] body)) {
            return null;
        }
        try {
            long fence = reply.get(1) instanceof byte[] f ? Long.parseLong(new String(f, StandardCharsets.US_ASCII)) : 0;
            long millisLeft = reply.get(2) instanceof Long pttl ? pttl : -1;
            return new Stored(SnapshotCodec.decode(body), fence, millisLeft);
        } catch (IllegalArgumentException e) {
            // Written by another version or corrupt: a miss, and the next render overwrites it.
            LOG.warn("cache l2 unreadable key={} error={}", key.id(), e.getMessage());
            return null;
        }
    }

    @Override
    public LockAttempt tryLock(CacheKey key) {
        Long fence = link.call(redis -> redis.eval(LOCK, ScriptOutputType.INTEGER, new String[] {lockKey(key), fenceKey},
                ascii(LOCK_LEASE.toMillis())), null);
        if (fence == null) {
            return LockAttempt.UNAVAILABLE;
        }
        return fence > 0 ? new LockAttempt.Acquired(fence) : LockAttempt.HELD;
    }

    @Override
    public void store(CacheKey key, Snapshot snapshot, long fence, Duration keepFor) {
        if (!available()) {
            return;
        }
        byte[] body = SnapshotCodec.encode(snapshot);
        Long stored = link.call(redis -> redis.eval(STORE, ScriptOutputType.INTEGER,
                new String[] {snapKey(key), lockKey(key), fenceKey},
                ascii(fence), body, ascii(Math.max(1, keepFor.toMillis()))), null);
        if (stored != null && stored == 1) {
            announce('K', key.id());
        }
    }

    @Override
    public void release(CacheKey key, long fence) {
        link.call(redis -> redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {lockKey(key)}, ascii(fence)), null);
    }

    @Override
    public void delete(CacheKey key) {
        link.call(redis -> redis.del(snapKey(key)), null);
        announce('K', key.id());
    }

    @Override
    public long deletePrefix(String urlPrefix) {
        long deleted = 0;
        for (Device device : Device.values()) {
            deleted += deleteMatching(glob(snapPrefix + device.label() + ":" + urlPrefix) + "*");
        }
        announce('P', urlPrefix);
        return deleted;
    }

    /**
     * Snapshot keys are {@code <prefix>snap:<device>:<url>} strings (the hash is the value), so the name
     * alone gives back the {@link CacheKey}; a {@code SCAN} per device, bounded by {@code limit} and time.
     */
    @Override
    public List<CacheKey> keys(String urlPrefix, int limit) {
        List<CacheKey> keys = new ArrayList<>();
        long deadline = System.nanoTime() + LIST_BUDGET.toNanos();
        for (Device device : Device.values()) {
            String devicePrefix = snapPrefix + device.label() + ":";
            ScanArgs args = ScanArgs.Builder.matches(glob(devicePrefix + urlPrefix) + "*").limit(500);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                ScanCursor from = cursor;
                KeyScanCursor<String> page = link.call(redis -> redis.scan(from, args), null);
                if (page == null) {
                    return keys;
                }
                for (String name : page.getKeys()) {
                    if (keys.size() >= limit) {
                        return keys;
                    }
                    keys.add(new CacheKey(name.substring(devicePrefix.length()), device));
                }
                cursor = page;
            } while (!cursor.isFinished() && System.nanoTime() - deadline < 0);
        }
        return keys;
    }

    @Override
    public long deleteAll() {
        long deleted = deleteMatching(glob(snapPrefix) + "*");
        announce('A', "");
        return deleted;
    }

    @Override
    public long errors() {
        return link.errors();
    }

    @Override
    public void close() {
        link.close();
    }

    private long deleteMatching(String pattern) {
        long deadline = System.nanoTime() + SCAN_BUDGET.toNanos();
        long deleted = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(500);
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = link.call(redis -> redis.scan(from, args), null);
            if (page == null) {
                return deleted;
            }
            if (!page.getKeys().isEmpty()) {
                Long n = link.call(redis -> redis.del(page.getKeys().toArray(String[]::new)), 0L);
                deleted += n == null ? 0 : n;
            }
            cursor = page;
        } while (!cursor.isFinished() && System.nanoTime() - deadline < 0);
        return deleted;
    }

    /** Tells the other nodes to drop their L1 copies; lost while Redis is down (their TTLs bound the damage). */
    private void announce(char operation, String argument) {
        byte[] message = (nodeId + "\n" + operation + "\n" + argument).getBytes(StandardCharsets.UTF_8);
        link.call(redis -> redis.publish(channel, message), null);
    }

    private void applyAnnouncement(String message) {
        String[] parts = message.split("\n", 3);
        if (parts.length != 3 || parts[0].equals(nodeId)) {
            return;
        }
        switch (parts[1]) {
            case "K" -> {
                int colon = parts[2].indexOf(':');
                if (colon > 0) {
                    peers.key(new CacheKey(parts[2].substring(colon + 1), Device.fromLabel(parts[2].substring(0, colon))));
                }
            }
            case "P" -> peers.prefix(parts[2]);
            case "A" -> peers.all();
            default -> LOG.debug("cache l2 ignored announcement operation={}", parts[1]);
        }
    }

    private String snapKey(CacheKey key) {
        return snapPrefix + key.id();
    }

    private String lockKey(CacheKey key) {
        return lockPrefix + key.id();
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /** Escapes Redis glob metacharacters so a URL matches itself literally. */
    static String glob(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
