package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import org.junit.jupiter.api.Test;

/**
 * The site path's segments are read in one pass without splitting the path; these tests hold that pass to the
 * answer of splitting it, written out here: on {@code /}, dot-segments and inner empty segments rejected, a name
 * starting with a dot hidden unless it is a leading {@code .well-known}, the key the segments joined back.
 * Compared on paths without escapes or non-ASCII text, where decoding leaves the path as it is.
 */
class SitePathSegmentsTest {

    private static final Gen<String> PLAIN = HostileText.pathOf(
            "a", "docs", "index.html", ".", "..", "...", ".well-known", ".git", ".well-known.x",
            "x.", "", "/", "\\", ":", "\u0001", "\u007f", "a b", "~");

    @Test
    void asciiPathWithoutEscapes_isAnsweredAsSplittingItAnswers() {
        Property.forAll(Gen.oneOf(PLAIN, HostileText.path())).tries(6_000).check(raw -> {
            if (raw.startsWith("/") && raw.indexOf('%') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
                assertThat(SitePath.parse(raw)).as(raw).isEqualTo(bySplitting(raw));
            }
        });
    }

    @Test
    void manySegments_areRejectedBeforeTheirNames() {
        assertThat(SitePath.parse("/a".repeat(SitePath.MAX_SEGMENTS))).isInstanceOf(SitePath.Key.class);
        assertThat(SitePath.parse("/.git".repeat(SitePath.MAX_SEGMENTS + 1)))
                .isEqualTo(new SitePath.Rejected("too many segments"));
    }

    private static SitePath bySplitting(String path) {
        if (path.indexOf('\\') >= 0) {
            return new SitePath.Rejected("encoded separator, backslash or NUL");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ':')) {
            return new SitePath.Rejected("control character, backslash or colon");
        }
        String[] segments = path.substring(1).split("/", -1);
        if (segments.length > SitePath.MAX_SEGMENTS) {
            return new SitePath.Rejected("too many segments");
        }
        StringBuilder relative = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..")) {
                return new SitePath.Rejected("dot-segment");
            }
            if (segment.isEmpty()) {
                if (i == segments.length - 1) {
                    break;
                }
                return new SitePath.Rejected("empty segment");
            }
            if (segment.charAt(0) == '.' && !(i == 0 && segment.equals(".well-known"))) {
                return new SitePath.Hidden();
            }
            relative.append(relative.length() > 0 ? "/" : "").append(segment);
        }
        return new SitePath.Key(relative.toString());
    }
}
