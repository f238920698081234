package dev.rendergate.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FarmConfigTest {

    @Test
    void from_readsVariables_overDefaults() {
        FarmConfig c = FarmConfig.from(Map.of(
                "RENDERGATE_PORT", "3000",
                "RENDERGATE_ALLOW_ORIGIN", "https://www.example.com, http://127.0.0.1:8080",
                "RENDERGATE_TOKEN", "t",
                "RENDERGATE_ENGINE", "htmlunit",
                "RENDERGATE_POOL", "3",
                "RENDERGATE_RENDER_TIMEOUT", "8s",
                "RENDERGATE_PRIVATE_EXCEPTIONS", "127.0.0.1:8080"));

        assertThat(c.port()).isEqualTo(3000);
        assertThat(c.allowedOrigins()).containsExactly("https://www.example.com:443", "http://127.0.0.1:8080");
        assertThat(c.token()).isEqualTo("t");
        assertThat(c.engine()).isEqualTo(EngineMode.HTMLUNIT);
        assertThat(c.poolSize()).isEqualTo(3);
        assertThat(c.renderTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.privateAddressExceptions()).containsExactly("127.0.0.1:8080");
        assertThat(c.bindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void from_badValue_namesVariableAndValue() {
        assertThatThrownBy(() -> FarmConfig.from(Map.of("RENDERGATE_POOL", "many")))
                .hasMessageContaining("RENDERGATE_POOL").hasMessageContaining("many");
        assertThatThrownBy(() -> FarmConfig.from(Map.of("RENDERGATE_ALLOW_ORIGIN", "https://x.example/path")))
                .hasMessageContaining("RENDERGATE_ALLOW_ORIGIN").hasMessageContaining("https://x.example/path");
        assertThatThrownBy(() -> FarmConfig.from(Map.of("RENDERGATE_ENGINE", "gecko")))
                .hasMessageContaining("RENDERGATE_ENGINE");
    }

    @Test
    void parseDuration_units() {
        assertThat(FarmConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(FarmConfig.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(FarmConfig.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(FarmConfig.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> FarmConfig.parseDuration("soon")).hasMessageContaining("soon");
    }

    @Test
    void toString_neverShowsToken() {
        assertThat(FarmConfig.defaults().withToken("very-secret").toString()).doesNotContain("very-secret");
    }

    @Test
    void origins_normalisedWithExplicitPort() {
        assertThat(FarmConfig.defaults().withAllowedOrigins(List.of("HTTP://Example.COM", "https://a.example/"))
                .allowedOrigins()).containsExactly("http://example.com:80", "https://a.example:443");
    }
}
