package dev.rendergate.farm.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubrequestPolicyTest {
    private final SubrequestPolicy policy = new SubrequestPolicy(
            List.of("https://www.example.com:443", "https://api.example.com:443", "http://127.0.0.1:8080"),
            new AddressGuard(Set.of("127.0.0.1:8080"), host -> new InetAddress[] {InetAddress.getByName(
                    host.equals("www.example.com") ? "93.184.216.34" : host.equals("api.example.com") ? "10.1.2.3" : host)}));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "https://www.example.com/assets/app.js, ALLOW",
            "https://www.example.com/api/doctors.json, ALLOW",
            "http://127.0.0.1:8080/app.js, ALLOW",
            "https://www.example.com/logo.png, SKIP_ASSET",
            "https://www.example.com/fonts/a.woff2?v=1, SKIP_ASSET",
            "https://www.example.com/video.mp4, SKIP_ASSET",
            "https://www.example.com/style.css, SKIP_ASSET",
            "https://www.google-analytics.com/analytics.js, SKIP_ANALYTICS",
            "https://www.googletagmanager.com/gtm.js?id=x, SKIP_ANALYTICS",
            "https://connect.facebook.net/en_US/fbevents.js, SKIP_ANALYTICS",
            "https://static.hotjar.com/c/hotjar.js, SKIP_ANALYTICS",
            "https://cdn.segment.com/analytics.js, SKIP_ANALYTICS",
            "https://stats.g.doubleclick.net/x, SKIP_ANALYTICS",
            "https://cdn.other.example/lib.js, BLOCK_ORIGIN",
            "http://169.254.169.254/latest/meta-data/, BLOCK_ORIGIN",
            "https://api.example.com/v1/items, BLOCK_ADDRESS",
            "http://127.0.0.1:8081/x, BLOCK_ORIGIN",
            "ftp://www.example.com/x, BLOCK_SCHEME",
            "'data:text/plain;base64,AA==', BLOCK_SCHEME",
    })
    void decide(String url, SubrequestPolicy.Decision expected) {
        assertThat(policy.decide(URI.create(url))).isEqualTo(expected);
    }
}
