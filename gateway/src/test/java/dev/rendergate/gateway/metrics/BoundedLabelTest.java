package dev.rendergate.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedLabelTest {

    @Test
    void of_shortLowerCaseToken_isKept() {
        BoundedLabel label = new BoundedLabel(4);
        assertThat(label.of("farm-timeout")).isEqualTo("farm-timeout");
        assertThat(label.of("render-timeout")).isEqualTo("render-timeout");
        assertThat(label.of("farm-timeout")).isEqualTo("farm-timeout");
    }

    @Test
    void of_malformedValue_isOther() {
        BoundedLabel label = new BoundedLabel(4);
        assertThat(label.of("Farm-Timeout")).isEqualTo("other");
        assertThat(label.of("-leading-dash")).isEqualTo("other");
        assertThat(label.of("has space")).isEqualTo("other");
        assertThat(label.of("x".repeat(41))).isEqualTo("other");
        assertThat(label.of("/doctors/17")).isEqualTo("other");
    }

    @Test
    void of_nullOrEmpty_isNone() {
        BoundedLabel label = new BoundedLabel(4);
        assertThat(label.of(null)).isEqualTo("none");
        assertThat(label.of("")).isEqualTo("none");
    }

    @Test
    void of_pastTheBound_newValuesAreOther_knownOnesStay() {
        BoundedLabel label = new BoundedLabel(2);
        assertThat(label.of("a")).isEqualTo("a");
        assertThat(label.of("b")).isEqualTo("b");
        assertThat(label.of("c")).isEqualTo("other");
        assertThat(label.of("a")).isEqualTo("a");
    }
}
