package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.SpaServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample SPA rendered by HtmlUnit through the API: a doctor page, a soft-404 route, an old-URL 301. */
class SampleSiteIT {
    private static SpaServer site;
    private static Farm farm;
    private static FarmClient client;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(SpaServer.sampleSite().resolve("index.html")), "sample site not present");
        site = SpaServer.start(SpaServer.sampleSite());
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(site.origin())
                .withPrivateAddressException("127.0.0.1:" + site.port())
                .withPublicOrigin("https://www.medbook.example")
                .withEngine(EngineMode.HTMLUNIT)).start();
        client = new FarmClient(farm.port());
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.stop();
            site.close();
        }
    }

    @Test
    void doctorPage_rendersWithTitleAndContent() {
        HttpResponse<String> r = client.render(site.origin() + "/doctors/17-emma-schwarz");
        assertThat(r.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.title()).contains("Emma Schwarz");
        assertThat(doc.select("#app").text()).contains("Emma Schwarz").doesNotContain("Loading");
        assertThat(doc.select("script:not([type=application/ld+json])")).isEmpty();
    }

    @Test
    void unknownRoute_isA404() {
        HttpResponse<String> r = client.render(site.origin() + "/no/such/page");
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void oldDoctorUrl_isA301ToThePublicHost() {
        HttpResponse<String> r = client.render(site.origin() + "/doctor/17");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .startsWith("https://www.medbook.example/doctors/17-");
    }
}
