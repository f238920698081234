package dev.rendergate.farm.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccessLogLinesTest {
    /** The header and a line of the example in CloudFront's documentation of the standard log file format. */
    static final String CLOUDFRONT_HEADER = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method"
            + " cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type"
            + " x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher"
            + " x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte"
            + " x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";
    static final String CLOUDFRONT_LINE = "2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net"
            + "\t/index.html\t200\t-\tMozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,"
            + "%20like%20Gecko)%20Chrome/78.0.3904.108%20Safari/537.36\t-\t-\tHit\tSOU5_dg5ZnMAOmZUk_B5yFVfpYpGe4wyh-lU5FHi3x"
            + "OeCLVkb-QLHm2g==\td111111abcdef8.cloudfront.net\thttps\t23\t0.001\t-\tTLSv1.2\tECDHE-RSA-AES128-GCM-SHA256\tHit"
            + "\tHTTP/2.0\t-\t-\t11040\t0.001\tHit\ttext/html\t78\t-\t-";

    @Test
    void parse_cloudFrontDocumentationExample_readsEveryField() {
        AccessLogLines lines = new AccessLogLines();
        for (String header : CLOUDFRONT_HEADER.split("\n")) {
            assertThat(lines.parse(header)).isEmpty();
        }

        AccessRecord r = lines.parse(CLOUDFRONT_LINE).orElseThrow();

        assertThat(r.day()).isEqualTo(LocalDate.of(2019, 12, 4));
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/index.html");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.userAgent()).isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/78.0.3904.108 Safari/537.36");
        assertThat(r.cache()).isEqualTo("Hit");
        assertThat(r.renderMs()).isEqualTo(1.0);
        assertThat(r.pageView()).isTrue();
    }

    @Test
    void parse_cloudFrontLineBeforeItsHeader_orDoubleEncodedAgent() {
        assertThat(new AccessLogLines().parse(CLOUDFRONT_LINE)).as("columns unknown without #Fields").isEmpty();
        assertThat(AccessLogLines.userAgent("Googlebot%252F2.1")).isEqualTo("Googlebot/2.1");
        assertThat(AccessLogLines.userAgent("-")).isEmpty();
    }

    @Test
    void parse_gatewayJsonLine_readsTheAccessLoggersLinesOnly() {
        AccessLogLines lines = new AccessLogLines();
        String access = "{\"ts\":\"2026-12-06T10:15:30.123Z\",\"level\":\"INFO\",\"logger\":\"rendergate.access\",\"msg\":\"x\","
                + "\"route\":\"prerender\",\"verdict\":\"bot:googlebot\",\"method\":\"GET\",\"path\":\"/doctors/17\","
                + "\"status\":200,\"bytes\":1586,\"ms\":12.5,\"ua\":\"Googlebot/2.1\",\"cache\":\"HIT\",\"render_ms\":240}";

        AccessRecord r = lines.parse(access).orElseThrow();

        assertThat(r.day()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(r.path()).isEqualTo("/doctors/17");
        assertThat(r.cache()).isEqualTo("HIT");
        assertThat(r.renderMs()).isEqualTo(240.0);
        assertThat(lines.parse(access.replace("rendergate.access", "dev.rendergate.farm.Farm"))).isEmpty();
        assertThat(lines.parse("{\"ts\":\"yesterday\",\"logger\":\"rendergate.access\",\"path\":\"/\",\"status\":200}")).isEmpty();
        assertThat(lines.parse("{not json")).isEmpty();
        assertThat(lines.parse("{" + "x".repeat(AccessLogLines.MAX_LINE))).isEmpty();
        assertThat(lines.parse("")).isEmpty();
    }
}
