package dev.rendergate.farm.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.metrics.FarmMetrics;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EnginePoolTest {
    private static final URI URL = URI.create("https://www.example.com/");
    private final FarmMetrics metrics = new FarmMetrics();
    private final List<ScriptedEngine> made = new CopyOnWriteArrayList<>();

    /** A real engine with scripted behaviour: answers at once, throws, or blocks until released. */
    private static final class ScriptedEngine implements RenderEngine {
        final AtomicInteger renders = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean closed;
        volatile boolean aborted;
        volatile String behaviour = "ok";

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public RenderOutcome render(RenderJob job) {
            renders.incrementAndGet();
            switch (behaviour) {
                case "throw" -> throw new IllegalStateException("engine broke");
                case "block" -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> { }
            }
            return new RenderOutcome.Rendered("<p>x</p>", 200, java.util.Map.of(), job.url(), List.of(), name());
        }

        @Override
        public void abort() {
            aborted = true;
            release.countDown();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private EnginePool pool(int size, int queue, int maxRenders, String behaviour) {
        return new EnginePool(() -> {
            ScriptedEngine e = new ScriptedEngine();
            e.behaviour = behaviour;
            made.add(e);
            return e;
        }, size, queue, maxRenders, 504, Duration.ofSeconds(3), metrics);
    }

    private static RenderJob job(Duration budget) {
        return RenderJob.of(URL, Device.DESKTOP, budget);
    }

    @Test
    void engine_replacedAfterMaxRenders() {
        try (EnginePool pool = pool(1, 4, 2, "ok")) {
            for (int i = 0; i < 4; i++) {
                assertThat(pool.render(job(Duration.ofSeconds(5)))).isInstanceOf(RenderOutcome.Rendered.class);
            }
            assertThat(made).hasSize(3);
            assertThat(made.get(0).closed).isTrue();
            assertThat(made.get(0).renders).hasValue(2);
            assertThat(metrics.count("rendergate_pool_recycles", "reason", "max-renders")).isEqualTo(2);
        }
    }

    @Test
    void engineThatThrows_givesRenderError_andIsReplaced() {
        try (EnginePool pool = pool(1, 4, 100, "throw")) {
            RenderOutcome out = pool.render(job(Duration.ofSeconds(5)));
            assertThat(out).isInstanceOfSatisfying(RenderOutcome.Failed.class, f -> {
                assertThat(f.status()).isEqualTo(502);
                assertThat(f.reason()).isEqualTo(FailureReason.RENDER_ERROR);
                assertThat(f.engine()).isEqualTo("scripted");
            });
            assertThat(made).hasSize(2);
            assertThat(metrics.count("rendergate_pool_recycles", "reason", "error")).isEqualTo(1);
        }
    }

    @Test
    void renderPastBudget_isAbortedAndAnsweredWithTimeoutStatus() {
        try (EnginePool pool = pool(1, 4, 100, "block")) {
            long start = System.nanoTime();
            RenderOutcome out = pool.render(job(Duration.ofMillis(200)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(out).isInstanceOfSatisfying(RenderOutcome.Failed.class, f -> {
                assertThat(f.status()).isEqualTo(504);
                assertThat(f.reason()).isEqualTo(FailureReason.TIMEOUT);
            });
            assertThat(made.get(0).aborted).isTrue();
            assertThat(ms).isLessThan(4_000);
        }
    }

    @Test
    void fullQueue_isRefusedAtOnce_withRetryAfterFromBudget() throws Exception {
        try (EnginePool pool = pool(1, 0, 100, "block")) {
            // A thread of its own: the common pool (one thread on two cores) may still be held by an earlier test.
            CompletableFuture<RenderOutcome> busy = new CompletableFuture<>();
            Thread caller = new Thread(() -> busy.complete(pool.render(job(Duration.ofSeconds(10)))), "busy-render");
            caller.setDaemon(true);
            caller.start();
            dev.rendergate.farm.testing.Await.until(pool::saturated, Duration.ofSeconds(5), "engine busy");

            assertThatThrownBy(() -> pool.render(job(Duration.ofSeconds(10))))
                    .isInstanceOfSatisfying(PoolSaturatedException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(3));
            made.get(0).release.countDown();
            assertThat(busy.get(5, TimeUnit.SECONDS)).isInstanceOf(RenderOutcome.Rendered.class);
            assertThat(pool.saturated()).isFalse();
        }
    }
}
