package dev.rendergate.edge.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.verify.CrawlerCheck.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishedRangesTest {

    private final PublishedRanges bundled = PublishedRanges.bundled();

    @ParameterizedTest
    @CsvSource({
        "googlebot, 66.249.66.1, VERIFIED",
        "googlebot, 66.249.79.254, VERIFIED",
        "googlebot, 2001:4860:4801:10::1, VERIFIED",
        "googlebot, 2001:4860:4801:0010:0000:0000:0000:abcd, VERIFIED",
        "googlebot, ::ffff:66.249.66.1, VERIFIED",
        "googlebot-image, 66.249.66.1, VERIFIED",
        "adsbot-google, 66.249.66.1, VERIFIED",
        "googlebot, 203.0.113.9, UNVERIFIED",
        "googlebot, 66.249.80.1, UNVERIFIED",
        "googlebot, 2001:4860:4802:10::1, UNVERIFIED",
        "googlebot, 2001:db8::1, UNVERIFIED",
        "googlebot, 157.55.39.10, UNVERIFIED",
        "googlebot, '', UNVERIFIED",
        "googlebot, not-an-address, UNVERIFIED",
        "bingbot, 157.55.39.10, VERIFIED",
        "bingbot, 40.77.189.1, VERIFIED",
        "bingpreview, 207.46.13.200, VERIFIED",
        "bingbot, 66.249.66.1, UNVERIFIED",
        "applebot, 203.0.113.9, NOT_CHECKED",
        "facebookexternalhit, 203.0.113.9, NOT_CHECKED",
    })
    void check_againstTheBundledLists(String crawler, String clientIp, Outcome expected) {
        assertThat(bundled.check(crawler, clientIp)).isEqualTo(expected);
    }

    @Test
    void bundled_holdsEveryPrefixOfTheStoredCopies() throws IOException {
        Path dir = Path.of("src/main/crawler-ranges");
        int google = 0;
        int bing = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
                int count = prefixes(Files.readString(file));
                if (file.getFileName().toString().startsWith("bingbot")) {
                    bing += count;
                } else {
                    google += count;
                }
            }
        }
        assertThat(bundled.sizes()).containsExactly(google, bing);
        assertThat(google).isGreaterThan(100);
        assertThat(bing).isGreaterThan(10);
        assertThat(PublishedRanges.bundledSources()).contains("googlebot.json", "bingbot.json");
    }

    @Test
    void parse_blockWithHostBits_isRefusedNamingIt() {
        assertThatThrownBy(() -> AddressRanges.parse("66.249.64.0/27,66.249.64.1/27"))
                .hasMessageContaining("host bits set in '66.249.64.1/27'");
        assertThatThrownBy(() -> AddressRanges.parse("66.249.64.0/33")).hasMessageContaining("66.249.64.0/33");
        assertThatThrownBy(() -> AddressRanges.parse("2001:4860::/129")).hasMessageContaining("2001:4860::/129");
    }

    @Test
    void contains_prefixLengthsAtWordEdges() {
        IpAddress inside = IpAddress.parse("2001:4860:4801:10::1");
        assertThat(AddressRanges.parse("::/0").contains(inside)).isTrue();
        assertThat(AddressRanges.parse("2001:4860:4801:10::/64").contains(inside)).isTrue();
        assertThat(AddressRanges.parse("2001:4860:4801:10::1/128").contains(inside)).isTrue();
        assertThat(AddressRanges.parse("2001:4860:4801:10::/127").contains(inside)).isTrue();
        assertThat(AddressRanges.parse("2001:4860:4801:10::2/127").contains(inside)).isFalse();
        assertThat(AddressRanges.parse("0.0.0.0/0").contains(IpAddress.parse("203.0.113.9"))).isTrue();
        assertThat(AddressRanges.parse("0.0.0.0/0").contains(inside)).isFalse();
    }

    private static int prefixes(String json) {
        Matcher matcher = Pattern.compile("\"ipv[46]Prefix\"").matcher(json);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
