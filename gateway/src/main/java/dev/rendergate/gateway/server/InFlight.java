package dev.rendergate.gateway.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being answered, so shutdown can wait for them (with a bound). Counting is one atomic add per
 * request; the monitor is taken only while shutdown waits.
 */
final class InFlight {

    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean awaited;

    void begin() {
        count.incrementAndGet();
    }

    void end() {
        // The waiter holds the monitor from its check of the count until it waits, so this wake-up is not lost.
        if (count.decrementAndGet() <= 0 && awaited) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    int count() {
        return count.get();
    }

    /** Waits until no request is in flight or {@code timeout} passes; true when drained. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        awaited = true;
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } finally {
            awaited = false;
        }
    }
}
