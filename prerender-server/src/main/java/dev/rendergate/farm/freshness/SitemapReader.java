package dev.rendergate.farm.freshness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the page URLs of a sitemap: a {@code <urlset>}, or a {@code <sitemapindex>} whose nested sitemaps
 * are read in turn, plain or gzip-compressed, from a file or over HTTP. Everything is bounded: nesting
 * depth, number of sitemaps, bytes (compressed and decompressed) and URLs; a document type declaration is
 * refused, so no entity can be expanded or fetched. A nested sitemap is fetched only from the origin of the
 * index that lists it (the sitemaps protocol's own rule) and only when the caller's check lets it, so a listed
 * {@code <loc>} cannot point the reader at another host, this machine, or a metadata address.
 */
public final class SitemapReader {
    private final HttpClient http;
    private final Limits limits;
    private final NestedCheck nestedCheck;

    /** Decides whether a nested sitemap may be fetched; the farm passes its URL guard. */
    @FunctionalInterface
    public interface NestedCheck {
        /** Why {@code sitemap} must not be fetched, or empty when it may. */
        Optional<String> refusal(URI sitemap);

        /** No check beyond the same-origin rule. */
        NestedCheck SAME_ORIGIN_ONLY = sitemap -> Optional.empty();
    }

    /**
     * Bounds of one read.
     *
     * @param maxDepth    index nesting allowed (1 = an index of urlsets)
     * @param maxSitemaps sitemap documents read in all
     * @param maxBytes    bytes of one document, after decompression
     * @param maxUrls     page URLs returned in all (sitemaps allow 50,000 per document)
     * @param timeout     per HTTP fetch
     */
    public record Limits(int maxDepth, int maxSitemaps, long maxBytes, int maxUrls, Duration timeout) {
        /** Depth 3, 100 sitemaps, 64 MB per document, 200,000 URLs, 30 s per fetch. */
        public static Limits defaults() {
            return new Limits(3, 100, 64L << 20, 200_000, Duration.ofSeconds(30));
        }
    }

    /** A sitemap that could not be read; the message names it and says why. */
    public static final class SitemapException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SitemapException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A reader whose nested sitemaps need only be on their index's origin (for a trusted command line). */
    public SitemapReader(HttpClient http, Limits limits) {
        this(http, limits, NestedCheck.SAME_ORIGIN_ONLY);
    }

    /** A reader whose nested sitemaps must also pass {@code nestedCheck}. */
    public SitemapReader(HttpClient http, Limits limits, NestedCheck nestedCheck) {
        this.http = http;
        this.limits = limits;
        this.nestedCheck = nestedCheck;
    }

    /**
     * The distinct page URLs under {@code source} (an http(s) URL or a file path), in document order.
     *
     * @throws SitemapException naming the sitemap that could not be fetched, parsed, or exceeded a bound
     */
    public List<URI> read(String source) {
        Set<URI> pages = new LinkedHashSet<>();
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(source, 0));
        int documents = 0;
        while (!queue.isEmpty()) {
            Pending next = queue.poll();
            if (++documents > limits.maxSitemaps()) {
                throw new SitemapException("more than " + limits.maxSitemaps() + " sitemaps under " + source, null);
            }
            Parsed parsed = parse(next.source(), load(next.source()));
            if (parsed.index()) {
                if (next.depth() >= limits.maxDepth()) {
                    throw new SitemapException("sitemap index " + next.source() + " nests deeper than "
                            + limits.maxDepth(), null);
                }
                for (String loc : parsed.locations()) {
                    // A fetched index may only point at more URLs, never at this machine's files.
                    queue.add(new Pending(nested(page(loc, next.source()), next.source()), next.depth() + 1));
                }
                continue;
            }
            for (String loc : parsed.locations()) {
                if (pages.size() >= limits.maxUrls()) {
                    throw new SitemapException("more than " + limits.maxUrls() + " URLs under " + source, null);
                }
                pages.add(page(loc, next.source()));
            }
        }
        return List.copyOf(pages);
    }

    private static URI page(String loc, String sitemap) {
        try {
            URI uri = URI.create(loc);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SitemapException("sitemap " + sitemap + " lists '" + loc + "': " + e.getMessage(), e);
        }
    }

    /** A nested sitemap's URL once it passed the checks; an index read from a file (the operator's own) may list any origin. */
    private String nested(URI sitemap, String index) {
        if (isHttp(index) && !origin(sitemap).equals(origin(URI.create(index)))) {
            throw new SitemapException("sitemap index " + index + " lists " + sitemap + " on another origin, which is "
                    + "refused (an index may list sitemaps of its own site only); give that sitemap directly", null);
        }
        nestedCheck.refusal(sitemap).ifPresent(reason -> {
            throw new SitemapException("sitemap index " + index + " lists " + sitemap + ", which is refused: " + reason,
                    null);
        });
        return sitemap.toString();
    }

    private static boolean isHttp(String source) {
        return source.matches("(?i)https?://.*");
    }

    /** {@code scheme://host:port} in lower case with the port explicit. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
    }

    private byte[] load(String source) {
        try (InputStream raw = open(source)) {
            byte[] head = raw.readNBytes(2);
            InputStream whole = new java.io.SequenceInputStream(new ByteArrayInputStream(head), raw);
            boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(whole) : whole) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
                if (bytes.length > limits.maxBytes()) {
                    throw new SitemapException("sitemap " + source + " is larger than " + limits.maxBytes()
                            + " bytes" + (gzip ? " decompressed" : ""), null);
                }
                return bytes;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SitemapException("cannot read sitemap " + source + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String source) throws IOException {
        if (!isHttp(source)) {
            return Files.newInputStream(Path.of(source));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(source)).timeout(limits.timeout()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Parsed parse(String source, byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<String> locations = new ArrayList<>();
        Boolean index = null;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new SitemapException("sitemap " + source + " declares a DOCTYPE, which is refused", null);
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = reader.getLocalName();
                    if (index == null) {
                        if (!name.equals("urlset") && !name.equals("sitemapindex")) {
                            throw new SitemapException("sitemap " + source + " has root <" + name
                                    + ">, expected <urlset> or <sitemapindex>", null);
                        }
                        index = name.equals("sitemapindex");
                    } else if (name.equals("loc")) {
                        locations.add(reader.getElementText().trim());
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new SitemapException("sitemap " + source + " is not well-formed XML: " + e.getMessage(), e);
        }
        if (index == null) {
            throw new SitemapException("sitemap " + source + " is empty", null);
        }
        return new Parsed(index, locations);
    }

    private record Pending(String source, int depth) {
    }

    private record Parsed(boolean index, List<String> locations) {
    }
}
