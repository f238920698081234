package dev.rendergate.gateway.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import dev.rendergate.gateway.statics.SitePath;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the path the gateway sends to a remote origin, over hostile request paths: it is built
 * only from unreserved characters and upper-case escapes, the origin reads it as the same key the gateway
 * checked, and checking it again changes nothing (the origin never receives a spelling the edge did not check).
 */
class OriginPathFuzzTest {

    @Test
    void of_acceptedPath_isCanonicalAndChecksAsTheSameKey() {
        Property.forAll(HostileText.path()).tries(4_000).check(raw -> {
            String forOrigin = OriginPath.of(raw);
            if (forOrigin == null) {
                return;
            }
            assertThat(unreservedOrEscaped(forOrigin)).as(forOrigin).isTrue();
            assertThat(OriginPath.of(forOrigin)).isEqualTo(forOrigin);
            SitePath checked = SitePath.parse(raw);
            SitePath sent = SitePath.parse(forOrigin);
            assertThat(checked).isInstanceOf(SitePath.Key.class);
            String expected = ((SitePath.Key) checked).relative();
            if (raw.endsWith("/")) {
                expected = expected.isEmpty() ? "index.html" : expected + "/index.html";
            }
            assertThat(sent).isEqualTo(new SitePath.Key(expected));
        });
    }

    /** Slashes, unreserved characters and escapes with upper-case hex digits, and nothing else. */
    private static boolean unreservedOrEscaped(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || "0123456789ABCDEF".indexOf(path.charAt(i + 1)) < 0
                        || "0123456789ABCDEF".indexOf(path.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (!(c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return path.startsWith("/");
    }
}
