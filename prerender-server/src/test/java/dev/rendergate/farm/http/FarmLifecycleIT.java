package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.testing.OriginServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Start, stop, a taken port, HEAD, and rendering without HTTP (the CLI's {@code render}). */
class FarmLifecycleIT {

    @Test
    void start_onTakenPort_failsNamingThePort() throws Exception {
        Farm first = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1)).start();
        try {
            Farm second = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1)
                    .withPort(first.port()));
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
            second.stop();
        } finally {
            first.stop();
        }
    }

    @Test
    void render_withoutHttp_sameResultAsApi_andGuarded() throws Exception {
        try (OriginServer origin = OriginServer.start()) {
            Farm farm = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1)
                    .withAllowedOrigin(origin.origin()).withPrivateAddressException("127.0.0.1:" + origin.port()));
            try {
                RenderResult r = farm.prerenderer().render(origin.url("/basic.html"), Device.MOBILE);
                assertThat(r.ok()).isTrue();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.engine()).isEqualTo("htmlunit");
                assertThat(r.html()).contains("Hello from JS").contains("Mobile");
                assertThatThrownBy(() -> farm.prerenderer().render(URI.create("https://example.com/"), Device.DESKTOP))
                        .isInstanceOf(RejectedRequestException.class).hasMessageContaining("allow-list");
            } finally {
                farm.stop();
            }
        }
    }

    @Test
    void head_returnsHeadersWithoutBody() throws Exception {
        try (OriginServer origin = OriginServer.start()) {
            Farm farm = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1)
                    .withAllowedOrigin(origin.origin()).withPrivateAddressException("127.0.0.1:" + origin.port())).start();
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + farm.port() + "/" + origin.origin() + "/basic.html"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValue("htmlunit");
                assertThat(r.body()).isEmpty();
            } finally {
                farm.stop();
            }
        }
    }
}
