package dev.rendergate.farm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FarmConfigTest {

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
