package dev.rendergate.farm.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the farm's URL guard over hostile URLs, the origin of each put on the allow-list so the
 * address check is reached: the only refusal is the documented {@link RejectedRequestException} (400, 403 or
 * 414), and a URL the guard passes names a public address both as the guard resolves it and as a browser
 * reads an IPv4 host (octal and hexadecimal parts included). Names resolve through a table, never DNS.
 */
class UrlGuardFuzzTest {

    private static final Map<String, String[]> TABLE = Map.of(
            "example.com", new String[] {"93.184.216.34"},
            "www.example.com", new String[] {"93.184.216.34"},
            "shop.example.com", new String[] {"93.184.216.34", "10.0.0.5"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static final AddressGuard ADDRESSES = new AddressGuard(Set.of(), UrlGuardFuzzTest::resolve);

    @Test
    void check_anyUrl_refusesOnlyWithRejectedRequest() {
        Property.forAll(Gen.oneOf(HostileText.url(), privateAddressUrl())).tries(4_000).check(raw -> {
            try {
                guardAllowing(raw).check(raw);
            } catch (RejectedRequestException refused) {
                assertThat(refused.status()).isIn(400, 403, 414);
                assertThat(refused.reason()).isNotBlank();
            }
        });
    }

    @Test
    void check_passedUrl_namesAPublicAddressForTheGuardAndForABrowser() {
        Property.forAll(Gen.oneOf(HostileText.url(), privateAddressUrl())).tries(4_000).check(raw -> {
            URI passed;
            try {
                passed = guardAllowing(raw).check(raw);
            } catch (RejectedRequestException refused) {
                return;
            }
            for (InetAddress address : resolve(bare(passed.getHost().toLowerCase(Locale.ROOT)))) {
                assertThat(AddressClass.of(address)).as("resolved " + address).isEqualTo(AddressClass.PUBLIC);
            }
            byte[] browser = BrowserIpv4.parse(passed.getHost());
            if (browser != null) {
                assertThat(AddressClass.of(InetAddress.getByAddress(browser))).as("as a browser reads " + passed.getHost())
                        .isEqualTo(AddressClass.PUBLIC);
            }
        });
    }

    @Test
    void addressClass_ipv6FormsEmbeddingAnIpv4Address_classifiedAsIt() {
        Property.forAll(UrlGuardFuzzTest::interestingIpv4).tries(3_000).check(v4 -> {
            AddressClass plain = AddressClass.of(InetAddress.getByAddress(v4));
            assertThat(AddressClass.of(v6(new int[] {0, 0, 0, 0, 0, 0xffff}, v4))).as("mapped").isEqualTo(plain);
            assertThat(AddressClass.of(v6(new int[] {0x64, 0xff9b, 0, 0, 0, 0}, v4))).as("NAT64").isEqualTo(plain);
            AddressClass sixToFour = AddressClass.of(InetAddress.getByAddress(sixToFour(v4)));
            AddressClass siit = AddressClass.of(v6(new int[] {0, 0, 0, 0, 0xffff, 0}, v4));
            if (!plain.isPublic()) {
                assertThat(sixToFour).as("6to4").isNotEqualTo(AddressClass.PUBLIC);
                assertThat(siit).as("SIIT").isNotEqualTo(AddressClass.PUBLIC);
            }
        });
    }

    @Test
    void addressClass_anyAddress_isTotal() {
        Property.forAll(random -> {
            byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(bytes);
            return bytes;
        }).tries(3_000).check(bytes -> assertThat(AddressClass.of(InetAddress.getByAddress(bytes))).isNotNull());
    }

    /** A URL whose host is a non-public IPv4 address in one of the spellings a browser or the JDK reads. */
    private static Gen<String> privateAddressUrl() {
        return random -> {
            byte[] v4 = interestingIpv4(random);
            int a = v4[0] & 0xff;
            int b = v4[1] & 0xff;
            int c = v4[2] & 0xff;
            int d = v4[3] & 0xff;
            long whole = ((long) a << 24) | (b << 16) | (c << 8) | d;
            String host = switch (random.nextInt(9)) {
                case 0 -> a + "." + b + "." + c + "." + d;
                case 1 -> String.format("0%o.%d.%d.%d", a, b, c, d);
                case 2 -> String.format("%03d.%03d.%03d.%03d", a, b, c, d);
                case 3 -> String.format("0x%x.%d.%d.%d", a, b, c, d);
                case 4 -> Long.toString(whole);
                case 5 -> "[::ffff:" + a + "." + b + "." + c + "." + d + "]";
                case 6 -> String.format("[::ffff:%x:%x]", (a << 8) | b, (c << 8) | d);
                case 7 -> String.format("[64:ff9b::%x:%x]", (a << 8) | b, (c << 8) | d);
                default -> String.format("[2002:%x:%x::1]", (a << 8) | b, (c << 8) | d);
            };
            return Gen.of("http://", "https://").next(random) + host + Gen.of("/", "/a", "").next(random);
        };
    }

    /** Mostly addresses in or at the edge of the special ranges, some anywhere. */
    private static byte[] interestingIpv4(Random random) {
        int[][] starts = {{127, 0, 0, 1}, {10, 0, 0, 0}, {172, 16, 0, 0}, {172, 31, 255, 255}, {192, 168, 0, 1},
            {169, 254, 169, 254}, {169, 254, 0, 1}, {100, 64, 0, 0}, {100, 127, 255, 255}, {0, 0, 0, 0},
            {224, 0, 0, 1}, {255, 255, 255, 255}, {192, 0, 0, 8}, {192, 88, 99, 1}, {198, 18, 0, 1},
            {8, 8, 8, 8}, {93, 184, 216, 34}, {172, 15, 255, 255}, {172, 32, 0, 0}, {100, 63, 255, 255}};
        int[] start = starts[random.nextInt(starts.length)];
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            boolean vary = random.nextInt(4) == 0 && i > 0;
            out[i] = (byte) (vary ? random.nextInt(256) : start[i]);
        }
        if (random.nextInt(10) == 0) {
            random.nextBytes(out);
        }
        return out;
    }

    private static InetAddress v6(int[] firstSixGroups, byte[] v4) throws UnknownHostException {
        byte[] b = new byte[16];
        for (int i = 0; i < 6; i++) {
            b[2 * i] = (byte) (firstSixGroups[i] >> 8);
            b[2 * i + 1] = (byte) firstSixGroups[i];
        }
        System.arraycopy(v4, 0, b, 12, 4);
        return InetAddress.getByAddress(b);
    }

    private static byte[] sixToFour(byte[] v4) {
        byte[] b = new byte[16];
        b[0] = 0x20;
        b[1] = 0x02;
        System.arraycopy(v4, 0, b, 2, 4);
        b[15] = 1;
        return b;
    }

    /** A guard whose allow-list holds {@code raw}'s own origin, when it has one, so the address check runs. */
    private static UrlGuard guardAllowing(String raw) {
        try {
            URI uri = new URI(raw.trim());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return new UrlGuard(List.of(UrlGuard.originOf(uri)), ADDRESSES);
            }
        } catch (URISyntaxException | RuntimeException notAUrl) {
            // The guard refuses it before the allow-list matters.
        }
        return new UrlGuard(List.of(), ADDRESSES);
    }

    /**
     * The JDK resolver's answer without DNS: IPv6 literals and the decimal IPv4 forms the JDK reads (one to
     * four parts, leading zeros read as decimal) as it reads them; other names from the table.
     */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.indexOf(':') >= 0) {
            return InetAddress.getAllByName(host);
        }
        byte[] decimal = jdkDecimalIpv4(host);
        if (decimal != null) {
            return new InetAddress[] {InetAddress.getByAddress(decimal)};
        }
        String[] ips = TABLE.get(host);
        if (ips == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getAllByName(ips[i])[0];
        }
        return out;
    }

    private static byte[] jdkDecimalIpv4(String host) {
        if (!host.matches("[0-9]{1,12}(\\.[0-9]{1,12}){0,3}")) {
            return null;
        }
        String[] parts = host.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
            if (i < parts.length - 1 && values[i] > 255) {
                return null;
            }
        }
        return BrowserIpv4.pack(values, parts.length);
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
