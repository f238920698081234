package dev.rendergate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the path check in front of the service routes over hostile request paths: parsing never
 * throws, a checked path is its own normal form, a service that resolves it (RFC 3986 dot-segment removal, then
 * percent-decoding) reads the same path, and a path is under a route's prefix after decoding exactly when it is
 * before, so no spelling reaches past a prefix or around it.
 */
class RequestPathFuzzTest {

    private static final Gen<String> PATHS = Gen.oneOf(HostileText.path(),
            HostileText.path().map(p -> "/api/" + p),
            Gen.of("/api/../admin", "/api/..;/admin", "/api/%2e%2e/admin", "/%61pi/x", "/ap%69/x", "/api%2fx",
                    "/api/.%2e/admin", "/api;x/../admin", "/API/x"));

    @Test
    void aCheckedPath_isItsOwnNormalForm() {
        Property.forAll(PATHS).tries(4_000).check(raw -> {
            if (RequestPath.parse(raw) instanceof RequestPath.Checked checked) {
                assertThat(RequestPath.parse(checked.path())).isEqualTo(checked);
            }
        });
    }

    @Test
    void aServiceResolvingACheckedPath_readsTheSamePath() {
        Property.forAll(PATHS).tries(4_000).check(raw -> {
            if (RequestPath.parse(raw) instanceof RequestPath.Checked checked) {
                URI asForwarded = URI.create("http://service.internal" + checked.path());
                assertThat(asForwarded.normalize().getRawPath()).as("dot-segment removal changes nothing")
                        .isEqualTo(checked.path());
                String decoded = decoded(checked.path());
                assertThat(decoded).doesNotContain("\\", "\u0000", "//");
                for (String segment : decoded.split("/")) {
                    String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
                    assertThat(name).isNotIn(".", "..");
                }
            }
        });
    }

    @Test
    void aRoutePrefix_matchesTheSameBeforeAndAfterDecoding() {
        Property.forAll(PATHS).tries(4_000).check(raw -> {
            if (RequestPath.parse(raw) instanceof RequestPath.Checked checked) {
                assertThat(decoded(checked.path()).startsWith("/api/")).as(checked.path())
                        .isEqualTo(checked.path().startsWith("/api/"));
            }
        });
    }

    @Test
    void knownEscapesPastAPrefix_areRefused() {
        for (String raw : new String[] {"/api/../admin", "/api/..;/admin", "/api/%2e%2e/admin", "/api/.%2e/admin",
            "/api%2fx", "/api;x/../admin"}) {
            assertThat(RequestPath.parse(raw)).as(raw).isInstanceOf(RequestPath.Refused.class);
        }
    }

    /** Percent-decoding as a service would do it ({@code +} kept: it is a plus in a path). */
    private static String decoded(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
