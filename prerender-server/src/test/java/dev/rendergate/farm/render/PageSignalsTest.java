package dev.rendergate.farm.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageSignalsTest {

    @Test
    void prerenderDialect_statusAndHeaders_readAndRemoved() {
        Document doc = Jsoup.parse("""
                <head><meta name="prerender-status-code" content="301">
                <meta name="prerender-header" content="Location: https://www.example.com/doctors/17-ada">
                <meta name="description" content="kept"></head>""");

        PageSignals s = PageSignals.extract(doc);

        assertThat(s.status()).hasValue(301);
        assertThat(s.headers()).containsExactly(java.util.Map.entry("Location", "https://www.example.com/doctors/17-ada"));
        assertThat(doc.select("meta")).hasSize(1);
    }

    @Test
    void renderDialect_isHonouredToo() {
        Document doc = Jsoup.parse("""
                <head><meta name="render:status_code" content="404">
                <meta name="render:header" content="x-robots-tag: noindex"></head>""");
        PageSignals s = PageSignals.extract(doc);
        assertThat(s.status()).hasValue(404);
        assertThat(s.headers()).containsEntry("X-Robots-Tag", "noindex");
        assertThat(doc.select("meta")).isEmpty();
    }

    @Test
    void forbiddenHeadersAndBadStatuses_ignoredButRemoved() {
        Document doc = Jsoup.parse("""
                <head><meta name="prerender-status-code" content="abc">
                <meta name="prerender-status-code" content="999">
                <meta name="prerender-header" content="Set-Cookie: session=1">
                <meta name="prerender-header" content="Connection: close">
                <meta name="prerender-header" content="Transfer-Encoding: chunked">
                <meta name="prerender-header" content="X-Rendergate-Cache: HIT">
                <meta name="prerender-header" content="no colon here"></head>""");
        PageSignals s = PageSignals.extract(doc);
        assertThat(s.status()).isEmpty();
        assertThat(s.headers()).isEmpty();
        assertThat(doc.select("meta")).isEmpty();
    }
}
