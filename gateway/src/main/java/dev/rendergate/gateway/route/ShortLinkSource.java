package dev.rendergate.gateway.route;

import dev.rendergate.gateway.ShortLinkStore;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Looks up the target of a short-link code: from a mapping file in memory, or from a Redis hash. */
public interface ShortLinkSource extends AutoCloseable {

    /** The answer to one look-up. */
    sealed interface Resolution {
        /** The code is known: 301 to {@code target} (already checked by {@link ShortLinkRules}). */
        record Found(String target) implements Resolution {
        }

        /** No such code, or its stored target is not one we redirect to: 404. */
        record Unknown() implements Resolution {
        }

        /** The store cannot answer right now: 503 with {@code reason}. */
        record Unavailable(String reason) implements Resolution {
        }
    }

    /** Resolves a valid {@code code}; {@code then} runs on {@code loop}, within the store's timeout. */
    void resolve(String code, Executor loop, Consumer<Resolution> then);

    /** Opens the store {@code store} names; a Redis look-up gives up after {@code timeout}. */
    static ShortLinkSource open(ShortLinkStore store, Duration timeout) {
        if (store instanceof ShortLinkStore.File file) {
            return ShortLinks.load(file.path());
        }
        return new RedisShortLinks((ShortLinkStore.Redis) store, timeout);
    }

    @Override
    default void close() {
    }
}
