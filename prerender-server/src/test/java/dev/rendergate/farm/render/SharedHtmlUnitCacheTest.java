package dev.rendergate.farm.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.WebResponseData;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SharedHtmlUnitCacheTest {

    @ParameterizedTest(name = "{0}: {1} → shared {2}")
    @CsvSource(delimiter = '|', value = {
            "Cache-Control | public, max-age=600 | true",
            "Set-Cookie    | session=abc         | false",
            "Cache-Control | private, max-age=600 | false",
            "Cache-Control | no-store            | false",
            "Vary          | Accept-Encoding, Cookie | false",
            "Vary          | *                   | false",
    })
    void cacheIfPossible_keepsOutWhatACookieCouldHaveShaped(String header, String value, boolean shared)
            throws Exception {
        SharedHtmlUnitCache cache = new SharedHtmlUnitCache(10);
        WebRequest request = new WebRequest(new URL("http://127.0.0.1:8080/app.js"));
        List<NameValuePair> headers = new ArrayList<>(List.of(
                new NameValuePair("Content-Type", "text/javascript"),
                new NameValuePair("Cache-Control", "max-age=600")));
        headers.removeIf(h -> h.getName().equalsIgnoreCase(header));
        headers.add(new NameValuePair(header, value));
        WebResponse response = new WebResponse(new WebResponseData(
                "var a = 1;".getBytes(StandardCharsets.UTF_8), 200, "OK", headers), request, 0);

        assertThat(cache.cacheIfPossible(request, response, null)).isEqualTo(shared);
        assertThat(cache.getSize()).isEqualTo(shared ? 1 : 0);
    }
}
