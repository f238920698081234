package dev.rendergate.farm.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC",
            "93.184.216.34, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.32.0.1, PUBLIC",
            "192.168.1.1, PRIVATE",
            "169.254.169.254, METADATA",
            "169.254.1.1, LINK_LOCAL",
            "100.64.0.1, CGNAT",
            "100.127.255.255, CGNAT",
            "100.128.0.1, PUBLIC",
            "0.0.0.0, UNSPECIFIED",
            "224.0.0.1, MULTICAST",
            "255.255.255.255, RESERVED",
            "192.0.2.1, RESERVED",
            "198.18.0.1, RESERVED",
            "::1, LOOPBACK",
            "::, UNSPECIFIED",
            "fd00:ec2::254, METADATA",
            "fd12:3456::1, UNIQUE_LOCAL",
            "fc00::1, UNIQUE_LOCAL",
            "fe80::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "2001:db8::1, RESERVED",
            "2606:4700:4700::1111, PUBLIC",
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:169.254.169.254, METADATA",
            "::ffff:8.8.8.8, PUBLIC",
            "64:ff9b::a00:1, PRIVATE",
            "2002:c0a8:0101::1, PRIVATE",
            "2002:0808:0808::1, PUBLIC",
            "192.88.99.1, RESERVED",
            "::ffff:0:7f00:1, LOOPBACK",
            "::ffff:0:a9fe:a9fe, METADATA",
            "::ffff:0:a00:1, PRIVATE",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, RESERVED",
            "2001::1, RESERVED",
            "64:ff9b:1:7f00:0:100:808:808, PRIVATE",
            "64:ff9b:1::808:808, PRIVATE",
            "64:ff9b:0:0:1::808:808, RESERVED",
            "64:ff9b::808:808, PUBLIC",
            "100::1, RESERVED",
    })
    void classify_addressTable(String literal, AddressClass expected) throws Exception {
        assertThat(AddressClass.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }
}
