package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderNamesTest {

    @Test
    void of_keepsEachNameAsSentAndItsLowerCaseMapKey_inOrder() {
        HeaderNames names = HeaderNames.of("X-Prerender-Token", "Host");

        assertThat(names.size()).isEqualTo(2);
        assertThat(names.key(0)).isEqualTo("X-Prerender-Token");
        assertThat(names.lowerName(0)).isEqualTo("x-prerender-token");
        assertThat(names.key(1)).isEqualTo("Host");
        assertThat(names.lowerName(1)).isEqualTo("host");
    }

    @Test
    void of_copiesTheNames_soLaterChangesToTheArrayDoNotReachIt() {
        String[] keys = {"Accept"};
        HeaderNames names = HeaderNames.of(keys);

        keys[0] = "Cookie";

        assertThat(names.key(0)).isEqualTo("Accept");
        assertThat(names.lowerName(0)).isEqualTo("accept");
    }

    @Test
    void of_refusesNullAndEmptyNames_sayingWhichOne() {
        assertThatThrownBy(() -> HeaderNames.of("Host", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("header name 1");
        assertThatThrownBy(() -> HeaderNames.of("Host", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header name 1 is empty");
    }
}
