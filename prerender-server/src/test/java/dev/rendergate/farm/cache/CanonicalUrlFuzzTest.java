package dev.rendergate.farm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the cache key's URL canonicaliser over hostile URLs: the only refusal is the documented
 * {@link IllegalArgumentException}, every call ends within its bound, and a canonical URL is a URL that
 * canonicalises to itself (so a key read back from Redis or a log finds the same entry).
 */
class CanonicalUrlFuzzTest {

    private static final Gen<KeyRules> RULES = Gen.of(KeyRules.defaults(), KeyRules.of(Set.of("ref", "Session"), true));

    @Test
    void of_canonicalUrl_isItsOwnCanonicalForm() {
        Property.forAll(random -> new Object[] {HostileText.url().next(random), RULES.next(random)}).tries(4_000)
                .check(input -> {
                    URI uri = parse((String) input[0]);
                    KeyRules rules = (KeyRules) input[1];
                    String canonical = uri == null ? null : keyOrRefusal(uri, rules);
                    if (canonical != null) {
                        URI again = new URI(canonical);
                        assertThat(CacheKey.of(again, Device.MOBILE, rules).url()).as("canonical of " + canonical)
                                .isEqualTo(canonical);
                    }
                });
    }

    @Test
    void prefix_anyText_isTotalAndIdempotent() {
        Property.forAll(Gen.oneOf(HostileText.url(), HostileText.anyText(80))).tries(3_000).check(raw -> {
            String prefix = CanonicalUrl.prefix(raw);
            assertThat(CanonicalUrl.prefix(prefix)).isEqualTo(prefix);
        });
    }

    /** The key's URL, or null when refused with the documented exception. */
    private static String keyOrRefusal(URI uri, KeyRules rules) {
        try {
            return CacheKey.of(uri, Device.DESKTOP, rules).url();
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    private static URI parse(String raw) {
        try {
            return new URI(raw);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
