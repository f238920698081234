package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.verify.CrawlerVerification;
import dev.rendergate.edge.verify.PublishedRanges;
import dev.rendergate.edge.verify.UnverifiedCrawlers;
import dev.rendergate.edge.verify.VerificationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The viewer-request decision with crawler verification: the viewer's address decides, never a header. */
class CrawlerVerificationTest {

    private static final String GOOGLEBOT = ViewerRequestLogicTest.GOOGLEBOT_SMARTPHONE;
    private static final String BINGBOT = "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; "
            + "bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36";
    private static final String FACEBOOK = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";
    private static final String OUTSIDE = "203.0.113.9";

    private final List<String> logged = new ArrayList<>();

    private ViewerRequestLogic logic(VerificationMode mode) {
        UnverifiedCrawlers recording = (crawler, clientIp, m) -> logged.add(UnverifiedCrawlers.logLine(crawler, clientIp, m));
        return new ViewerRequestLogic(EdgeConfig.defaults(), CrawlerClassifier.standard(),
                CrawlerVerification.of(mode, PublishedRanges.bundled(), recording));
    }

    private static EdgeRequest from(String clientIp, String userAgent, String uri) {
        EdgeRequest request = ViewerRequestLogicTest.get(uri, userAgent);
        return new EdgeRequest(clientIp, request.method(), request.uri(), request.querystring(), request.headers(), null);
    }

    @Test
    void enforce_googlebotFromOutsideGooglesRanges_isServedAsAPersonAndLogged() {
        EdgeRequest out = logic(VerificationMode.ENFORCE).apply(from(OUTSIDE, GOOGLEBOT, "/doctors/17"));

        assertThat(EdgeHeaders.isMarked(out)).isFalse();
        assertThat(out.uri()).isEqualTo("/index.html");
        assertThat(logged).containsExactly(
                "event=crawler-unverified crawler=googlebot client=203.0.113.9 mode=enforce served=person");
    }

    @Test
    void log_googlebotFromOutsideGooglesRanges_isStillACrawlerAndLogged() {
        EdgeRequest out = logic(VerificationMode.LOG).apply(from(OUTSIDE, GOOGLEBOT, "/doctors/17"));

        assertThat(out.header(EdgeHeaders.BOT)).contains("googlebot");
        assertThat(out.uri()).isEqualTo("/doctors/17");
        assertThat(logged).containsExactly(
                "event=crawler-unverified crawler=googlebot client=203.0.113.9 mode=log served=crawler");
    }

    @Test
    void off_googlebotFromOutsideGooglesRanges_isRenderedWithoutAnyCheck() {
        EdgeRequest out = logic(VerificationMode.OFF).apply(from(OUTSIDE, GOOGLEBOT, "/doctors/17"));

        assertThat(out.header(EdgeHeaders.BOT)).contains("googlebot");
        assertThat(logged).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"66.249.66.1", "2001:4860:4801:10::1", "2001:4860:4801:2a::beef"})
    void enforce_googlebotFromGooglesRanges_isACrawler(String clientIp) {
        EdgeRequest out = logic(VerificationMode.ENFORCE).apply(from(clientIp, GOOGLEBOT, "/doctors/17"));

        assertThat(out.header(EdgeHeaders.BOT)).contains("googlebot");
        assertThat(out.uri()).isEqualTo("/doctors/17");
        assertThat(logged).isEmpty();
    }

    @Test
    void enforce_bingbot_inAndOutOfBingsRanges() {
        assertThat(EdgeHeaders.isMarked(logic(VerificationMode.ENFORCE).apply(from("157.55.39.10", BINGBOT, "/a"))))
                .isTrue();
        assertThat(EdgeHeaders.isMarked(logic(VerificationMode.ENFORCE).apply(from("66.249.66.1", BINGBOT, "/a"))))
                .isFalse();
    }

    @Test
    void enforce_forwardingHeadersNamingGoogle_doNotVerify() {
        EdgeRequest spoofed = from(OUTSIDE, GOOGLEBOT, "/doctors/17")
                .withHeader("X-Forwarded-For", "66.249.66.1")
                .withHeader("X-Real-IP", "66.249.66.1")
                .withHeader("Forwarded", "for=66.249.66.1")
                .withHeader("CloudFront-Viewer-Address", "66.249.66.1:443");

        EdgeRequest out = logic(VerificationMode.ENFORCE).apply(spoofed);

        assertThat(EdgeHeaders.isMarked(out)).isFalse();
        assertThat(out.uri()).isEqualTo("/index.html");
    }

    @Test
    void enforce_crawlerWithoutPublishedRanges_isNotCheckedAtTheEdge() {
        EdgeRequest out = logic(VerificationMode.ENFORCE).apply(from(OUTSIDE, FACEBOOK, "/doctors/17"));

        assertThat(out.header(EdgeHeaders.BOT)).contains("facebookexternalhit");
        assertThat(logged).isEmpty();
    }

    @Test
    void enforce_unparseableClientIp_isUnverifiedAndLoggedWithoutIt() {
        EdgeRequest out = logic(VerificationMode.ENFORCE).apply(from("66.249.66.1 event=forged", GOOGLEBOT, "/a"));

        assertThat(EdgeHeaders.isMarked(out)).isFalse();
        assertThat(logged).containsExactly(
                "event=crawler-unverified crawler=googlebot client=invalid mode=enforce served=person");
    }

    @Test
    void config_crawlerVerification_isReadFromSettingsWithLogAsDefault() {
        assertThat(EdgeConfig.defaults().crawlerVerification()).isEqualTo(VerificationMode.LOG);
        assertThat(EdgeConfig.from(Map.of("crawlerVerification", " Enforce ")).crawlerVerification())
                .isEqualTo(VerificationMode.ENFORCE);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> EdgeConfig.from(Map.of("crawlerVerification", "strict")))
                .hasMessage("crawlerVerification must be off, log or enforce, was 'strict'");
    }

    @Test
    void bundledLogic_enforceFromSettings_servesAnOutsideGooglebotAsAPerson() {
        ViewerRequestLogic bundled = new ViewerRequestLogic(
                EdgeConfig.from(Map.of("crawlerVerification", "enforce")), CrawlerClassifier.standard());

        assertThat(EdgeHeaders.isMarked(bundled.apply(from(OUTSIDE, GOOGLEBOT, "/a")))).isFalse();
        assertThat(EdgeHeaders.isMarked(bundled.apply(from("66.249.66.1", GOOGLEBOT, "/a")))).isTrue();
    }
}
