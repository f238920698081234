package dev.rendergate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import org.junit.jupiter.api.Test;

/**
 * A path of plain characters (no escape, nothing to escape) is checked without decoding or splitting it; these
 * tests hold that shortcut to the answer of the full check that every other path takes (decode, split on
 * {@code /}, a name before any {@code ;}, dot-segments and inner empty segments refused).
 */
class RequestPathPlainTest {

    private static final Gen<String> PLAIN = HostileText.pathOf(
            "a", "api", "index.html", ".", "..", "...", ".well-known", ";", "..;x", ".;", "a;b",
            "x.", "~", "@", ":", "!$&'()*+,=", "", "/", "-_");

    @Test
    void plainPath_isAnsweredAsTheFullCheckAnswersIt() {
        // A plain path is its own normal form, so the full check takes it as it stands.
        Property.forAll(Gen.oneOf(PLAIN, HostileText.path())).tries(6_000).check(raw -> {
            if (raw.startsWith("/") && RequestPath.plain(raw)) {
                String problem = RequestPath.segmentProblem(raw);
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
}
