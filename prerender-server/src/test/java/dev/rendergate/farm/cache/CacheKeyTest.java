package dev.rendergate.farm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.detect.Device;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheKeyTest {

    @ParameterizedTest(name = "{0} fold={1} extra={2} -> {3}")
    @MethodSource("table")
    void of_normalisesUrl_asTheTableSays(String input, boolean fold, Set<String> extra, String expected) {
        CacheKey key = CacheKey.of(URI.create(input), Device.DESKTOP, everyParameter(extra, fold));

        assertThat(key.url()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{3} is a fixed point")
    @MethodSource("table")
    void of_isIdempotent(String input, boolean fold, Set<String> extra, String expected) {
        KeyRules rules = everyParameter(extra, fold);

        assertThat(CacheKey.of(URI.create(expected), Device.MOBILE, rules).url()).isEqualTo(expected);
    }

    /** The table is about normalisation, so its rules keep every parameter that is not tracking noise. */
    private static KeyRules everyParameter(Set<String> extra, boolean fold) {
        return KeyRules.of(extra, fold, QueryAllowList.everyParameter());
    }

    @Test
    void of_madeUpParameters_likeAFakeCrawlerSends_foldIntoOneKey() {
        List<String> variants = List.of(
                "https://shop.example.com/shoes?page=2",
                "https://shop.example.com/shoes?page=2&x=1",
                "https://shop.example.com/shoes?cachebust=8f3a&page=2",
                "https://shop.example.com/shoes?a=1&b=2&page=2&PAGE=3&utm_source=x",
                "https://shop.example.com/shoes?pa%67e=2&z");

        assertThat(variants.stream().map(u -> CacheKey.of(URI.create(u), Device.DESKTOP).url()).distinct())
                .containsExactly("https://shop.example.com/shoes?page=2");
    }

    @Test
    void of_allowedParameters_stayAndAreSorted() {
        String url = CacheKey.of(URI.create("https://example.com/list?sort=price&x=1&q=red%20shoes&lang=de"),
                Device.DESKTOP).url();

        assertThat(url).isEqualTo("https://example.com/list?lang=de&q=red%20shoes&sort=price");
    }

    @Test
    void of_aSitesOwnList_appliesToThatHostOnly() {
        KeyRules rules = KeyRules.of(Set.of(), false,
                QueryAllowList.parse(List.of("shop.example.com=+color", "blog.example.com=none")));

        assertThat(CacheKey.of(URI.create("https://shop.example.com/a?color=red&page=1&x=2"), Device.DESKTOP, rules)
                .url()).isEqualTo("https://shop.example.com/a?color=red&page=1");
        assertThat(CacheKey.of(URI.create("https://blog.example.com/a?page=1"), Device.DESKTOP, rules).url())
                .isEqualTo("https://blog.example.com/a");
        assertThat(CacheKey.of(URI.create("https://other.example.com/a?color=red&page=1"), Device.DESKTOP, rules)
                .url()).isEqualTo("https://other.example.com/a?page=1");
    }

    @Test
    void weight_growsWithTheUrl() {
        CacheKey shortKey = CacheKey.of(URI.create("https://example.com/a"), Device.DESKTOP);
        CacheKey longKey = CacheKey.of(URI.create("https://example.com/" + "a".repeat(10_000)), Device.DESKTOP);

        assertThat(longKey.weight() - shortKey.weight()).isGreaterThanOrEqualTo(9_999);
    }

    @Test
    void of_sameUrlDifferentDevice_differentKeys() {
        URI url = URI.create("https://example.com/doctors/17-jane-doe");

        assertThat(CacheKey.of(url, Device.MOBILE)).isNotEqualTo(CacheKey.of(url, Device.DESKTOP));
        assertThat(CacheKey.of(url, Device.MOBILE).id()).isEqualTo("mobile:https://example.com/doctors/17-jane-doe");
    }

    @Test
    void of_trackingVariantsOfOnePage_oneKey() {
        List<String> variants = List.of(
                "https://Example.com/list?b=2&a=1",
                "https://example.com:443/list?a=1&b=2&utm_source=newsletter",
                "https://example.com/list?gclid=abc&a=1&b=2#top",
                "https://example.com/./list?fbclid=x&b=2&a=1&msclkid=y");

        assertThat(variants.stream().map(u -> CacheKey.of(URI.create(u), Device.DESKTOP)).distinct()).hasSize(1);
    }

    /** Found by CanonicalUrlFuzzTest: a lone high surrogate swallowed the next character into its escape. */
    @Test
    void of_loneSurrogateBeforeALetter_isItsOwnCanonicalForm() throws Exception {
        String canonical = CacheKey.of(new URI("https://example.com/a\ud800k?q=\ud800x"), Device.DESKTOP).url();

        assertThat(canonical).isEqualTo("https://example.com/a%3Fk?q=%3Fx");
        assertThat(CacheKey.of(new URI(canonical), Device.DESKTOP).url()).isEqualTo(canonical);
    }

    @Test
    void of_defaults_doNotFoldTrailingSlash() {
        assertThat(CacheKey.of(URI.create("https://example.com/a/"), Device.DESKTOP).url())
                .isEqualTo("https://example.com/a/");
    }

    @Test
    void of_notAnAbsoluteHttpUrl_isRejectedWithTheUrlInTheMessage() {
        assertThatThrownBy(() -> CacheKey.of(URI.create("/relative"), Device.DESKTOP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/relative");
        assertThatThrownBy(() -> CacheKey.of(URI.create("ftp://example.com/a"), Device.DESKTOP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp");
        assertThatThrownBy(() -> CacheKey.of(URI.create("mailto:someone@example.com"), Device.DESKTOP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cacheConfig_keyRules_addExtraTrackingParamsToTheStandardOnes() {
        KeyRules rules = CacheConfig.defaults().withExtraTrackingParams(Set.of("Affiliate")).keyRules();

        assertThat(rules.isTracking("affiliate")).isTrue();
        assertThat(rules.isTracking("gclid")).isTrue();
        assertThat(rules.isTracking("utm_anything")).isTrue();
        assertThat(rules.isTracking("page")).isFalse();
    }

    static List<Arguments> table() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(CacheKeyTest.class.getResourceAsStream("/cache/key-normalisation.tsv"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                assertThat(cells).as("4 tab-separated cells in: %s", line).hasSize(4);
                Set<String> extra = cells[2].equals("-") ? Set.of()
                        : Arrays.stream(cells[2].split(",")).map(String::trim).collect(Collectors.toSet());
                rows.add(Arguments.of(cells[0], Boolean.parseBoolean(cells[1]), extra, cells[3]));
            }
        }
        assertThat(rows).hasSizeGreaterThan(30);
        return rows;
    }
}
