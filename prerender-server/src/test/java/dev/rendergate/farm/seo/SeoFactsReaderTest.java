package dev.rendergate.farm.seo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeoFactsReaderTest {

    @Test
    void read_fullPage_collectsEveryFact() {
        String html = """
                <!doctype html><html lang="en"><head>
                <title>Dr. Emma Schwarz | MedBook</title>
                <meta name="description" content="  Cardiologist in Berlin.  ">
                <link rel="canonical" href="/doctors/17-emma">
                <meta name="robots" content="index, follow">
                <link rel="alternate" hreflang="de" href="https://www.example.com/de/doctors/17-emma">
                <link rel="alternate" hreflang="x-default" href="/doctors/17-emma">
                <meta property="og:title" content="Dr. Emma Schwarz"><meta property="og:image" content="/og.png">
                <meta name="twitter:card" content="summary_large_image">
                <script type="application/ld+json">[{"@type":"Physician"},{"@type":["Person","Thing"]}]</script>
                <script type="Application/LD+JSON">{"@type": }</script>
                </head><body><h1>Dr. Emma Schwarz</h1><h1>Cardiology</h1>
                <a href="/doctors">all</a> <a href="https://www.example.com/about">about</a>
                <a href="https://maps.example.org/x">map</a> <a href="mailto:a@b.c">mail</a> <a href="javascript:void(0)">x</a>
                <p>Don't wait: book today. Über 20 Jahre.</p><script>var hidden = "not words";</script>
                </body></html>""";

        SeoFacts facts = SeoFactsReader.read("https://www.example.com/doctors/17-emma", 200,
                Map.of("X-Robots-Tag", "noarchive"), html);

        assertThat(facts.title()).isEqualTo("Dr. Emma Schwarz | MedBook");
        assertThat(facts.titleLength()).isEqualTo(26);
        assertThat(facts.description()).isEqualTo("Cardiologist in Berlin.");
        assertThat(facts.canonical()).isEqualTo("https://www.example.com/doctors/17-emma");
        assertThat(facts.robots()).isEqualTo("index, follow");
        assertThat(facts.xRobotsTag()).isEqualTo("noarchive");
        assertThat(facts.hreflang()).containsExactly(
                new SeoFacts.Hreflang("de", "https://www.example.com/de/doctors/17-emma"),
                new SeoFacts.Hreflang("x-default", "https://www.example.com/doctors/17-emma"));
        assertThat(facts.h1()).containsExactly("Dr. Emma Schwarz", "Cardiology");
        assertThat(facts.openGraph()).containsEntry("og:title", "Dr. Emma Schwarz").containsEntry("og:image", "/og.png");
        assertThat(facts.twitter()).containsEntry("twitter:card", "summary_large_image");
        assertThat(facts.jsonLd()).hasSize(2);
        assertThat(facts.jsonLd().get(0).types()).containsExactly("Physician", "Person", "Thing");
        assertThat(facts.jsonLd().get(1).valid()).isFalse();
        assertThat(facts.jsonLd().get(1).error()).contains("malformed JSON");
        assertThat(facts.internalLinks()).isEqualTo(2);
        assertThat(facts.externalLinks()).isEqualTo(1);
        // "Dr. Emma Schwarz" "Cardiology" "all about map mail x" "Don't wait book today Über 20 Jahre"
        assertThat(facts.wordCount()).isEqualTo(3 + 1 + 5 + 7);
    }

    @Test
    void read_redirect_keepsStatusAndLocation() {
        SeoFacts facts = SeoFactsReader.read("https://www.example.com/old", 301, Map.of("location", "/new"), "");

        assertThat(facts.status()).isEqualTo(301);
        assertThat(facts.location()).isEqualTo("/new");
        assertThat(facts.titles()).isEmpty();
        assertThat(facts.jsonLd()).isEqualTo(List.of());
    }
}
