package dev.rendergate.farm.render.auto;

import dev.rendergate.farm.cache.FailFastRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route knowledge in Redis: one hash per site ({@code rendergate:routes:<site>}), a field per route template. Every
 * command is bounded by {@link #TIMEOUT}; while Redis is down, reads are empty and writes dropped (logged once) and
 * it is tried again only every few seconds, so a render never waits on it for long and each node goes on with what it
 * knows itself.
 */
final class RedisRoutes implements SharedRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRoutes.class);
    static final String KEY_PREFIX = "rendergate:routes:";
    private static final Duration TIMEOUT = Duration.ofMillis(250);

    private final ClientResources resources;
    private final RedisClient client;
    private final long keySeconds;
    private static final long RETRY_NANOS = Duration.ofSeconds(5).toNanos();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long nextTryNanos;
    private volatile StatefulRedisConnection<String, String> connection;

    private RedisRoutes(URI redisUri, Duration relearnAfter) {
        this.resources = ClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build();
        this.client = FailFastRedis.client(resources, FailFastRedis.uri(redisUri, TIMEOUT));
        // A site nobody rendered for twice the relearn period is forgotten with all its routes.
        this.keySeconds = Math.max(60, relearnAfter.multipliedBy(2).toSeconds());
    }

    static RedisRoutes open(URI redisUri, Duration relearnAfter) {
        return new RedisRoutes(redisUri, relearnAfter);
    }

    @Override
    public Optional<RouteState> get(RouteTemplate route) {
        if (resting()) {
            return Optional.empty();
        }
        try {
            String value = connection().sync().hget(KEY_PREFIX + route.site(), route.template());
            up();
            return RouteState.decode(value);
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    @Override
    public void put(RouteTemplate route, RouteState state) {
        if (resting()) {
            return;
        }
        try {
            String key = KEY_PREFIX + route.site();
            var sync = connection().sync();
            sync.hset(key, route.template(), state.encode());
            sync.expire(key, keySeconds);
            up();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect();
                }
                c = connection;
            }
        }
        return c;
    }

    /** While Redis is down it is asked again only every few seconds: a connect attempt can take a second. */
    private boolean resting() {
        return down.get() && System.nanoTime() < nextTryNanos;
    }

    private void up() {
        if (down.compareAndSet(true, false)) {
            LOG.info("event=route-knowledge-redis-up");
        }
    }

    private void failed(RuntimeException e) {
        nextTryNanos = System.nanoTime() + RETRY_NANOS;
        if (down.compareAndSet(false, true)) {
            LOG.warn("event=route-knowledge-redis-down error={} (each node keeps learning on its own)", e.toString());
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
