package dev.rendergate.farm.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Renders of cache misses rationed per client: a token bucket per address that holds up to {@code burst}
 * renders and refills at {@code perMinute}. Only the renders a client causes are charged (hits, stale answers
 * and snapshots from the shared tier are free). Memory is bounded: at most {@code maxAddresses} buckets are
 * kept, and a bucket is dropped once it would have refilled anyway. Thread-safe.
 */
public final class MissRateLimit {

    /** 120 renders a minute per address after a burst of 120. */
    public static final int DEFAULT_PER_MINUTE = 120;
    public static final int DEFAULT_BURST = 120;
    /** Addresses tracked at once (about 100 bytes each). */
    public static final int DEFAULT_MAX_ADDRESSES = 100_000;

    private static final MissRateLimit OFF = new MissRateLimit(0, 0, 1, Ticker.systemTicker());
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final double tokensPerNano;
    private final double burst;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    private MissRateLimit(int perMinute, int burst, int maxAddresses, Ticker ticker) {
        this.tokensPerNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.burst = burst;
        this.ticker = ticker;
        long refillNanos = perMinute == 0 ? 1 : (long) Math.ceil(burst / tokensPerNano);
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .maximumSize(maxAddresses)
                .expireAfterAccess(Duration.ofNanos(refillNanos))
                .build();
    }

    /**
     * A limit of {@code perMinute} miss renders per address after a burst of {@code burst}.
     *
     * @param perMinute    sustained renders a minute per address; 0 turns the limit off
     * @param burst        renders an address may make at once before the rate applies; at least 1
     * @param maxAddresses buckets kept at once; at least 1
     * @param ticker       the clock (a fake one in tests)
     * @throws IllegalArgumentException naming the bad value
     */
    public static MissRateLimit of(int perMinute, int burst, int maxAddresses, Ticker ticker) {
        Objects.requireNonNull(ticker, "ticker");
        if (perMinute < 0) {
            throw new IllegalArgumentException("miss rate limit must be 0 (off) or a number of renders a minute, got "
                    + perMinute);
        }
        if (perMinute == 0) {
            return OFF;
        }
        if (burst < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("miss rate burst and tracked addresses must be at least 1, got burst "
                    + burst + " and " + maxAddresses + " addresses");
        }
        return new MissRateLimit(perMinute, burst, maxAddresses, ticker);
    }

    /** No limit. */
    public static MissRateLimit off() {
        return OFF;
    }

    /** Whether renders are limited at all. */
    public boolean enabled() {
        return this != OFF;
    }

    /**
     * Takes one render from {@code client}'s bucket.
     *
     * @return {@link Admission#ALLOWED}, or a refusal with the seconds until the next token
     */
    public Admission admit(String client) {
        if (!enabled()) {
            return Admission.ALLOWED;
        }
        long now = ticker.read();
        return buckets.get(client, c -> new Bucket(burst, now)).take(now, burst, tokensPerNano);
    }

    /** Addresses with a bucket now (for the gauge). */
    public long trackedAddresses() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /**
     * What {@link #admit} decided.
     *
     * @param allowed           whether the render may go ahead
     * @param retryAfterSeconds when refused, whole seconds until the next token (at least 1); 0 when allowed
     * @param worthLogging      when refused, whether this is the address's first refusal in a minute
     */
    public record Admission(boolean allowed, long retryAfterSeconds, boolean worthLogging) {
        static final Admission ALLOWED = new Admission(true, 0, false);
    }

    /** One address's tokens; refilled lazily from the time of its last take. */
    private static final class Bucket {
        private double tokens;
        private long updatedAt;
        private long loggedAt;
        private boolean logged;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Admission take(long now, double burst, double tokensPerNano) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updatedAt) * tokensPerNano);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Admission.ALLOWED;
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            boolean log = !logged || now - loggedAt >= LOG_EVERY_NANOS;
            if (log) {
                logged = true;
                loggedAt = now;
            }
            return new Admission(false, seconds, log);
        }
    }
}
