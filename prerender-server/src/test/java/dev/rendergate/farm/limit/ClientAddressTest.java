package dev.rendergate.farm.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.1", 40000);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "203.0.113.9|203.0.113.9",
            " 203.0.113.9 |203.0.113.9",
            "2001:db8:1:2:3:4:5:6|2001:db8:1:2::/64",
            "2001:db8:1:2::ffff|2001:db8:1:2::/64",
            "::ffff:203.0.113.9|203.0.113.9",
            // Not an IP literal: the connection's address, and never a name lookup.
            "NULL|192.0.2.1",
            "''|192.0.2.1",
            "example.com|192.0.2.1",
            "abc|192.0.2.1",
            "1.2.3|192.0.2.1",
            "012.0.0.1|192.0.2.1",
            "203.0.113.9, 10.0.0.1|192.0.2.1",
            "[::1]|192.0.2.1",
            "2001:db8::zz|192.0.2.1"})
    void key_forwardedAddress_orThePeer(String forwarded, String expected) {
        assertThat(ClientAddress.key(forwarded, PEER)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"127.0.0.1", "::1", "NULL"})
    void key_loopbackClient_isNotCharged(String forwarded) {
        assertThat(ClientAddress.key(forwarded, new InetSocketAddress("127.0.0.1", 40000))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.9", "not-an-address"})
    void key_withoutAPeer_isTheForwardedAddressOrUnknown(String forwarded) {
        String key = ClientAddress.key(forwarded, null);
        assertThat(key).isEqualTo(forwarded.equals("203.0.113.9") ? forwarded : "unknown");
    }
}
