package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /s/<code>} answered with 301 from a mapping file; unknown codes 404. */
class ShortLinksIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void knownCode_redirects_unknownCode_404() throws Exception {
        Path links = Files.writeString(dir.resolve("links.txt"), """
                # marketing campaign links
                dr17=/doctors/17-emma-schwarz
                promo = https://www.example.test/spring?utm_source=s
                """);
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withShortLinks(links));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/s/dr17")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(301);
            assertThat(r.headers().firstValue("location")).hasValue("/doctors/17-emma-schwarz");
            HttpResponse<String> promo = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/s/promo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(promo.headers().firstValue("location")).hasValue("https://www.example.test/spring?utm_source=s");
            for (String unknown : new String[] {"/s/nope", "/s/", "/s/a/b", "/s/%2e%2e"}) {
                assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + unknown)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as(unknown).isEqualTo(404);
            }
        } finally {
            gateway.stop();
        }
    }

    @Test
    void badLine_failsAtCreate_namingTheLine() throws Exception {
        Path links = Files.writeString(dir.resolve("links.txt"), "ok=/a\nbad code=/b\n");
        assertThatThrownBy(() -> Gateway.create(Fixtures.config(Fixtures.site()).withShortLinks(links)))
                .hasMessageContaining("line 2");
        Path evil = Files.writeString(dir.resolve("evil.txt"), "x=javascript:alert(1)\n");
        assertThatThrownBy(() -> Gateway.create(Fixtures.config(Fixtures.site()).withShortLinks(evil)))
                .hasMessageContaining("line 1");
    }
}
