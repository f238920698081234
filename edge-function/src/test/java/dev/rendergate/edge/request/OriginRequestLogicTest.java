package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginRequestLogicTest {

    private final EdgeConfig config = EdgeConfig.defaults()
            .withFarmDomain("farm.example.net")
            .withFarmToken("s3cret");
    private final OriginRequestLogic logic = new OriginRequestLogic(config);

    static EdgeRequest marked(String uri, String query) {
        Map<String, List<EdgeHeader>> headers = new LinkedHashMap<>();
        headers.put("host", List.of(new EdgeHeader("Host", "bucket.s3.amazonaws.com")));
        headers.put("x-rendergate-bot", List.of(new EdgeHeader("X-Rendergate-Bot", "googlebot")));
        headers.put("x-rendergate-class", List.of(new EdgeHeader("X-Rendergate-Class", "search")));
        headers.put("x-rendergate-device", List.of(new EdgeHeader("X-Rendergate-Device", "mobile")));
        headers.put("x-rendergate-host", List.of(new EdgeHeader("X-Rendergate-Host", "www.example.org")));
        return EdgeRequest.of("GET", uri, query, headers);
    }

    @Test
    void apply_marked_goesToFarmInPrerenderIoForm() {
        EdgeRequest out = logic.apply(marked("/doctors/17-jane%20doe", "page=2&sort=name"));

        assertThat(out.uri()).isEqualTo("/https://www.example.org/doctors/17-jane%20doe");
        assertThat(out.querystring()).isEqualTo("page=2&sort=name");
        assertThat(out.pathAndQuery()).isEqualTo("/https://www.example.org/doctors/17-jane%20doe?page=2&sort=name");
        assertThat(out.origin()).isEqualTo(new EdgeOrigin("farm.example.net", 443, "https", "", 30,
                Map.of("X-Prerender-Token", "s3cret")));
        assertThat(out.header(EdgeHeaders.PRERENDER_TOKEN)).as("the token is an origin custom header only").isEmpty();
        assertThat(out.header(EdgeHeaders.DEVICE)).contains("mobile");
        assertThat(out.header("host")).contains("farm.example.net");
    }

    @Test
    void apply_unmarked_isUnchanged() {
        EdgeRequest plain = marked("/index.html", "").withoutHeader(EdgeHeaders.BOT);

        assertThat(logic.apply(plain)).isSameAs(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", " \t "})
    void apply_blankBotMarker_isUnmarkedAndUnchanged(String bot) {
        EdgeRequest blank = marked("/index.html", "").withHeader("X-Rendergate-Bot", bot);

        assertThat(EdgeHeaders.isMarked(blank)).isFalse();
        assertThat(logic.apply(blank)).isSameAs(blank);
    }

    @Test
    void isMarked_aMarkerWithOtherControlCharacters_isContent() {
        assertThat(EdgeHeaders.isMarked(marked("/", "").withHeader("X-Rendergate-Bot", "\r"))).isTrue();
    }

    @Test
    void apply_markedWithoutDevice_getsDesktop() {
        EdgeRequest out = logic.apply(marked("/", "").withoutHeader(EdgeHeaders.DEVICE));

        assertThat(out.header(EdgeHeaders.DEVICE)).contains("desktop");
    }

    @Test
    void apply_markedWithoutHostMarker_usesHostHeader() {
        EdgeRequest out = logic.apply(marked("/a", "").withoutHeader(EdgeHeaders.HOST));

        assertThat(out.uri()).isEqualTo("/https://bucket.s3.amazonaws.com/a");
    }

    @Test
    void apply_hostThatCouldChangeTheUrl_isLeftUnchanged() {
        EdgeRequest evil = marked("/a", "").withHeader("X-Rendergate-Host", "evil.example/@x");

        assertThat(logic.apply(evil)).isSameAs(evil);
    }

    @Test
    void apply_noToken_sendsNoTokenHeader() {
        EdgeRequest out = new OriginRequestLogic(EdgeConfig.defaults()).apply(marked("/", ""));

        assertThat(out.header(EdgeHeaders.PRERENDER_TOKEN)).isEmpty();
        assertThat(out.origin().customHeaders()).isEmpty();
    }

    @Test
    void apply_viewerSentTokenHeader_isRemovedSoTheNameIsOnlyInTheOriginsCustomHeaders() {
        EdgeRequest out = logic.apply(marked("/", "").withHeader("X-Prerender-Token", "guess"));

        assertThat(out.headers()).doesNotContainKey(EdgeHeaders.PRERENDER_TOKEN);
        assertThat(out.origin().customHeaders()).containsExactly(Map.entry("X-Prerender-Token", "s3cret"));
    }

    @Test
    void apply_farmAndTokenInTheOriginsCustomHeaders_winOverTheConfiguration() {
        EdgeRequest out = logic.apply(withOriginHeaders(marked("/a", ""),
                Map.of("x-rendergate-farm", "http://farm-alb-123.eu-central-1.elb.amazonaws.com",
                        "x-prerender-token", "from-secrets-manager")));

        assertThat(out.origin()).isEqualTo(new EdgeOrigin("farm-alb-123.eu-central-1.elb.amazonaws.com", 80, "http", "",
                30, Map.of("X-Prerender-Token", "from-secrets-manager")));
        assertThat(out.header("host")).contains("farm-alb-123.eu-central-1.elb.amazonaws.com");
        assertThat(out.headers()).doesNotContainKey(EdgeHeaders.PRERENDER_TOKEN);
    }

    @Test
    void apply_farmHeaderWithPort_usesThatPort() {
        EdgeRequest out = logic.apply(withOriginHeaders(marked("/a", ""),
                Map.of("x-rendergate-farm", "https://farm.example.org:8443")));

        assertThat(out.origin().port()).isEqualTo(8443);
        assertThat(out.origin().protocol()).isEqualTo("https");
        assertThat(out.origin().customHeaders()).containsExactly(Map.entry("X-Prerender-Token", "s3cret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.7", "https://farm.example.org:444", "farm.example.org",
        "https://farm.example.org/path", "https://[::1]", "https://farm.example.org:", "https://-bad.example.org"})
    void apply_farmHeaderCloudFrontWouldReject_leavesTheRequestUnchanged(String farm) {
        EdgeRequest in = withOriginHeaders(marked("/a", ""), Map.of("x-rendergate-farm", farm));

        assertThat(logic.apply(in)).isSameAs(in);
    }

    @Test
    void apply_sameOriginHeadersTwice_reusesTheFarm() {
        Map<String, String> headers = Map.of("x-rendergate-farm", "https://farm.example.org");

        EdgeOrigin first = logic.apply(withOriginHeaders(marked("/a", ""), headers)).origin();
        EdgeOrigin second = logic.apply(withOriginHeaders(marked("/b", ""), headers)).origin();

        assertThat(second).isSameAs(first);
    }

    private static EdgeRequest withOriginHeaders(EdgeRequest request, Map<String, String> originHeaders) {
        return new EdgeRequest(request.clientIp(), request.method(), request.uri(), request.querystring(),
                request.headers(), null, originHeaders);
    }
}
