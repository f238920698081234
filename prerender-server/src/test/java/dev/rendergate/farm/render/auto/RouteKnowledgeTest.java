package dev.rendergate.farm.render.auto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.render.auto.RouteState.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteKnowledgeTest {
    private static final RouteTemplate DOCTOR = new RouteTemplate("https://a.example:443", "/doctors/{id}");
    private static final RouteTemplate CITY = new RouteTemplate("https://a.example:443", "/cities/{id}");
    private final MutableClock clock = new MutableClock();
    private final RouteKnowledge knowledge = RouteKnowledge.local(clock,
            new AutoSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 3, 50, Duration.ofHours(6)));

    @Test
    void unknownRoute_isLearning() {
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.LEARNING);
    }

    @Test
    void threeAgreements_fasterHtmlUnit_answersWithHtmlUnit() {
        knowledge.agreed(DOCTOR, 100, 300);
        knowledge.agreed(DOCTOR, 100, 300);
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.LEARNING);
        knowledge.agreed(DOCTOR, 100, 300);
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.HTMLUNIT);
        assertThat(knowledge.state(CITY).verdict()).isEqualTo(Verdict.LEARNING);
    }

    @Test
    void threeAgreements_slowerHtmlUnit_staysWithChromium_butHtmlUnitIsProven() {
        for (int i = 0; i < 3; i++) {
            knowledge.agreed(DOCTOR, 700, 250);
        }
        RouteState state = knowledge.state(DOCTOR);
        assertThat(state.verdict()).isEqualTo(Verdict.CHROMIUM);
        assertThat(state.reason()).isEqualTo(RouteState.SLOWER);
        assertThat(state.htmlUnitProven()).isTrue();
    }

    @Test
    void speed_isJudgedByMedians_soOneColdFirstRenderDoesNotDecide() {
        knowledge.agreed(DOCTOR, 1_500, 250);
        knowledge.agreed(DOCTOR, 80, 240);
        knowledge.agreed(DOCTOR, 70, 230);
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.HTMLUNIT);
        assertThat(knowledge.state(DOCTOR).htmlUnitMedianMillis()).isEqualTo(80);
    }

    @Test
    void speed_isJudgedByTheFastestRenders_soLoadNextToTheBackgroundRendersDoesNotDecide() {
        // HtmlUnit's renders ran while the farm's foreground renders competed for the cores: two of them came out
        // slower than Chromium's, the one without competition far faster.
        knowledge.agreed(DOCTOR, 260, 200);
        knowledge.agreed(DOCTOR, 90, 190);
        knowledge.agreed(DOCTOR, 250, 240);
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.HTMLUNIT);
    }

    @Test
    void htmlUnitFasterThanChromium_butWithoutRoomInTheProbeBudget_staysWithChromium() {
        for (int i = 0; i < 3; i++) {
            knowledge.agreed(DOCTOR, 1_200, 3_000);
        }
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.CHROMIUM);
        assertThat(knowledge.state(DOCTOR).reason()).isEqualTo(RouteState.SLOWER);
    }

    @Test
    void relearn_startsTheRouteOver() {
        for (int i = 0; i < 3; i++) {
            knowledge.agreed(DOCTOR, 100, 300);
        }
        knowledge.relearn(DOCTOR);
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.LEARNING);
        assertThat(knowledge.state(DOCTOR).agreements()).isZero();
    }

    @Test
    void disagreement_sendsTrustedRouteBackToChromium_withTheFields() {
        for (int i = 0; i < 3; i++) {
            knowledge.agreed(DOCTOR, 100, 300);
        }
        knowledge.disagreed(DOCTOR, List.of("links", "text 0.80"));
        RouteState state = knowledge.state(DOCTOR);
        assertThat(state.verdict()).isEqualTo(Verdict.CHROMIUM);
        assertThat(state.disagreed()).isTrue();
        assertThat(state.differing()).containsExactly("links", "text 0.80");
        assertThat(state.htmlUnitProven()).isFalse();
    }

    @Test
    void siteWideFailure_coversEveryRouteOfTheSite_notOtherSites() {
        knowledge.htmlUnitFailed(DOCTOR, "htmlunit-unsupported-js", true);
        assertThat(knowledge.state(CITY).verdict()).isEqualTo(Verdict.CHROMIUM);
        assertThat(knowledge.state(CITY).reason()).isEqualTo("htmlunit-unsupported-js");
        assertThat(knowledge.state(new RouteTemplate("https://b.example:443", "/")).verdict())
                .isEqualTo(Verdict.LEARNING);
    }

    @Test
    void chromiumVerdict_isRelearnedAfterThePeriod_trustedOneIsKept() {
        knowledge.htmlUnitFailed(DOCTOR, "htmlunit-stalled", false);
        for (int i = 0; i < 3; i++) {
            knowledge.agreed(CITY, 100, 300);
        }
        clock.advance(Duration.ofHours(7));
        assertThat(knowledge.state(DOCTOR).verdict()).isEqualTo(Verdict.LEARNING);
        assertThat(knowledge.state(CITY).verdict()).isEqualTo(Verdict.HTMLUNIT);
    }

    @Test
    void entriesAndCounts_showWhatIsKnown() {
        knowledge.htmlUnitFailed(DOCTOR, "htmlunit-script-error", false);
        knowledge.agreed(CITY, 100, 300);
        assertThat(knowledge.entries()).extracting(RouteKnowledge.Entry::route).containsExactlyInAnyOrder(DOCTOR, CITY);
        assertThat(knowledge.countByVerdict()).containsEntry(Verdict.CHROMIUM, 1L).containsEntry(Verdict.LEARNING, 1L)
                .containsEntry(Verdict.HTMLUNIT, 0L);
    }

    @Test
    void state_encodesAndDecodes_foreignValuesAreIgnored() {
        RouteState s = new RouteState(Verdict.CHROMIUM, List.of(300L, 90L), List.of(500L, 410L), RouteState.DISAGREED,
                List.of("title", "links"), Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(RouteState.decode(s.encode())).hasValue(s);
        assertThat(RouteState.decode("garbage")).isEmpty();
        assertThat(RouteState.decode(null)).isEmpty();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
