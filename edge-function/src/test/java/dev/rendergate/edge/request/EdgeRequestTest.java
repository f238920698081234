package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeRequestTest {

    private static final HeaderNames TWO = HeaderNames.of("Accept", "X-Rendergate-Bot");

    private static EdgeRequest request() {
        Map<String, List<EdgeHeader>> headers = new LinkedHashMap<>();
        headers.put("host", List.of(new EdgeHeader("Host", "www.example.org")));
        headers.put("accept", List.of(new EdgeHeader("Accept", "text/html"), new EdgeHeader("Accept", "*/*")));
        return EdgeRequest.of("GET", "/a", "", headers);
    }

    @Test
    void withHeaders_replacesAPresentHeaderInPlaceAndAppendsANewOne() {
        EdgeRequest before = request();

        EdgeRequest after = before.withHeaders(TWO, "application/json", "googlebot");

        assertThat(after.headers().keySet()).containsExactly("host", "accept", "x-rendergate-bot");
        assertThat(after.headers().get("accept")).containsExactly(new EdgeHeader("Accept", "application/json"));
        assertThat(after.headers().get("x-rendergate-bot"))
                .containsExactly(new EdgeHeader("X-Rendergate-Bot", "googlebot"));
        assertThat(before.headers().get("accept")).hasSize(2);
        assertThat(before.headers()).doesNotContainKey("x-rendergate-bot");
    }

    @Test
    void withHeaders_otherThanOneValuePerName_isRefusedNamingBothCounts() {
        assertThatThrownBy(() -> request().withHeaders(TWO, "only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 header names but 1 values");
    }

    @Test
    void withHeaders_nullValue_isRefusedNamingTheHeader() {
        assertThatThrownBy(() -> request().withHeaders(TWO, "text/html", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("X-Rendergate-Bot");
    }

    @Test
    void routedTo_setsPathOriginAndHeadersAtOnce() {
        EdgeOrigin farm = new EdgeOrigin("farm.example.net", 443, "https", "", 30, Map.of());

        EdgeRequest routed = request().routedTo("/https://www.example.org/a", farm, HeaderNames.of("Host"),
                "farm.example.net");

        assertThat(routed.uri()).isEqualTo("/https://www.example.org/a");
        assertThat(routed.origin()).isSameAs(farm);
        assertThat(routed.headers().get("host")).containsExactly(new EdgeHeader("Host", "farm.example.net"));
    }
}
