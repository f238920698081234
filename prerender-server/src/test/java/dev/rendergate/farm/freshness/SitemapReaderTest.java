package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sitemaps from files and from a loopback origin: plain, gzip, indexes, and every bound. */
class SitemapReaderTest {
    private static SiteOrigin origin;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final SitemapReader reader = new SitemapReader(HTTP, SitemapReader.Limits.defaults());

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        origin = SiteOrigin.start();
    }

    @AfterAll
    static void stop() {
        origin.close();
    }

    @Test
    void read_urlsetFile_listsDistinctUrlsInOrder() throws Exception {
        Path file = dir.resolve("sitemap.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc> https://example.com/b </loc><lastmod>2026-01-01</lastmod></url>
                  <url><loc>https://example.com/a?x=1&amp;y=2</loc></url>
                  <url><loc>https://example.com/b</loc></url>
                </urlset>
                """);

        assertThat(reader.read(file.toString()))
                .containsExactly(URI.create("https://example.com/b"), URI.create("https://example.com/a?x=1&y=2"));
    }

    @Test
    void read_indexOverHttp_followsNestedGzipSitemap() {
        List<URI> pages = reader.read(origin.url("/sitemap-index.xml"));

        assertThat(pages).hasSize(SiteOrigin.PAGES.length).contains(URI.create(origin.url("/docs/1")));
        assertThat(origin.hits("/sitemap.xml.gz")).isPositive();
    }

    @Test
    void read_gzipFile_isDecompressed() throws Exception {
        Path file = dir.resolve("s.xml.gz");
        Files.write(file, SiteOrigin.gzip("<urlset><url><loc>https://example.com/</loc></url></urlset>"));

        assertThat(reader.read(file.toString())).containsExactly(URI.create("https://example.com/"));
    }

    @Test
    void read_doctype_isRefusedSoNoEntityExpands() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        Path file = dir.resolve("xxe.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><urlset><url><loc>https://example.com/&x;</loc></url></urlset>");

        assertThatThrownBy(() -> reader.read(file.toString()))
                .isInstanceOf(SitemapReader.SitemapException.class).hasMessageNotContaining("top secret");
    }

    @Test
    void read_billionLaughs_isRefused() throws Exception {
        Path file = dir.resolve("lol.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<urlset><url><loc>https://example.com/&lol2;</loc></url></urlset>");

        assertThatThrownBy(() -> reader.read(file.toString())).isInstanceOf(SitemapReader.SitemapException.class);
    }

    @Test
    void read_gzipBomb_stopsAtTheDecompressedBound() throws Exception {
        Path file = dir.resolve("bomb.xml.gz");
        Files.write(file, SiteOrigin.gzip("<urlset>" + " ".repeat(2_000_000) + "</urlset>"));
        SitemapReader small = new SitemapReader(HTTP, new SitemapReader.Limits(3, 10, 1_000_000, 100,
                Duration.ofSeconds(5)));

        assertThatThrownBy(() -> small.read(file.toString())).hasMessageContaining("larger than 1000000 bytes decompressed");
    }

    @Test
    void read_indexNestedTooDeep_orTooManyUrls_isRefused() throws Exception {
        origin.put("/loop.xml", "<sitemapindex><sitemap><loc>" + origin.url("/loop.xml") + "</loc></sitemap></sitemapindex>");
        assertThatThrownBy(() -> reader.read(origin.url("/loop.xml"))).hasMessageContaining("nests deeper than 3");
        Path local = dir.resolve("local.xml");
        Files.writeString(local, "<sitemapindex><sitemap><loc>" + local + "</loc></sitemap></sitemapindex>");
        assertThatThrownBy(() -> reader.read(local.toString())).hasMessageContaining("not an absolute http(s) URL");

        SitemapReader two = new SitemapReader(HTTP, new SitemapReader.Limits(3, 10, 1 << 20, 2, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> two.read(origin.url("/sitemap.xml"))).hasMessageContaining("more than 2 URLs");
    }

    @Test
    void read_indexListingAnotherOrigin_isRefusedWithoutFetchingIt() throws Exception {
        try (SiteOrigin other = SiteOrigin.start()) {
            origin.put("/elsewhere.xml", "<sitemapindex><sitemap><loc>" + other.url("/sitemap.xml")
                    + "</loc></sitemap><sitemap><loc>http://169.254.169.254/latest/meta-data/</loc></sitemap></sitemapindex>");

            assertThatThrownBy(() -> reader.read(origin.url("/elsewhere.xml")))
                    .hasMessageContaining("on another origin, which is refused");
            assertThat(other.hits("/sitemap.xml")).isZero();
        }
    }

    @Test
    void read_nestedSitemapRefusedByTheCallersCheck_isNotFetched() {
        SitemapReader guarded = new SitemapReader(HTTP, SitemapReader.Limits.defaults(),
                uri -> Optional.of("private-address:loopback"));

        assertThatThrownBy(() -> guarded.read(origin.url("/sitemap-index.xml")))
                .hasMessageContaining("which is refused: private-address:loopback");
        long before = origin.hits("/sitemap.xml.gz");
        assertThatThrownBy(() -> guarded.read(origin.url("/sitemap-index.xml"))).isInstanceOf(SitemapReader.SitemapException.class);
        assertThat(origin.hits("/sitemap.xml.gz")).isEqualTo(before);
    }

    @Test
    void read_badInputs_nameTheSitemap() throws Exception {
        Path notXml = dir.resolve("bad.xml");
        Files.writeString(notXml, "<urlset><url>");
        assertThatThrownBy(() -> reader.read(notXml.toString())).hasMessageContaining("not well-formed");
        Path html = dir.resolve("page.xml");
        Files.writeString(html, "<html></html>");
        assertThatThrownBy(() -> reader.read(html.toString())).hasMessageContaining("expected <urlset> or <sitemapindex>");
        Path relative = dir.resolve("rel.xml");
        Files.writeString(relative, "<urlset><url><loc>/a</loc></url></urlset>");
        assertThatThrownBy(() -> reader.read(relative.toString())).hasMessageContaining("not an absolute http(s) URL");
        assertThatThrownBy(() -> reader.read(origin.url("/missing.xml"))).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> reader.read(dir.resolve("none.xml").toString())).hasMessageContaining("cannot read sitemap");
    }
}
