package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rendergate crawler-ranges refresh}, offline: a server on 127.0.0.1 plays Google and Bing, serving
 * the repository's stored copies (changed or broken per test) to a copy of the lists folder.
 */
class CrawlerRangesRefreshIT {

  private static final Path STORED = Path.of("../edge-function/src/main/crawler-ranges");

  @TempDir Path dir;

  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final Map<String, Integer> status = new ConcurrentHashMap<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private HttpServer server;

  @BeforeEach
  void copyTheStoredListsAndServeThem() throws IOException {
    try (Stream<Path> files = Files.list(STORED)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, dir.resolve(file.getFileName()));
        served.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring("/lists/".length());
      byte[] body = served.getOrDefault(name, "not found".getBytes(StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(status.getOrDefault(name, served.containsKey(name) ? 200 : 404), body.length);
      try (OutputStream response = exchange.getResponseBody()) {
        response.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void refresh_validLists_rewritesTheStoredCopiesByteForByte() throws IOException {
    String googlebot = new String(served.get("googlebot.json"), StandardCharsets.UTF_8)
        .replace("\"prefixes\": [", "\"prefixes\": [\n    {\n      \"ipv4Prefix\": \"192.178.8.0/27\"\n    },")
        .replace("2026-12-06T00:00:00.000000", "2026-12-07T10:00:00.000000");
    served.put("googlebot.json", googlebot.getBytes(StandardCharsets.UTF_8));
    int before = count(dir.resolve("googlebot.json"));

    assertThat(refresh()).as(err.toString()).isZero();

    assertThat(Files.readString(dir.resolve("googlebot.json"))).isEqualTo(googlebot);
    assertThat(count(dir.resolve("googlebot.json"))).isEqualTo(before + 1);
    assertThat(out.toString()).contains("list=googlebot.json prefixes_before=" + before + " prefixes=" + (before + 1))
        .contains("list=bingbot.json");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "not JSON              | <html>rate limited</html>                                         | not JSON",
    "no prefixes array     | {\"creationTime\": \"x\"}                                         | no \"prefixes\" array",
    "empty prefixes        | {\"creationTime\": \"x\", \"prefixes\": []}                        | \"prefixes\" is empty",
    "bad block             | {\"prefixes\": [{\"ipv4Prefix\": \"66.249.64.0/40\"}]}           | 66.249.64.0/40",
    "host bits             | {\"prefixes\": [{\"ipv4Prefix\": \"66.249.64.1/27\"}]}           | host bits set",
    "v6 in v4 field        | {\"prefixes\": [{\"ipv4Prefix\": \"2001:4860::/32\"}]}           | is not an IPv4 block",
    "too broad             | {\"prefixes\": [{\"ipv4Prefix\": \"0.0.0.0/0\"}]}                | too broad",
    "shrunk to a handful   | {\"prefixes\": [{\"ipv4Prefix\": \"66.249.64.0/27\"}]}           | --allow-shrink",
  })
  void refresh_oneBrokenList_isRefusedWithTheReasonAndEveryStoredCopyKept(String name, String body, String reason)
      throws IOException {
    served.put("googlebot.json", body.getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> before = snapshot();

    assertThat(refresh()).isEqualTo(1);

    assertThat(err.toString()).contains("googlebot.json from http://127.0.0.1:").contains(reason)
        .contains("kept every stored list");
    assertThat(snapshot()).usingRecursiveComparison().isEqualTo(before);
  }

  @Test
  void refresh_listMissingOnTheServer_isRefusedNamingTheStatus() throws IOException {
    served.remove("bingbot.json");
    Map<String, byte[]> before = snapshot();

    assertThat(refresh()).isEqualTo(1);

    assertThat(err.toString()).contains("bingbot.json from").contains("HTTP 404");
    assertThat(snapshot()).usingRecursiveComparison().isEqualTo(before);
  }

  @Test
  void refresh_oversizedList_isRefused() throws IOException {
    served.put("bingbot.json", new byte[PublishedRangeList.MAX_BYTES + 10]);

    assertThat(refresh()).isEqualTo(1);

    assertThat(err.toString()).contains("bingbot.json").contains("larger than");
  }

  private int refresh() {
    return Rendergate.execute(new String[] {"crawler-ranges", "refresh", "--dir", dir.toString(),
        "--base", "http://127.0.0.1:" + server.getAddress().getPort() + "/lists", "--timeout", "10s"},
        Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Map<String, byte[]> snapshot() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : (Iterable<Path>) list::iterator) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static int count(Path file) throws IOException {
    return PublishedRangeList.count(Files.readAllBytes(file));
  }
}
