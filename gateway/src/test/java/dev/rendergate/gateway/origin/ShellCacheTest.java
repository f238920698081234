package dev.rendergate.gateway.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShellCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<CompletableFuture<ShellCache.Shell>> fetches = new ArrayList<>();
    private final ShellCache cache = new ShellCache(() -> {
        CompletableFuture<ShellCache.Shell> f = new CompletableFuture<>();
        fetches.add(f);
        return f;
    }, Duration.ofSeconds(5), now::get);

    private ShellCache.Shell shell(String body) {
        return new ShellCache.Shell(body.getBytes(StandardCharsets.UTF_8), "text/html", "\"e\"", null, now.get());
    }

    private ShellCache.Shell get() {
        List<ShellCache.Shell> got = new ArrayList<>();
        cache.get(Runnable::run, got::add);
        return got.isEmpty() ? null : got.get(0);
    }

    @Test
    void get_neverFetched_waitsForTheFetch_andGetsNullWhenItFails() {
        List<ShellCache.Shell> got = new ArrayList<>();
        cache.get(Runnable::run, got::add);
        assertThat(got).isEmpty();
        fetches.get(0).completeExceptionally(new IllegalStateException("origin down"));
        assertThat(got).containsExactly((ShellCache.Shell) null);
    }

    @Test
    void get_fresh_answersWithoutFetching() {
        cache.refresh();
        fetches.get(0).complete(shell("v1"));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(new String(get().body(), StandardCharsets.UTF_8)).isEqualTo("v1");
        assertThat(fetches).hasSize(1);
    }

    @Test
    void get_stale_answersAtOnceWithTheLastGood_andRenewsOnceInTheBackground() {
        cache.refresh();
        fetches.get(0).complete(shell("v1"));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(new String(get().body(), StandardCharsets.UTF_8)).isEqualTo("v1");
        assertThat(new String(get().body(), StandardCharsets.UTF_8)).isEqualTo("v1");
        assertThat(fetches).as("one renewal for both").hasSize(2);

        fetches.get(1).completeExceptionally(new IllegalStateException("origin down"));
        assertThat(new String(get().body(), StandardCharsets.UTF_8)).as("origin down: last good").isEqualTo("v1");

        fetches.get(2).complete(shell("v2"));
        assertThat(new String(get().body(), StandardCharsets.UTF_8)).isEqualTo("v2");
    }
}
