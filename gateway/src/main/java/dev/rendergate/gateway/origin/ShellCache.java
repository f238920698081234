package dev.rendergate.gateway.origin;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good copy of the SPA shell from the origin. A copy younger than the fresh time is given as
 * it is; an older one is given at once too while a single background fetch renews it, so a failing
 * origin never delays an answer that has a shell to give. Only when no copy was ever fetched does a
 * caller wait, bounded by the fetch's own timeout. Failures are logged once per change of state.
 */
final class ShellCache {

    private static final Logger LOG = LoggerFactory.getLogger(ShellCache.class);

    /** A shell as the origin last sent it. */
    record Shell(byte[] body, String contentType, String etag, String lastModified, long fetchedAtNanos) {
    }

    private final Supplier<CompletableFuture<Shell>> fetch;
    private final long freshNanos;
    private final LongSupplier nanoClock;
    private final AtomicReference<Shell> last = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Shell>> running = new AtomicReference<>();
    private final AtomicReference<Boolean> healthy = new AtomicReference<>();

    ShellCache(Supplier<CompletableFuture<Shell>> fetch, Duration fresh, LongSupplier nanoClock) {
        this.fetch = fetch;
        this.freshNanos = fresh.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The shell for an answer, handed to {@code then} on {@code loop}: null when none was ever fetched. */
    void get(Executor loop, Consumer<Shell> then) {
        Shell current = last.get();
        if (current != null) {
            if (nanoClock.getAsLong() - current.fetchedAtNanos() >= freshNanos) {
                refresh();
            }
            then.accept(current);
            return;
        }
        refresh().whenComplete((shell, error) -> loop.execute(() -> then.accept(last.get())));
    }

    /** Renews the copy in the background when it is missing or older than the fresh time. */
    void refreshIfStale() {
        Shell current = last.get();
        if (current == null || nanoClock.getAsLong() - current.fetchedAtNanos() >= freshNanos) {
            refresh();
        }
    }

    /** The last good copy, however old; null when none was ever fetched. */
    Shell lastGood() {
        return last.get();
    }

    /** Starts a fetch unless one is running; the returned future never fails. */
    CompletableFuture<Shell> refresh() {
        CompletableFuture<Shell> started = new CompletableFuture<>();
        CompletableFuture<Shell> other = running.compareAndExchange(null, started);
        if (other != null) {
            return other;
        }
        CompletableFuture<Shell> fetching;
        try {
            fetching = fetch.get();
        } catch (RuntimeException e) {
            fetching = CompletableFuture.failedFuture(e);
        }
        fetching.whenComplete((shell, error) -> {
            if (shell != null) {
                last.set(shell);
                if (!Boolean.TRUE.equals(healthy.getAndSet(true))) {
                    LOG.atInfo().addKeyValue("bytes", shell.body().length).log("SPA shell fetched from the origin");
                }
            } else if (!Boolean.FALSE.equals(healthy.getAndSet(false))) {
                LOG.atWarn().addKeyValue("reason", String.valueOf(error))
                        .log("cannot fetch the SPA shell from the origin; crawler fallbacks get the last good copy, if any");
            }
            running.set(null);
            started.complete(shell);
        });
        return started;
    }
}
