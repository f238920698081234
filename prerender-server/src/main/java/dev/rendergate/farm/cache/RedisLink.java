package dev.rendergate.farm.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One farm node's link to Redis and what it knows of Redis's health. Commands are bounded by the
 * configured timeout; the first failure marks the link down (logged once) and later commands are
 * skipped without touching the network. A prober pings every {@value #PROBE_MILLIS} ms in both
 * states, so the state flips without traffic: down when a ping fails, up (logged once) when one
 * answers. Lettuce reconnects dropped connections and re-subscribes the channel by itself; a link
 * that never connected is connected by the prober once Redis answers.
 */
final class RedisLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    static final long PROBE_MILLIS = 250;
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final String where;
    private final Duration timeout;
    private final String channel;
    private final Consumer<String> onMessage;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService prober;
    private final AtomicReference<Boolean> up = new AtomicReference<>();
    private final LongAdder errors = new LongAdder();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;

    private RedisLink(URI redisUri, Duration timeout, String channel, Consumer<String> onMessage) {
        // host:port only: the URI may carry a password.
        this.where = redisUri.getHost() + ":" + (redisUri.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : redisUri.getPort());
        this.timeout = timeout;
        this.channel = channel;
        this.onMessage = onMessage;
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = FailFastRedis.client(resources, FailFastRedis.uri(redisUri, timeout));
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshot-cache-redis-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects now if Redis answers, otherwise starts down; never throws for a down Redis.
     *
     * @param onMessage called (on a Lettuce thread) with every message on {@code channel}
     */
    static RedisLink open(URI redisUri, Duration timeout, String channel, Consumer<String> onMessage) {
        RedisLink link = new RedisLink(redisUri, timeout, channel, onMessage);
        link.probe();
        link.prober.scheduleWithFixedDelay(link::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        return link;
    }

    boolean up() {
        return Boolean.TRUE.equals(up.get());
    }

    long errors() {
        return errors.sum();
    }

    /** Runs {@code command}, or answers {@code fallback} when the link is down or the command fails. */
    <T> T call(Function<RedisCommands<String, byte[]>, T> command, T fallback) {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open == null || !up()) {
            return fallback;
        }
        try {
            return command.apply(open.sync());
        } catch (RuntimeException e) {
            errors.increment();
            markDown(e);
            return fallback;
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        StatefulRedisPubSubConnection<String, String> listening = subscription;
        if (listening != null) {
            listening.close();
        }
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private void probe() {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            StatefulRedisConnection<String, byte[]> open = connection;
            if (open == null) {
                open = client.connect(CODEC);
                open.setTimeout(timeout);
                connection = open;
            }
            open.sync().ping();
            if (subscription == null) {
                subscription = subscribe();
            }
            markUp();
        } catch (RuntimeException e) {
            markDown(e);
        }
    }

    private StatefulRedisPubSubConnection<String, String> subscribe() {
        StatefulRedisPubSubConnection<String, String> listening = client.connectPubSub(StringCodec.UTF8);
        listening.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                onMessage.accept(message);
            }
        });
        listening.setTimeout(timeout);
        listening.sync().subscribe(channel);
        return listening;
    }

    private void markUp() {
        Boolean was = up.getAndSet(Boolean.TRUE);
        if (!Boolean.TRUE.equals(was)) {
            LOG.info("cache l2 up redis={}", where);
        }
    }

    private void markDown(RuntimeException cause) {
        Boolean was = up.getAndSet(Boolean.FALSE);
        if (!Boolean.FALSE.equals(was)) {
            LOG.warn("cache l2 down redis={} error={}; serving from L1 and renders until it answers",
                    where, cause.toString());
        }
    }
}
