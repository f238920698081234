package dev.rendergate.farm.freshness;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a named run happen on one node only: {@link #tryClaim} succeeds for exactly one caller until the
 * claim is released or its lease runs out. {@link #LOCAL} claims within this process (no Redis);
 * {@link RedisRunLock} across every node sharing a Redis.
 */
public interface RunLock extends AutoCloseable {

    /** The claim on {@code name} for at most {@code lease}, or {@code null} when someone else holds it (or it cannot be known). */
    Claim tryClaim(String name, Duration lease);

    @Override
    default void close() {
    }

    /** A held claim. */
    interface Claim {
        /** Gives the claim up if it is still this holder's; whether it was. */
        boolean release();
    }

    /** Claims within this process only: enough when one node runs the schedule. */
    RunLock LOCAL = new RunLock() {
        private final Set<String> held = ConcurrentHashMap.newKeySet();

        @Override
        public Claim tryClaim(String name, Duration lease) {
            return held.add(name) ? () -> held.remove(name) : null;
        }
    };
}
