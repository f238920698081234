package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "gzip, deflate, br | br | true",
        "gzip, deflate, br | gzip | true",
        "gzip;q=0 | gzip | false",
        "GZIP | gzip | true",
        "br;q=0.5, gzip;q=0 | gzip | false",
        "* | gzip | true",
        "*;q=0 | gzip | false",
        "*, gzip;q=0 | gzip | false",
        "identity | gzip | false",
        "NULL | gzip | false",
        "gzip;q=abc | gzip | false",
        // Found by StaticHeadersFuzzTest: an item of semicolons only threw ArrayIndexOutOfBoundsException.
        "; | gzip | false",
        "gzip, ;;, br | gzip | true",
    })
    void accepts(String header, String coding, boolean expected) {
        assertThat(AcceptEncoding.accepts(header, coding)).isEqualTo(expected);
    }
}
