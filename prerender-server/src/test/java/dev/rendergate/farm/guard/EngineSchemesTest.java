package dev.rendergate.farm.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineSchemesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "NULL", value = {
            "http, NETWORK", "HTTPS, NETWORK",
            "data, IN_ENGINE", "blob, IN_ENGINE", "About, IN_ENGINE",
            "file, REFUSED", "FILE, REFUSED", "ftp, REFUSED", "jar, REFUSED", "chrome, REFUSED",
            "view-source, REFUSED", "javascript, REFUSED", "ws, REFUSED", "'', REFUSED", "NULL, REFUSED",
    })
    void of_scheme_isItsKind(String scheme, EngineSchemes.Kind kind) {
        assertThat(EngineSchemes.of(scheme)).isEqualTo(kind);
    }
}
