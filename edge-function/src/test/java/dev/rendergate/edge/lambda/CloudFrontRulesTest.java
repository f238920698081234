package dev.rendergate.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each documented rule catches the result that breaks it, so a passing contract test means something. */
class CloudFrontRulesTest {

    @Test
    void awsExampleOriginRequest_returnedAsItCame_obeysEveryRule() throws IOException {
        JsonObject given = request("origin-request-custom.json");

        assertThat(CloudFrontRules.violations("origin-request", given, request("origin-request-custom.json"))).isEmpty();
    }

    @Test
    void routedToAFarm_obeysEveryRule() throws IOException {
        assertThat(violations(out -> { })).isEmpty();
    }

    @Test
    void tokenInRequestHeadersAndInTheOriginsCustomHeaders_isTheDocumentedError() throws IOException {
        List<String> violations = violations(out -> headers(out).put("x-prerender-token", header("X-Prerender-Token", "t")));

        assertThat(violations).anyMatch(v -> v.startsWith(CloudFrontRules.EVENT)
                && v.contains("can't also be in request.headers: x-prerender-token"));
    }

    @Test
    void farmPort444_breaksThePortRange() throws IOException {
        assertThat(violations(out -> custom(out).put("port", JsonNumber.of(444))))
                .anyMatch(v -> v.contains("port must be 80, 443 or 1024-65535"));
    }

    @Test
    void ipAddressOrHostWithPortAsDomainName_breaksTheDomainRule() throws IOException {
        assertThat(violations(out -> custom(out).put("domainName", "10.0.0.7"))).anyMatch(v -> v.contains("domainName"));
        assertThat(violations(out -> custom(out).put("domainName", "farm.example.net:8443")))
                .anyMatch(v -> v.contains("domainName"));
    }

    @Test
    void readTimeoutOf2_breaksTheReadTimeoutRange() throws IOException {
        assertThat(violations(out -> custom(out).put("readTimeout", JsonNumber.of(2))))
                .anyMatch(v -> v.contains("readTimeout must be 4-60"));
    }

    @Test
    void hostNotTheNewOrigin_breaksTheDynamicOriginRule() throws IOException {
        assertThat(violations(out -> headers(out).put("host", header("Host", "example.org"))))
                .anyMatch(v -> v.startsWith(CloudFrontRules.EXAMPLES));
    }

    @Test
    void disallowedOrReadOnlyHeaderTouched_isCaught() throws IOException {
        assertThat(violations(out -> headers(out).put("x-forwarded-proto", header("X-Forwarded-Proto", "https"))))
                .anyMatch(v -> v.startsWith(CloudFrontRules.RESTRICTIONS) && v.contains("x-forwarded-proto"));
        assertThat(violations(out -> headers(out).put("via", header("Via", "1.1 proxy"))))
                .anyMatch(v -> v.startsWith(CloudFrontRules.RESTRICTIONS) && v.contains("via is read-only"));
    }

    @Test
    void badHeaderShapes_areCaught() throws IOException {
        assertThat(violations(out -> headers(out).put("X-Upper", header("X-Upper", "v")))).anyMatch(v -> v.contains("lower case"));
        assertThat(violations(out -> headers(out).put("x-key", header("Other", "v")))).anyMatch(v -> v.contains("{key, value}"));
        assertThat(violations(out -> headers(out).put("x-empty", List.of()))).anyMatch(v -> v.contains("non-empty array"));
    }

    @Test
    void customHeaderCloudFrontCannotAdd_isCaught() throws IOException {
        assertThat(violations(out -> ((JsonObject) custom(out).get("customHeaders")).put("cookie", header("Cookie", "a=b"))))
                .anyMatch(v -> v.startsWith(CloudFrontRules.CUSTOM_HEADERS));
    }

    @Test
    void bothOriginsOrALongUriOrASpaceInTheQuery_areCaught() throws IOException {
        assertThat(violations(out -> ((JsonObject) out.get("origin")).put("s3", new JsonObject())))
                .anyMatch(v -> v.contains("exactly one origin"));
        assertThat(violations(out -> out.put("uri", "/" + "a".repeat(8200)))).anyMatch(v -> v.contains("8,192"));
        assertThat(violations(out -> out.put("querystring", "a b"))).anyMatch(v -> v.contains("querystring"));
    }

    /** AWS's example origin request, routed to a farm correctly, then broken by {@code change}. */
    private static List<String> violations(Consumer<JsonObject> change) throws IOException {
        JsonObject given = request("origin-request-custom.json");
        JsonObject out = request("origin-request-custom.json");
        JsonObject custom = custom(out);
        custom.put("domainName", "farm.example.net");
        custom.put("customHeaders", new JsonObject());
        ((JsonObject) custom.get("customHeaders")).put("x-prerender-token", header("X-Prerender-Token", "t"));
        headers(out).put("host", header("Host", "farm.example.net"));
        out.put("uri", "/https://www.example.org/");
        change.accept(out);
        return CloudFrontRules.violations("origin-request", given, out);
    }

    private static JsonObject custom(JsonObject request) {
        return (JsonObject) ((JsonObject) request.get("origin")).get("custom");
    }

    private static JsonObject headers(JsonObject request) {
        return (JsonObject) request.get("headers");
    }

    private static List<Object> header(String key, String value) {
        JsonObject item = new JsonObject();
        item.put("key", key);
        item.put("value", value);
        return List.of(item);
    }

    private static JsonObject request(String example) throws IOException {
        try (InputStream in = CloudFrontRulesTest.class.getResourceAsStream("/aws-examples/" + example)) {
            Map<?, ?> event = (Map<?, ?>) JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (JsonObject) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) event.get("Records")).get(0)).get("cf")).get("request");
        }
    }
}
