package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The custom-origin rules of the "Lambda@Edge event structure" page, as the build and the bundle apply them. */
class CloudFrontFarmTest {

    @Test
    void check_defaults_pass() {
        CloudFrontFarm.check(EdgeConfig.defaults());
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 443, 1024, 8443, 65535})
    void check_portsCloudFrontAllows_pass(int port) {
        CloudFrontFarm.check(EdgeConfig.defaults().withFarmPort(port));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 22, 81, 444, 1023})
    void check_portsCloudFrontRejects_failWithTheRange(int port) {
        assertThatThrownBy(() -> CloudFrontFarm.check(EdgeConfig.defaults().withFarmPort(port)))
                .hasMessageContaining("farmPort must be 80, 443 or 1024-65535").hasMessageContaining(String.valueOf(port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.7", "203.0.113.9", "farm.example.com:8443", "::1", "farm_1.example.com",
        "-farm.example.com", "farm..example.com", "farm.example.com.", "example.123"})
    void check_domainsThatAreNoDnsName_failWithTheFix(String domain) {
        assertThatThrownBy(() -> CloudFrontFarm.check(EdgeConfig.defaults().withFarmDomain(domain)))
                .hasMessageContaining("farmDomain").hasMessageContaining(domain)
                .hasMessageContaining("DNS name without a port");
    }

    @Test
    void check_domainOf254Characters_fails() {
        String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example.org";
        assertThat(domain).hasSizeGreaterThan(253);

        assertThatThrownBy(() -> CloudFrontFarm.check(EdgeConfig.defaults().withFarmDomain(domain)))
                .hasMessageContaining("1-253 characters");
    }

    @Test
    void check_bundledToken_failsAndNamesTheOriginHeader() {
        assertThatThrownBy(() -> CloudFrontFarm.check(EdgeConfig.defaults().withFarmToken("s3cret")))
                .hasMessageContaining("farmToken").hasMessageContaining("X-Prerender-Token")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void check_severalProblems_namesEach() {
        EdgeConfig bad = EdgeConfig.defaults().withFarmDomain("10.1.2.3").withFarmPort(444);

        assertThatThrownBy(() -> CloudFrontFarm.check(bad))
                .hasMessageContaining("farmDomain").hasMessageContaining("farmPort");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 61, 120})
    void readTimeoutOutsideTheEventsRange_isRefusedByTheConfiguration(int seconds) {
        assertThatThrownBy(() -> EdgeConfig.defaults().withFarmReadTimeoutSeconds(seconds))
                .hasMessageContaining("farmReadTimeoutSeconds must be 4-60");
    }

    @Test
    void fromUrl_httpsWithoutPort_is443() {
        assertThat(CloudFrontFarm.fromUrl("https://farm.example.org", "", 30))
                .isEqualTo(new EdgeOrigin("farm.example.org", 443, "https", "", 30, Map.of()));
    }

    @Test
    void fromUrl_httpWithoutPort_is80AndCarriesTheToken() {
        assertThat(CloudFrontFarm.fromUrl("http://farm.example.org", "t", 20))
                .isEqualTo(new EdgeOrigin("farm.example.org", 80, "http", "", 20, Map.of("X-Prerender-Token", "t")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://farm.example.org", "https://", "https://farm.example.org:99999",
        "https://farm.example.org:80a", "https://user@farm.example.org", "https://farm.example.org?x"})
    void fromUrl_malformed_fails(String url) {
        assertThatThrownBy(() -> CloudFrontFarm.fromUrl(url, "", 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-rendergate-farm");
    }
}
