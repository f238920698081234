package dev.rendergate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import org.junit.jupiter.api.Test;

/**
 * A path of plain characters (no escape, nothing to escape) is checked without decoding or splitting it; these
 * tests hold that shortcut to the answer of the full check, written out here the way the full check reads
 * segments: split on {@code /}, a name before any {@code ;}, dot-segments and inner empty segments refused.
 */
class RequestPathPlainTest {

    private static final Gen<String> PLAIN = random -> {
        String[] pieces = {"a", "api", "index.html", ".", "..", "...", ".well-known", ";", "..;x", ".;", "a;b",
            "x.", "~", "@", ":", "!$&'()*+,=", "", "/", "-_"};
        StringBuilder path = new StringBuilder("/");
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            path.append(pieces[random.nextInt(pieces.length)]);
            if (random.nextInt(3) != 0) {
                path.append('/');
            }
        }
        return path.toString();
    };

    @Test
    void plainPath_isAnsweredAsTheFullCheckAnswersIt() {
        Property.forAll(Gen.oneOf(PLAIN, HostileText.path())).tries(6_000).check(raw -> {
            if (raw.startsWith("/") && raw.chars().allMatch(c -> c == '/' || allowedRaw((char) c))) {
                String problem = splitSegmentProblem(raw);
                assertThat(RequestPath.parse(raw)).as(raw)
                        .isEqualTo(problem == null ? new RequestPath.Checked(raw) : new RequestPath.Refused(problem));
            }
        });
    }

    @Test
    void manySegments_areRefusedBeforeTheirNames() {
        assertThat(RequestPath.parse("/a".repeat(RequestPath.MAX_SEGMENTS))).isInstanceOf(RequestPath.Checked.class);
        assertThat(RequestPath.parse("/..".repeat(RequestPath.MAX_SEGMENTS + 1)))
                .isEqualTo(new RequestPath.Refused("too many segments"));
    }

    private static String splitSegmentProblem(String path) {
        String[] segments = path.substring(1).split("/", -1);
        if (segments.length > RequestPath.MAX_SEGMENTS) {
            return "too many segments";
        }
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals(".") || name.equals("..")) {
                return "dot-segment";
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                return "empty segment";
            }
        }
        return null;
    }

    private static boolean allowedRaw(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }
}
