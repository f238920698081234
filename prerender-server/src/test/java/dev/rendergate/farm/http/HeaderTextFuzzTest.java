package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import org.junit.jupiter.api.Test;

/** Whatever text goes into a response header through {@link HeaderText} comes out printable ASCII and bounded. */
class HeaderTextFuzzTest {

    @Test
    void safe_anyText_isPrintableAsciiAndBounded() {
        Property.forAll(Gen.oneOf(HostileText.anyText(2_000), HostileText.url(), HostileText.path())).tries(3_000)
                .check(text -> {
                    String safe = HeaderText.safe(text);
                    assertThat(safe.length()).isLessThanOrEqualTo(512).isLessThanOrEqualTo(text.length());
                    assertThat(safe.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(safe).isTrue();
                });
    }
}
