package dev.rendergate.farm.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlGuardTest {
    private final UrlGuard guard = new UrlGuard(List.of("https://www.example.com:443", "http://127.0.0.1:8080"),
            new AddressGuard(Set.of("127.0.0.1:8080"), host -> new InetAddress[] {
                    InetAddress.getByName(host.equals("www.example.com") ? "93.184.216.34" : host)}));

    @Test
    void allowedOrigin_isReturnedNormalised() {
        assertThat(guard.check("https://www.example.com/a/../doctors/17?x=1"))
                .isEqualTo(URI.create("https://www.example.com/doctors/17?x=1"));
        assertThat(guard.check("HTTPS://WWW.EXAMPLE.COM:443/")).isNotNull();
        assertThat(guard.check("http://127.0.0.1:8080/")).isNotNull();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "'', 400, missing-url",
            "/doctors/17, 400, relative-url",
            "doctors/17, 400, relative-url",
            "ftp://www.example.com/, 400, unsupported-scheme",
            "javascript:alert(1), 400, unsupported-scheme",
            "file:///etc/passwd, 400, unsupported-scheme",
            "'http://exa mple.com/', 400, malformed-url",
            "https://user:pw@www.example.com/, 400, malformed-url",
            "https://evil.example/, 403, origin-not-allowed",
            "http://www.example.com/, 403, origin-not-allowed",
            "https://www.example.com:8443/, 403, origin-not-allowed",
            "http://127.0.0.1:8081/, 403, origin-not-allowed",
    })
    void rejected(String url, int status, String reason) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOfSatisfying(RejectedRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    /** Found by UrlGuardFuzzTest: the JDK read 012.0.0.1 as 12.0.0.1 (public); Chromium connects to 10.0.0.1. */
    @ParameterizedTest
    @CsvSource({"http://012.0.0.1/", "http://0177.0.0.1/", "http://2130706433/", "http://10.0.0.012/", "http://093.184.216.034/"})
    void ipv4HostSpelledOtherThanAsAPlainDottedQuad_is400EvenWhenAllowed(String url) {
        UrlGuard allowing = new UrlGuard(List.of(UrlGuard.originOf(URI.create(url))), new AddressGuard(Set.of(),
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}));
        assertThatThrownBy(() -> allowing.check(url)).isInstanceOfSatisfying(RejectedRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.reason()).isEqualTo("ambiguous-ip-address");
        });
    }

    @Test
    void urlLongerThan8k_is414() {
        String url = "https://www.example.com/" + "a".repeat(UrlGuard.MAX_URL_LENGTH);
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.status()).isEqualTo(414));
    }

    @Test
    void allowedOriginResolvingPrivately_withoutException_is403() {
        UrlGuard noExceptions = new UrlGuard(List.of("http://127.0.0.1:8080"), AddressGuard.system(Set.of()));
        assertThatThrownBy(() -> noExceptions.check("http://127.0.0.1:8080/"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.reason()).isEqualTo("private-address:loopback");
                });
    }

    @Test
    void admit_makesTheSyntacticChecksWithoutResolving() {
        UrlGuard noDns = new UrlGuard(List.of("https://www.example.com:443"), new AddressGuard(Set.of(), host -> {
            throw new AssertionError("admit must not resolve " + host);
        }));
        assertThat(noDns.admit("https://www.example.com/doctors/17")).isEqualTo(URI.create("https://www.example.com/doctors/17"));
        assertThatThrownBy(() -> noDns.admit("https://evil.example/"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> noDns.admit("https://www.example.com/" + "a".repeat(UrlGuard.MAX_URL_LENGTH)))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.status()).isEqualTo(414));
    }

    @Test
    void checkAddress_refusesAnAdmittedNameThatResolvesPrivately() {
        UrlGuard rebound = new UrlGuard(List.of("https://www.example.com:443"), new AddressGuard(Set.of(),
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")}));
        URI admitted = rebound.admit("https://www.example.com/");
        assertThatThrownBy(() -> rebound.checkAddress(admitted))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.reason()).startsWith("private-address:");
                });
        assertThatThrownBy(() -> rebound.check("https://www.example.com/"))
                .isInstanceOf(RejectedRequestException.class);
    }
}
