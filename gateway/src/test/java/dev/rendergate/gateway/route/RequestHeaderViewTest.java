package dev.rendergate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import dev.rendergate.edge.request.EdgeHeader;
import dev.rendergate.edge.request.EdgeRequest;
import dev.rendergate.edge.request.FrozenHeaders;
import dev.rendergate.edge.request.HeaderNames;
import dev.rendergate.edge.request.ViewerRequestLogic;
import dev.rendergate.edge.verify.CrawlerVerification;
import dev.rendergate.edge.verify.VerificationMode;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge reads a request's headers in place; whatever it asks, it gets what a copy of them (lower-case names,
 * values grouped in the order sent, the first {@link RequestHeaderView#MAX_HEADERS} lines) would answer, and the
 * edge's decision on the request is the same either way.
 */
class RequestHeaderViewTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @Test
    void firstValues_areTheCopysFirstValues() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "example.com").add("User-Agent", FIREFOX)
                .add("Accept", "text/html").add("ACCEPT", "*/*").add("X-Prerender", "1").add("Cookie", "");
        FrozenHeaders view = new RequestHeaderView(headers);
        FrozenHeaders copy = copyOf(headers);
        for (String name : new String[] {"host", "user-agent", "accept", "x-prerender", "cookie", "x-rendergate-bot"}) {
            assertThat(view.firstValue(name)).as(name).isEqualTo(copy.firstValue(name));
        }
        assertThat(view.firstValue("accept")).isEqualTo("text/html");
    }

    @Test
    void withoutMarkerHeaders_isTheViewItself_andEqualsTheCopy() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "example.com").add("User-Agent", FIREFOX);
        RequestHeaderView view = new RequestHeaderView(headers);
        assertThat(view.withoutNamesStartingWith("x-rendergate-")).isSameAs(view);
        assertThat(view).isEqualTo(copyOf(headers));
        assertThat(List.copyOf(view.keySet())).containsExactly("host", "user-agent");
    }

    @Test
    void spoofedMarkers_areStrippedAsFromTheCopy() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "example.com").add("X-RenderGate-Bot", "googlebot")
                .add("User-Agent", FIREFOX).add("x-rendergate-device", "mobile");
        FrozenHeaders stripped = new RequestHeaderView(headers).withoutNamesStartingWith("x-rendergate-");
        assertThat(stripped).isEqualTo(copyOf(headers).withoutNamesStartingWith("x-rendergate-"));
        assertThat(stripped.firstValue("x-rendergate-bot")).isNull();
        assertThat(stripped.keySet()).containsExactly("host", "user-agent");
    }

    @Test
    void settingHeaders_givesWhatTheCopyGives() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "example.com").add("User-Agent", GOOGLEBOT);
        HeaderNames names = HeaderNames.of("X-Rendergate-Bot", "Host");
        String[] values = {"googlebot", "other.example"};
        assertThat(new RequestHeaderView(headers).with(names, values)).isEqualTo(copyOf(headers).with(names, values));
    }

    @Test
    void beyondTheHeaderLimit_onlyTheFirstLinesAreSeen() {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < RequestHeaderView.MAX_HEADERS; i++) {
            headers.add("X-Filler-" + i, "v");
        }
        headers.add("User-Agent", GOOGLEBOT).add("X-Rendergate-Bot", "googlebot");
        RequestHeaderView view = new RequestHeaderView(headers);
        assertThat(view.firstValue("user-agent")).isNull();
        assertThat(view.withoutNamesStartingWith("x-rendergate-")).isEqualTo(view);
        assertThat(view).isEqualTo(copyOf(headers)).hasSize(RequestHeaderView.MAX_HEADERS);
    }

    @Test
    void theEdgeDecides_theSameOnTheViewAsOnTheCopy() {
        ViewerRequestLogic viewer = new ViewerRequestLogic(EdgeConfig.defaults(), CrawlerClassifier.standard(),
                CrawlerVerification.bundled(VerificationMode.OFF));
        List<HttpHeaders> requests = List.of(
                new DefaultHttpHeaders().add("Host", "example.com").add("User-Agent", FIREFOX),
                new DefaultHttpHeaders().add("Host", "example.com").add("User-Agent", GOOGLEBOT),
                new DefaultHttpHeaders().add("Host", "example.com").add("User-Agent", GOOGLEBOT).add("X-Prerender", "1"),
                new DefaultHttpHeaders().add("Host", "example.com").add("User-Agent", FIREFOX)
                        .add("X-Rendergate-Bot", "googlebot").add("X-Rendergate-Class", "search"),
                new DefaultHttpHeaders().add("Host", "example.com"));
        for (HttpHeaders headers : requests) {
            for (String path : new String[] {"/", "/doctors/17", "/app.js", "/api/x"}) {
                EdgeRequest onView = viewer.apply(new EdgeRequest("192.0.2.1", "GET", path, "", new RequestHeaderView(headers), null));
                EdgeRequest onCopy = viewer.apply(new EdgeRequest("192.0.2.1", "GET", path, "", copyOf(headers), null));
                assertThat(onView).as(path + " " + headers).isEqualTo(onCopy);
            }
        }
    }

    /** The copy the edge's request was made of before it read headers in place. */
    private static FrozenHeaders copyOf(HttpHeaders headers) {
        Map<String, List<EdgeHeader>> grouped = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, String> header : headers) {
            if (++count > RequestHeaderView.MAX_HEADERS) {
                break;
            }
            grouped.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(new EdgeHeader(header.getKey(), header.getValue()));
        }
        return (FrozenHeaders) EdgeRequest.of("GET", "/", "", grouped).headers();
    }
}
