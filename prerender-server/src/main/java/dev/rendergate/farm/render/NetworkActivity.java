package dev.rendergate.farm.render;

import java.time.Duration;

/** Requests in flight for the page under render and when that last changed; the basis of network-idle detection. */
final class NetworkActivity {
    private int inFlight;
    private long lastChangeNanos = System.nanoTime();

    synchronized void reset() {
        inFlight = 0;
        lastChangeNanos = System.nanoTime();
    }

    synchronized void started() {
        inFlight++;
        lastChangeNanos = System.nanoTime();
        notifyAll();
    }

    synchronized void finished() {
        inFlight = Math.max(0, inFlight - 1);
        lastChangeNanos = System.nanoTime();
        notifyAll();
    }

    /** True when nothing is in flight and nothing changed for {@code quiet}. */
    synchronized boolean idleFor(Duration quiet) {
        return inFlight == 0 && System.nanoTime() - lastChangeNanos >= quiet.toNanos();
    }

    /** Waits until activity changes or {@code max} passes (the done-detection poll interval). */
    synchronized void awaitChange(Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        long seen = lastChangeNanos;
        long left;
        while (seen == lastChangeNanos && (left = until - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
