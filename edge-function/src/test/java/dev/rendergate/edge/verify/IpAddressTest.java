package dev.rendergate.edge.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"66.249.66.1", "0.0.0.0", "255.255.255.255", "2001:4860:4801:10::1", "::", "::1",
        "2001:db8::", "fe80::1:2", "1:2:3:4:5:6:7:8", "::ffff:66.249.66.1", "64:ff9b::192.0.2.33",
        "2001:DB8:0:0:0:0:0:1", "1::2:3:4:5:6:7"})
    void parse_validAddress_agreesWithTheJdk(String text) throws Exception {
        byte[] jdk = InetAddress.getByName(text).getAddress();
        byte[] sixteen = new byte[16];
        if (jdk.length == 4) {
            sixteen[10] = (byte) 0xff;
            sixteen[11] = (byte) 0xff;
            System.arraycopy(jdk, 0, sixteen, 12, 4);
        } else {
            sixteen = jdk;
        }
        IpAddress parsed = IpAddress.parse(text);

        assertThat(parsed).isNotNull();
        assertThat(parsed.high()).isEqualTo(word(sixteen, 0));
        assertThat(parsed.low()).isEqualTo(word(sixteen, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "66.249.66", "66.249.66.1.2", "256.1.1.1", "066.249.66.1", "1.2.3.-4",
        "googlebot.com", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "12345::", "1:2:3:4:5:6:7::8:9", "::g",
        "1.2.3.4::", "2001:db8::1.2.3", "[::1", "66.249.66.1, 203.0.113.9"})
    void parse_notAnAddress_isNull(String text) {
        assertThat(IpAddress.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2001:4860:4801:10::1]", "2001:4860:4801:10::1%eth0", " 2001:4860:4801:10::1 "})
    void parse_bracketsZoneAndSpaces_areDropped(String text) {
        assertThat(IpAddress.parse(text)).isEqualTo(IpAddress.parse("2001:4860:4801:10::1"));
    }

    private static long word(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }
}
