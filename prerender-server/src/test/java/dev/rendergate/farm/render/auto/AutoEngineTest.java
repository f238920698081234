package dev.rendergate.farm.render.auto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.FailureReason;
import dev.rendergate.farm.render.RenderEngine;
import dev.rendergate.farm.render.RenderJob;
import dev.rendergate.farm.render.RenderOutcome;
import dev.rendergate.farm.render.auto.RouteState.Verdict;
import dev.rendergate.farm.testing.Await;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@code auto}, with engines that answer what each test scripts (the real engines are exercised in
 * the fixture-app integration tests). The background comparisons run for real, on the verifier's thread.
 */
class AutoEngineTest {
    private static final String PAGE = "<html><head><title>Dr. Ada</title></head><body><div id=\"app\">"
            + "<h1>Dr. Ada</h1><p>Cardiologist in Berlin</p><a href=\"/doctors\">All</a></div></body></html>";
    private static final String WRONG = PAGE.replace("<a href=\"/doctors\">All</a>", "");

    private final FarmMetrics metrics = new FarmMetrics();
    private static AutoSettings settings(int recheckEvery) {
        return new AutoSettings(Duration.ofMillis(500), Duration.ofSeconds(5), 2, recheckEvery, Duration.ofHours(6));
    }

    private final RouteKnowledge knowledge = RouteKnowledge.local(Clock.systemUTC(), settings(50));
    private final List<URI> renderedAgain = new CopyOnWriteArrayList<>();
    private final Scripted htmlUnit = new Scripted("htmlunit", job -> rendered(PAGE, "htmlunit"), 20);
    private final Scripted chromium = new Scripted("chromium", job -> rendered(PAGE, "chromium"), 60);
    private AutoEngine.Factory factory;

    private AutoEngine auto(Optional<RenderEngine> withChromium, int recheckEvery) {
        factory = new AutoEngine.Factory(() -> htmlUnit, withChromium, knowledge, settings(recheckEvery), metrics,
                (url, device) -> renderedAgain.add(url));
        return factory.create();
    }

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private static RenderJob job(String path) {
        return RenderJob.of(URI.create("http://site.test:8080" + path), Device.DESKTOP, Duration.ofSeconds(5));
    }

    private static RenderOutcome.Rendered rendered(String html, String engine) {
        return new RenderOutcome.Rendered(html, 200, Map.of(), URI.create("http://site.test:8080/doctors/1"), List.of(),
                engine);
    }

    private static final RouteTemplate DOCTORS = new RouteTemplate("http://site.test:8080", "/doctors/{id}");

    @Test
    void newRoute_chromiumAnswers_htmlUnitLearnsInBackground_thenAnswersAlone() {
        AutoEngine auto = auto(Optional.of(chromium), 50);

        assertThat(auto.render(job("/doctors/1")).engine()).isEqualTo("chromium");
        Await.until(() -> knowledge.state(DOCTORS).agreements() == 1, Duration.ofSeconds(5), "first comparison");
        assertThat(auto.render(job("/doctors/2")).engine()).isEqualTo("chromium");
        Await.until(() -> knowledge.state(DOCTORS).verdict() == Verdict.HTMLUNIT, Duration.ofSeconds(5), "trust");

        assertThat(auto.render(job("/doctors/3")).engine()).isEqualTo("htmlunit");
        assertThat(metrics.count("rendergate_engine_checks", "outcome", "agreed")).isEqualTo(2);
    }

    @Test
    void disagreement_whileLearning_keepsTheRouteOnChromium() {
        htmlUnit.answer = job -> rendered(WRONG, "htmlunit");
        AutoEngine auto = auto(Optional.of(chromium), 50);

        auto.render(job("/doctors/1"));
        Await.until(() -> knowledge.state(DOCTORS).verdict() == Verdict.CHROMIUM, Duration.ofSeconds(5), "pinned");

        assertThat(knowledge.state(DOCTORS).differing()).contains("links");
        for (int i = 2; i < 6; i++) {
            assertThat(auto.render(job("/doctors/" + i)).engine()).isEqualTo("chromium");
        }
        assertThat(htmlUnit.calls.get()).isEqualTo(1);
    }

    @Test
    void trustedRoute_htmlUnitFails_chromiumAnswersWithTheRest_andTheRouteGoesBack() {
        AutoEngine auto = auto(Optional.of(chromium), 50);
        trust(auto);
        htmlUnit.answer = job -> new RenderOutcome.Failed(502, FailureReason.SCRIPT_ERROR, "TypeError", "htmlunit");

        RenderOutcome out = auto.render(job("/doctors/9"));

        assertThat(out.engine()).isEqualTo("chromium");
        assertThat(knowledge.state(DOCTORS).verdict()).isEqualTo(Verdict.CHROMIUM);
        assertThat(metrics.count("rendergate_engine_fallbacks", "to", "chromium")).isEqualTo(1);
    }

    @Test
    void trustedRoute_htmlUnitOverrunsTheProbe_chromiumAnswers_andTheRouteIsLearnedAgain() {
        AutoEngine auto = auto(Optional.of(chromium), 50);
        trust(auto);
        htmlUnit.answer = job -> new RenderOutcome.Failed(504, FailureReason.TIMEOUT, "htmlunit");

        assertThat(auto.render(job("/doctors/9")).engine()).isEqualTo("chromium");
        assertThat(knowledge.state(DOCTORS).verdict()).isEqualTo(Verdict.LEARNING);
    }

    @Test
    void trustedRoute_htmlUnitRunsUnderTheProbeBudgetOnly() {
        AutoEngine auto = auto(Optional.of(chromium), 50);
        trust(auto);
        List<Duration> budgets = new CopyOnWriteArrayList<>();
        htmlUnit.answer = job -> {
            budgets.add(job.remaining());
            return rendered(PAGE, "htmlunit");
        };
        auto.render(job("/doctors/9"));
        assertThat(budgets.get(0)).isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void recheck_findsHtmlUnitWrong_sendsTheRouteBack_andRendersThePageAgain() {
        AutoEngine auto = auto(Optional.of(chromium), 1);
        trust(auto);
        htmlUnit.answer = job -> rendered(WRONG, "htmlunit");

        assertThat(auto.render(job("/doctors/9")).engine()).isEqualTo("htmlunit");

        Await.until(() -> !renderedAgain.isEmpty(), Duration.ofSeconds(5), "page rendered again");
        assertThat(renderedAgain).containsExactly(URI.create("http://site.test:8080/doctors/9"));
        assertThat(knowledge.state(DOCTORS).disagreed()).isTrue();
        assertThat(auto.render(job("/doctors/10")).engine()).isEqualTo("chromium");
    }

    @Test
    void htmlUnitCannotRunTheSite_noRouteOfItIsTriedAgain() {
        htmlUnit.answer = job -> new RenderOutcome.Failed(502, FailureReason.UNSUPPORTED_JS, "module script", "htmlunit");
        AutoEngine auto = auto(Optional.of(chromium), 50);

        auto.render(job("/doctors/1"));
        Await.until(() -> knowledge.state(DOCTORS).verdict() == Verdict.CHROMIUM, Duration.ofSeconds(5), "pinned");
        auto.render(job("/cities/berlin"));
        auto.render(job("/"));

        assertThat(htmlUnit.calls.get()).isEqualTo(1);
        assertThat(knowledge.state(new RouteTemplate("http://site.test:8080", "/about")).reason())
                .isEqualTo("htmlunit-unsupported-js");
    }

    @Test
    void withoutChromium_htmlUnitAnswers_andWhatItCannotRunNamesTheFix() {
        htmlUnit.answer = job -> new RenderOutcome.Failed(502, FailureReason.UNSUPPORTED_JS, "module script", "htmlunit");
        AutoEngine auto = auto(Optional.empty(), 50);

        RenderOutcome out = auto.render(job("/doctors/1"));

        assertThat(out).isInstanceOfSatisfying(RenderOutcome.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.NEEDS_CHROMIUM);
            assertThat(f.reason().message()).contains("apt-get install chromium").contains("--engine chromium");
            assertThat(f.detail()).contains("htmlunit-unsupported-js");
        });
    }

    @Test
    void chromiumBroken_htmlUnitAnswersOnlyWhereItWasProven() {
        chromium.answer = job -> new RenderOutcome.Failed(502, FailureReason.CHROMIUM_UNAVAILABLE, "chromium");
        AutoEngine auto = auto(Optional.of(chromium), 50);

        assertThat(auto.render(job("/doctors/1"))).isInstanceOf(RenderOutcome.Failed.class);
        assertThat(htmlUnit.calls.get()).isZero();
    }

    private void trust(AutoEngine auto) {
        for (int i = 1; knowledge.state(DOCTORS).verdict() != Verdict.HTMLUNIT; i++) {
            int before = knowledge.state(DOCTORS).agreements();
            auto.render(job("/doctors/" + i));
            Await.until(() -> knowledge.state(DOCTORS).agreements() > before
                    || knowledge.state(DOCTORS).verdict() != Verdict.LEARNING, Duration.ofSeconds(5), "comparison");
        }
    }

    /** An engine that answers what the test says, after a short scripted delay. */
    private static final class Scripted implements RenderEngine {
        private final String name;
        private final long millis;
        final AtomicInteger calls = new AtomicInteger();
        volatile Function<RenderJob, RenderOutcome> answer;

        Scripted(String name, Function<RenderJob, RenderOutcome> answer, long millis) {
            this.name = name;
            this.answer = answer;
            this.millis = millis;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public RenderOutcome render(RenderJob job) {
            calls.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer.apply(job);
        }

        @Override
        public void abort() {
        }

        @Override
        public void close() {
        }
    }
}
