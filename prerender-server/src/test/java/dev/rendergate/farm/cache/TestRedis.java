package dev.rendergate.farm.cache;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Redis as a test sees it: skips the test when none listens on 127.0.0.1:6379, hands
 * out a key prefix of its own, and removes exactly the keys under that prefix afterwards.
 */
final class TestRedis implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;

    final String prefix = "rendergate-test:" + UUID.randomUUID() + ":";
    private final RedisClient client = RedisClient.create("redis://" + HOST + ":" + PORT);
    private final StatefulRedisConnection<String, byte[]> connection =
            client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));

    private TestRedis() {
    }

    static TestRedis requireRunning() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
        } catch (IOException e) {
            Assumptions.abort("No Redis at " + HOST + ":" + PORT + " (" + e.getMessage()
                    + "): start one (apt-get install redis-server) to run the shared-tier tests");
        }
        return new TestRedis();
    }

    RedisCommands<String, byte[]> commands() {
        return connection.sync();
    }

    String snapKey(CacheKey key) {
        return prefix + "snap:" + key.id();
    }

    String lockKey(CacheKey key) {
        return prefix + "lock:" + key.id();
    }

    @Override
    public void close() {
        ScanArgs args = ScanArgs.Builder.matches(RedisTier.glob(prefix) + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands().scan(cursor, args);
            if (!page.getKeys().isEmpty()) {
                commands().del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
        connection.close();
        client.shutdown();
    }

    /** Polls {@code condition} until it holds, failing after {@code deadline}. */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("timed out after " + deadline + " waiting for: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
