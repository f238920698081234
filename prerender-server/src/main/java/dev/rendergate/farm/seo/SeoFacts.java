package dev.rendergate.farm.seo;

import java.util.List;
import java.util.Map;

/**
 * What a crawler learns from one rendered page: the SEO facts the inspector shows and the checks judge.
 *
 * @param url             the page's URL
 * @param status          the HTTP status the crawler gets
 * @param location        the {@code Location} header (redirects), or {@code null}
 * @param xRobotsTag      the {@code X-Robots-Tag} header, or {@code null}
 * @param titles          every {@code <title>} of the document (not those inside SVG), in order
 * @param descriptions    every {@code <meta name="description">} content, in order
 * @param canonical       the canonical link resolved against the page, or {@code null}
 * @param robots          the content of the {@code robots} and {@code googlebot} metas, joined by {@code ", "}, or
 *                        {@code null}
 * @param hreflang        the alternate-language links
 * @param h1              the text of every {@code h1}
 * @param openGraph       {@code og:*} properties (first of each)
 * @param twitter         {@code twitter:*} fields (first of each)
 * @param jsonLd          every {@code application/ld+json} block, parsed
 * @param internalLinks   links to the page's own host
 * @param externalLinks   links to other hosts
 * @param wordCount       words of visible text in the body
 */
public record SeoFacts(String url, int status, String location, String xRobotsTag, List<String> titles,
                       List<String> descriptions, String canonical, String robots, List<Hreflang> hreflang,
                       List<String> h1, Map<String, String> openGraph, Map<String, String> twitter,
                       List<JsonLdBlock> jsonLd, int internalLinks, int externalLinks, int wordCount) {

    public SeoFacts {
        titles = List.copyOf(titles);
        descriptions = List.copyOf(descriptions);
        hreflang = List.copyOf(hreflang);
        h1 = List.copyOf(h1);
        openGraph = Map.copyOf(openGraph);
        twitter = Map.copyOf(twitter);
        jsonLd = List.copyOf(jsonLd);
    }

    /** The first title, or {@code null}. */
    public String title() {
        return titles.isEmpty() ? null : titles.get(0);
    }

    /** Length of the first title in characters (code points), 0 without one. */
    public int titleLength() {
        return title() == null ? 0 : title().codePointCount(0, title().length());
    }

    /** The first description, or {@code null}. */
    public String description() {
        return descriptions.isEmpty() ? null : descriptions.get(0);
    }

    /** Length of the first description in characters (code points), 0 without one. */
    public int descriptionLength() {
        return description() == null ? 0 : description().codePointCount(0, description().length());
    }

    /**
     * One {@code <link rel="alternate" hreflang>}.
     *
     * @param lang the language (or {@code x-default})
     * @param href the resolved URL
     */
    public record Hreflang(String lang, String href) {
    }

    /**
     * One JSON-LD block.
     *
     * @param valid whether it parses as JSON
     * @param types the {@code @type}s it declares (at its root, in a root array or in {@code @graph})
     * @param error why it does not parse, or {@code null}
     * @param chars its length
     */
    public record JsonLdBlock(boolean valid, List<String> types, String error, int chars) {
        public JsonLdBlock {
            types = List.copyOf(types);
        }
    }
}
