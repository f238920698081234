package dev.rendergate.gateway.route;

import dev.rendergate.farm.cache.FailFastRedis;
import dev.rendergate.gateway.ShortLinkStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short links from a Redis hash ({@code HGET key code}), asked on every request through Lettuce's
 * asynchronous API so the event loop never waits. Each look-up is bounded by the timeout; a Redis that
 * is down or slow gives {@link Resolution.Unavailable} (503) at once or at the timeout, and the change
 * of state is logged once each way. A connection that never came up is tried again at most once per
 * {@link #RECONNECT_EVERY}; an established one is kept up by Lettuce, which rejects commands while it
 * is disconnected instead of queueing them.
 */
final class RedisShortLinks implements ShortLinkSource {

    private static final Logger LOG = LoggerFactory.getLogger(RedisShortLinks.class);
    static final Duration RECONNECT_EVERY = Duration.ofSeconds(1);

    private record Attempt(CompletableFuture<StatefulRedisConnection<String, String>> connection, long startedNanos) {
    }

    private final ShortLinkStore.Redis store;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final AtomicReference<Attempt> attempt = new AtomicReference<>();
    private final AtomicReference<Boolean> healthy = new AtomicReference<>();

    RedisShortLinks(ShortLinkStore.Redis store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.uri = FailFastRedis.uri(store.uri(), timeout);
        this.client = FailFastRedis.client(resources, uri);
        // Connect now, in the background: the first look-up should not pay for it.
        connection();
    }

    @Override
    public void resolve(String code, Executor loop, Consumer<Resolution> then) {
        connection()
                .thenCompose(c -> c.async().hget(store.key(), code).toCompletableFuture())
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((target, error) -> {
                    Resolution answer = answer(code, target, error);
                    loop.execute(() -> then.accept(answer));
                });
    }

    private CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        Attempt current = attempt.get();
        if (current != null && !(current.connection().isCompletedExceptionally()
                && System.nanoTime() - current.startedNanos() >= RECONNECT_EVERY.toNanos())) {
            return current.connection();
        }
        Attempt next = new Attempt(new CompletableFuture<>(), System.nanoTime());
        if (!attempt.compareAndSet(current, next)) {
            return attempt.get().connection();
        }
        // Setting up a connection does work (the first time class loading, name resolution) that has
        // no place on the gateway's event loop: Lettuce's own threads do it.
        resources.eventExecutorGroup().execute(() -> {
            try {
                client.connectAsync(StringCodec.UTF8, uri).whenComplete((connection, error) -> {
                    if (connection != null) {
                        next.connection().complete(connection);
                    } else {
                        next.connection().completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                next.connection().completeExceptionally(e);
            }
        });
        return next.connection();
    }

    private Resolution answer(String code, String target, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            boolean slow = cause instanceof TimeoutException || cause instanceof RedisCommandTimeoutException;
            String reason = slow ? "shortlinks-timeout" : "shortlinks-unavailable";
            if (!Boolean.FALSE.equals(healthy.getAndSet(false))) {
                LOG.atWarn().addKeyValue("redis", store.where()).addKeyValue("reason", reason)
                        .addKeyValue("error", String.valueOf(cause.getMessage()))
                        .log("short-link Redis cannot answer; /s/ links get 503 until it is back");
            }
            return new Resolution.Unavailable(reason);
        }
        if (!Boolean.TRUE.equals(healthy.getAndSet(true))) {
            LOG.atInfo().addKeyValue("redis", store.where()).addKeyValue("key", store.key())
                    .log("short-link Redis answers");
        }
        if (target == null) {
            return new Resolution.Unknown();
        }
        if (!ShortLinkRules.validTarget(target)) {
            LOG.atWarn().addKeyValue("code", code).addKeyValue("key", store.key())
                    .log("short-link target is not an http(s) URL or a /path; answering 404");
            return new Resolution.Unknown();
        }
        return new Resolution.Found(target);
    }

    @Override
    public void close() {
        Attempt current = attempt.get();
        if (current != null && current.connection().isDone() && !current.connection().isCompletedExceptionally()) {
            current.connection().join().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
