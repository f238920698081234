package dev.rendergate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Downloads every crawler address list named in a lists folder's {@code sources.properties}, checks each
 * ({@link PublishedRangeList}) and, only when all pass, replaces the stored copies byte for byte. One bad
 * list leaves every stored copy as it was.
 */
final class CrawlerRangeRefresh {

  /** What a refresh wrote: file name to its number of prefixes before and after. */
  record Result(Map<String, int[]> counts) {
  }

  private final Path dir;
  private final URI base;
  private final Duration timeout;
  private final boolean allowShrink;

  /**
   * @param dir         the folder with {@code sources.properties} and the stored copies
   * @param base        fetch {@code <base>/<file>} instead of the published addresses (a mirror); null for
   *                    the published ones
   * @param timeout     per download
   * @param allowShrink accept a list with fewer than half the stored prefixes
   */
  CrawlerRangeRefresh(Path dir, URI base, Duration timeout, boolean allowShrink) {
    this.dir = dir;
    this.base = base;
    this.timeout = timeout;
    this.allowShrink = allowShrink;
  }

  Result run() {
    Map<String, URI> sources = sources();
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    Map<String, byte[]> downloaded = new LinkedHashMap<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, URI> source : sources.entrySet()) {
      String file = source.getKey();
      try {
        byte[] body = download(client, source.getValue());
        int stored = storedCount(file);
        int fresh = PublishedRangeList.check(body, stored, allowShrink);
        downloaded.put(file, body);
        counts.put(file, new int[] {stored, fresh});
      } catch (IllegalArgumentException | IOException e) {
        problems.add(file + " from " + source.getValue() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new UserFacingException("crawler-ranges refresh: kept every stored list in " + dir
          + " unchanged, because " + String.join("; ", problems));
    }
    for (Map.Entry<String, byte[]> list : downloaded.entrySet()) {
      replace(list.getKey(), list.getValue());
    }
    return new Result(counts);
  }

  private Map<String, URI> sources() {
    Path file = dir.resolve("sources.properties");
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UserFacingException("crawler-ranges refresh: cannot read " + file + " (" + e.getMessage()
          + "); point --dir at edge-function/src/main/crawler-ranges");
    }
    Map<String, URI> sources = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      int dot = key.indexOf('.');
      String name = key.substring(dot + 1);
      if (dot <= 0 || name.contains("/") || name.contains("\\") || !name.endsWith(".json")) {
        throw new UserFacingException("crawler-ranges refresh: " + file + " has the key '" + key
            + "'; keys are <operator>.<file name>.json");
      }
      sources.put(name, base == null ? URI.create(properties.getProperty(key).trim())
          : URI.create(base.toString().replaceAll("/+$", "") + "/" + name));
    }
    return sources;
  }

  private byte[] download(HttpClient client, URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      return body.readNBytes(PublishedRangeList.MAX_BYTES + 1);
    }
  }

  private int storedCount(String file) throws IOException {
    Path stored = dir.resolve(file);
    return Files.exists(stored) ? PublishedRangeList.count(Files.readAllBytes(stored)) : 0;
  }

  private void replace(String file, byte[] body) {
    Path target = dir.resolve(file);
    try {
      Path temporary = Files.createTempFile(dir, "." + file, ".part");
      Files.write(temporary, body);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserFacingException("crawler-ranges refresh: cannot write " + target + " (" + e.getMessage() + ")");
    }
  }
}
