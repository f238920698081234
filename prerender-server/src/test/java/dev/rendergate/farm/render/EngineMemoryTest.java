package dev.rendergate.farm.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineMemoryTest {

    @Test
    void key_groupsRoutesByFirstSegment() {
        assertThat(EngineMemory.key(URI.create("https://www.example.com/doctors/17-ada")))
                .isEqualTo("https://www.example.com:443/doctors/*");
        assertThat(EngineMemory.key(URI.create("https://www.example.com/doctors/")))
                .isEqualTo("https://www.example.com:443/doctors");
        assertThat(EngineMemory.key(URI.create("https://www.example.com/")))
                .isEqualTo("https://www.example.com:443/");
        assertThat(EngineMemory.key(URI.create("http://127.0.0.1:8080/about?x=1")))
                .isEqualTo("http://127.0.0.1:8080/about");
    }

    @Test
    void remember_thenKnown_perOriginAndRoute() {
        EngineMemory memory = new EngineMemory();
        memory.remember(URI.create("https://a.example/doctors/1"), "chromium");
        assertThat(memory.known(URI.create("https://a.example/doctors/2"))).isEqualTo("chromium");
        assertThat(memory.known(URI.create("https://a.example/cities/2"))).isNull();
        assertThat(memory.known(URI.create("https://b.example/doctors/2"))).isNull();
    }
}
