package dev.rendergate.gateway.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request-body bytes the whole server holds at once: from a body's first byte until its request is answered
 * (aggregated, waiting in a pipeline, copied to a service). A body that would take the total past the budget is
 * refused with 503 instead of read. Only requests with a body touch it; a GET never does.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long limitBytes) {
        this.limit = limitBytes;
    }

    /** Bytes held now, over all connections. */
    long held() {
        return held.get();
    }

    /** True when {@code bytes} more would fit now; reserves nothing (admission of a declared length). */
    boolean fits(long bytes) {
        return held.get() + bytes <= limit;
    }

    private boolean tryReserve(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    /** One connection's (or one HTTP/2 stream's) share; used on its event loop only. */
    Account account() {
        return new Account();
    }

    /** What one connection holds; whatever is left when it closes goes back with {@link #releaseAll()}. */
    final class Account {
        private long mine;

        boolean tryReserve(long bytes) {
            if (!BodyBudget.this.tryReserve(bytes)) {
                return false;
            }
            mine += bytes;
            return true;
        }

        boolean fits(long bytes) {
            return BodyBudget.this.fits(bytes);
        }

        /** Gives back a request's body once it is answered; never more than this connection holds. */
        void release(long bytes) {
            long back = Math.min(bytes, mine);
            if (back > 0) {
                mine -= back;
                held.addAndGet(-back);
            }
        }

        void releaseAll() {
            release(mine);
        }
    }
}
