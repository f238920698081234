package dev.rendergate.farm.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SnapshotPostProcessorTest {
    private static final URI PAGE = URI.create("https://www.example.com/doctors/17-ada?tab=1");

    private static Document process(String html) {
        Document doc = Jsoup.parse(html, PAGE.toString());
        SnapshotPostProcessor.process(doc, PAGE, "render-1");
        return doc;
    }

    @Test
    void executableScripts_removed_dataBlocksKept() {
        Document doc = process("""
                <!DOCTYPE html><html><head>
                <script>var a = 1;</script>
                <script type="text/javascript" src="/app.js"></script>
                <script type="module" src="/assets/index.js"></script>
                <script type="application/javascript; charset=utf-8">x()</script>
                <script type="application/ld+json">{"@type":"Physician"}</script>
                <script type="application/json" id="state">{"a":1}</script>
                <link rel="modulepreload" href="/assets/vendor.js">
                <link rel="preload" as="script" href="/assets/x.js">
                <link rel="preload" as="font" href="/f.woff2">
                </head><body><p>x</p></body></html>""");

        assertThat(doc.select("script")).extracting(e -> e.attr("type"))
                .containsExactly("application/ld+json", "application/json");
        assertThat(doc.select("link[rel=modulepreload], link[as=script]")).isEmpty();
        assertThat(doc.select("link[as=font]")).hasSize(1);
    }

    @Test
    void relativeLinks_madeAbsolute_fragmentsAndSchemesKept() {
        Document doc = process("""
                <html><head><link rel="canonical" href="/doctors/17-ada"></head><body>
                <a id="a" href="../cities/berlin">b</a><a id="b" href="/about">c</a><a id="c" href="#reviews">d</a>
                <a id="d" href="mailto:x@example.com">e</a><a id="e" href="tel:+4912345">f</a>
                <a id="f" href="https://other.example/x">g</a><a id="g" href="//cdn.example.com/y">h</a>
                <img id="i" src="img/a.jpg"><form id="s" action="search"></form>
                </body></html>""");

        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo("https://www.example.com/doctors/17-ada");
        assertThat(doc.getElementById("a").attr("href")).isEqualTo("https://www.example.com/cities/berlin");
        assertThat(doc.getElementById("b").attr("href")).isEqualTo("https://www.example.com/about");
        assertThat(doc.getElementById("c").attr("href")).isEqualTo("#reviews");
        assertThat(doc.getElementById("d").attr("href")).isEqualTo("mailto:x@example.com");
        assertThat(doc.getElementById("e").attr("href")).isEqualTo("tel:+4912345");
        assertThat(doc.getElementById("f").attr("href")).isEqualTo("https://other.example/x");
        assertThat(doc.getElementById("g").attr("href")).isEqualTo("https://cdn.example.com/y");
        assertThat(doc.getElementById("i").attr("src")).isEqualTo("https://www.example.com/doctors/img/a.jpg");
        assertThat(doc.getElementById("s").attr("action")).isEqualTo("https://www.example.com/doctors/search");
    }

    @Test
    void baseHref_isHonoured_andItselfMadeAbsolute() {
        Document doc = process("<html><head><base href=\"/app/\"></head><body><a id=\"a\" href=\"x\">x</a></body></html>");
        assertThat(doc.select("base").attr("href")).isEqualTo("https://www.example.com/app/");
        assertThat(doc.getElementById("a").attr("href")).isEqualTo("https://www.example.com/app/x");
    }

    @Test
    void renderIdMeta_added_doctypeKept() {
        Document doc = process("<!DOCTYPE html><html><head><title>t</title></head><body></body></html>");
        assertThat(doc.select("meta[name=rendergate-render-id]").attr("content")).isEqualTo("render-1");
        assertThat(doc.outerHtml()).startsWith("<!doctype html>");
    }
}
