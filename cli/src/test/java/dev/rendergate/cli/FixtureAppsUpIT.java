package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.FixtureApp;
import dev.rendergate.farm.testing.FixturePages;
import dev.rendergate.farm.testing.FixtureSite;
import dev.rendergate.gateway.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code up --site <app>} with its defaults, as a new user runs it on an SPA built the way teams build them: every
 * page of every fixture app is right on the first Googlebot request, and a person still gets the app untouched.
 */
class FixtureAppsUpIT {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ParameterizedTest
  @EnumSource(FixtureApp.class)
  void everyPage_rightOnTheFirstCrawlerRequest(FixtureApp app) throws Exception {
    assumeTrue(ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed: auto would be HtmlUnit alone");
    try (FixtureSite site = FixtureSite.of(app)) {
      FarmConfig farm = FarmConfig.defaults().withPort(0);
      if (site.apiOrigin().isPresent()) {
        farm = farm.withAllowedOrigin(site.apiOrigin().get()).withPrivateAddressException(site.apiHostPort().get());
      }
      EmbeddedStack stack = EmbeddedStack.start(GatewayConfig.defaults(site.folder()).withPort(0), farm);
      try {
        String origin = "http://localhost:" + stack.gatewayPort();
        for (FixturePages page : FixturePages.values()) {
          HttpResponse<String> r = get(origin + page.path(), UpIT.GOOGLEBOT);
          page.assertServed(r.statusCode(), r.body(), origin);
        }
        HttpResponse<String> person = get(origin + FixturePages.DOCTOR.path(), UpIT.CHROME);
        assertThat(person.statusCode()).isEqualTo(200);
        assertThat(person.body()).isEqualTo(Files.readString(site.folder().resolve("index.html")));
      } finally {
        stack.close();
      }
    }
  }

  private static HttpResponse<String> get(String url, String userAgent) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", userAgent)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
