package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", " \t  \t"})
    void isBlank_emptyOrOnlySpacesAndTabs(String value) {
        assertThat(HeaderText.isBlank(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " a ", "\r", "\n", "\u000b", "\u00a0", "\u3000", "\t-"})
    void isBlank_anythingElseIsContent(String value) {
        assertThat(HeaderText.isBlank(value)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'Googlebot/2.1\t' | Googlebot/2.1", "' \t a b \t ' | a b", "a | a", "'\r a' | '\r a'"})
    void trim_dropsSpacesAndTabsAroundTheValueOnly(String value, String trimmed) {
        assertThat(HeaderText.trim(value)).isEqualTo(trimmed);
    }
}
