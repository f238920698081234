package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Start, health, port conflicts and bad configuration. */
class LifecycleIT {

    @Test
    void portInUse_failsWithAMessageNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Gateway gateway = Gateway.create(Fixtures.config(Fixtures.site()).withPort(taken.getLocalPort()));
            assertThatThrownBy(gateway::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("--port")
                    .hasMessageContaining("RENDERGATE_PORT");
        }
    }

    @Test
    void missingSiteFolder_failsAtCreate_namingTheFolder() {
        assertThatThrownBy(() -> Gateway.create(Fixtures.config(Path.of("no-such-site-folder"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-site-folder");
    }

    @Test
    void healthz_isOk_thenDrainingAfterStop() throws Exception {
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
        RawHttp.Response r = RawHttp.once(gateway.port(), RawHttp.get("/healthz"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("ok");
        assertThat(r.header("cache-control")).isEqualTo("no-store");
        gateway.stop();
        assertThatThrownBy(() -> RawHttp.once(gateway.port(), RawHttp.get("/healthz"))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void stop_closesIdleKeepAliveConnections() throws Exception {
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            raw.send(RawHttp.get("/robots.txt"));
            assertThat(raw.read(false).status()).isEqualTo(200);
            gateway.stop();
            assertThat(raw.closedByServer()).isTrue();
        }
    }
}
