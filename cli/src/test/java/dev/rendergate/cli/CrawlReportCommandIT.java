package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rendergate crawl-report} on a gateway JSON log and a gzipped CloudFront log written by the test. */
class CrawlReportCommandIT {
  static final String GOOGLEBOT = UpCommand.GOOGLEBOT_SMARTPHONE;
  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  @Test
  void crawlReport_gatewayAndCloudFrontLogs_tablesAndFiles() throws Exception {
    Path gateway = dir.resolve("gateway.log");
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      json.append(line("2026-12-06T10:00:0" + i + "Z", "/doctors/17", 200, GOOGLEBOT, "HIT")).append('\n');
    }
    json.append(line("2026-12-07T10:00:00Z", "/about", 200, CHROME, null)).append('\n');
    json.append("{\"ts\":\"2026-12-07T10:00:00Z\",\"logger\":\"dev.rendergate.farm.Farm\",\"msg\":\"render\"}\n");
    Files.writeString(gateway, json);
    Path cloudFront = dir.resolve("E2EXAMPLE.2026-12-07-10.abcd.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(cloudFront))) {
      String fields = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem "
          + "sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id "
          + "x-host-header cs-protocol cs-bytes time-taken\n";
      String row = "2026-12-07\t10:00:00\tFRA56-C1\t900\t192.0.2.1\tGET\td1.cloudfront.net\t/specialties/cardiology\t404\t-\t"
          + "Mozilla/5.0%20(compatible;%20bingbot/2.0;%20+http://www.bing.com/bingbot.htm)\t-\t-\tMiss\tabc==\twww.example.com"
          + "\thttps\t200\t0.250\n";
      gz.write((fields + row + row).getBytes(StandardCharsets.UTF_8));
    }
    Path sitemap = dir.resolve("sitemap.xml");
    Files.writeString(sitemap, "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>https://www.example.com/doctors/17</loc></url><url><loc>https://www.example.com/never</loc></url></urlset>");

    int code = Rendergate.execute(new String[] {"crawl-report", gateway.toString(), cloudFront.toString(), "--sitemap",
        sitemap.toString(), "--out", dir.resolve("out").toString()}, Map.of(), new PrintWriter(out, true),
        new PrintWriter(err, true));

    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("11 lines read (3 not requests): 7 requests from crawlers, 1 from people (1 page views)");
    assertThat(text).containsPattern("googlebot\\s+search\\s+5\\s+5\\s+0\\s+0\\s+0\\s+100")
        .containsPattern("bingbot\\s+search\\s+2\\s+0\\s+0\\s+2\\s+0\\s+0\\s+250\\s+250");
    assertThat(text).contains("Sitemap pages no crawler fetched").contains("/never");
    assertThat(text).containsPattern("Chrome\\s+1\\s+100.0");
    JsonNode report = new ObjectMapper().readTree(dir.resolve("out/crawl-report.json").toFile());
    assertThat(report.path("crawlerRequests").asLong()).isEqualTo(7);
    assertThat(report.path("sections").path("Most crawled pages").get(0).path("path").asText()).isEqualTo("/doctors/17");
    assertThat(Files.readAllLines(dir.resolve("out/crawl-report.csv")).get(0)).isEqualTo("section,row,column,value");
  }

  @Test
  void crawlReport_missingFile_saysWhatToGive() {
    int code = Rendergate.execute(new String[] {"crawl-report", dir.resolve("nope.log").toString()}, Map.of(),
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("no access log at").contains("JSON log");
  }

  private static String line(String ts, String path, int status, String ua, String cache) {
    return "{\"ts\":\"" + ts + "\",\"level\":\"INFO\",\"logger\":\"rendergate.access\",\"msg\":\"m\",\"route\":\"prerender\","
        + "\"verdict\":\"x\",\"method\":\"GET\",\"path\":\"" + path + "\",\"status\":" + status + ",\"bytes\":10,\"ms\":5.0,"
        + "\"ua\":\"" + ua + "\"" + (cache == null ? "" : ",\"cache\":\"" + cache + "\",\"render_ms\":120") + "}";
  }
}
