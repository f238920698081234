package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.detect.Device;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecacheRequestTest {

    @Test
    void parse_json_urlUrlsAndDevice() {
        RecacheRequest r = RecacheRequest.parse("application/json; charset=utf-8",
                "{\"url\":\"https://a/1\",\"urls\":[\"https://a/2\",\"https://a/\\u0033\"],\"device\":\"Mobile\"}");

        assertThat(r.urls()).containsExactly("https://a/1", "https://a/2", "https://a/3");
        assertThat(r.device()).isEqualTo(Device.MOBILE);
        assertThat(r.prefix()).isNull();
    }

    @Test
    void parse_form_repeatedUrlAndPrefix() {
        assertThat(RecacheRequest.parse("application/x-www-form-urlencoded", "url=https%3A%2F%2Fa%2F1&url=https://a/2")
                .urls()).containsExactly("https://a/1", "https://a/2");
        RecacheRequest p = RecacheRequest.parse(null, "prefix=https%3A%2F%2Fa%2Fdocs%2F");
        assertThat(p.prefix()).isEqualTo("https://a/docs/");
        assertThat(p.device()).isNull();
    }

    @Test
    void parse_buildId_fromJsonAndForm_boundedToASafeAlphabet() {
        assertThat(RecacheRequest.parse("application/json", "{\"prefix\":\"https://a/\",\"buildId\":\" v1.2+abc/9 \"}")
                .buildId()).isEqualTo("v1.2+abc/9");
        assertThat(RecacheRequest.parse(null, "url=https://a/1&buildId=deploy-42").buildId()).isEqualTo("deploy-42");
        assertThat(RecacheRequest.parse(null, "url=https://a/1").buildId()).isNull();
        assertThat(new RecacheRequest(List.of("https://a/1"), null, null).buildId()).isNull();
        assertThatThrownBy(() -> RecacheRequest.parse(null, "url=https://a/1&buildId=a%0Ab"))
                .hasMessageContaining("buildId");
        assertThatThrownBy(() -> RecacheRequest.parse(null, "url=https://a/1&buildId=" + "x".repeat(129)))
                .hasMessageContaining("buildId");
    }

    @Test
    void parse_refusesBothNeitherWrongTypesAndTooMany() {
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "{\"url\":\"x\",\"prefix\":\"y\"}"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "{\"urls\":\"x\"}")).hasMessageContaining("list");
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "{\"url\":3}")).hasMessageContaining("string");
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "{\"url\":\"x\",\"device\":\"tv\"}"))
                .hasMessageContaining("mobile or desktop");
        assertThatThrownBy(() -> RecacheRequest.parse("", "url=a&".repeat(RecacheRequest.MAX_URLS + 1)))
                .hasMessageContaining("at most 1000");
    }

    @Test
    void parse_malformedOrDeepJson_isRefusedWithWhere() {
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "{\"url\":" + "[".repeat(40) + "]".repeat(40) + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed JSON").hasMessageContaining("depth");
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "{\"url\":\"http://a/\"} x"))
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> RecacheRequest.parse("application/json", "{\"url\":\"open"))
                .hasMessageContaining("malformed JSON");
        assertThat(RecacheRequest.parse("application/json", "{\"url\":\"http://a/\\u00e9\",\"device\":null}").urls())
                .containsExactly("http://a/\u00e9");
    }

    @Test
    void recacheTargets_pathsBecomeUrlsAndPrefixes() {
        RecacheTargets t = RecacheTargets.of(URI.create("https://www.example.com/"),
                List.of("/index.html", "/doctors/*", "/*", "/a*"));

        assertThat(t.urls()).containsExactly("https://www.example.com/index.html");
        assertThat(t.prefixes()).containsExactly("https://www.example.com/doctors/", "https://www.example.com/",
                "https://www.example.com/a");
        assertThatThrownBy(() -> RecacheTargets.of(URI.create("https://x"), List.of("a"))).hasMessageContaining("start with /");
        assertThatThrownBy(() -> RecacheTargets.of(URI.create("https://x"), List.of("/a/*/b")))
                .hasMessageContaining("only at its end");
    }

    @Test
    void warmProgress_etaAndBar() {
        WarmProgress p = new WarmProgress(10, 3, 1, 1, java.time.Duration.ofSeconds(50));

        assertThat(p.eta()).isEqualTo(java.time.Duration.ofSeconds(50));
        assertThat(p.bar(10)).isEqualTo("[#####-----] 50% 5/10 rendered 3 skipped 1 failed 1 ETA 50s");
        assertThat(new WarmProgress(4, 0, 0, 0, java.time.Duration.ZERO).line()).endsWith("ETA ?");
        assertThat(WarmProgress.human(java.time.Duration.ofSeconds(3725))).isEqualTo("1h02m");
    }
}
