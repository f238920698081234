package dev.rendergate.edge.verify;

/**
 * Verifies Google's and Bing's crawlers against the address ranges the two publish, as stored in the
 * repository and compiled into the build ({@code src/main/crawler-ranges}). Any Google list verifies any
 * Google crawler: Google moves crawlers between its lists, and every address in them is Google's.
 * Other crawlers are {@link CrawlerCheck.Outcome#NOT_CHECKED}.
 */
public final class PublishedRanges implements CrawlerCheck {

    /** The classifier's names for Google's crawlers and fetchers. */
    static final String[] GOOGLE_CRAWLERS = {"googlebot", "googlebot-image", "googlebot-video", "googlebot-news",
        "storebot-google", "google-inspectiontool", "googleother", "adsbot-google", "adsbot-google-mobile",
        "mediapartners-google", "apis-google", "feedfetcher-google", "google-pagerenderer", "google-cloudvertexbot"};
    /** The classifier's names for Bing's crawlers. */
    static final String[] BING_CRAWLERS = {"bingbot", "msnbot", "bingpreview", "adidxbot"};

    private final AddressRanges google;
    private final AddressRanges bing;

    private PublishedRanges(AddressRanges google, AddressRanges bing) {
        this.google = google;
        this.bing = bing;
    }

    /**
     * @param google Google's ranges
     * @param bing   Bing's ranges
     * @return a check over these ranges
     */
    public static PublishedRanges of(AddressRanges google, AddressRanges bing) {
        return new PublishedRanges(google, bing);
    }

    /** @return the check over the lists bundled at build time; parsed once, on first use */
    public static PublishedRanges bundled() {
        return Bundled.RANGES;
    }

    /** @return each bundled list's file name and its {@code creationTime}, for start-up logs */
    public static String bundledSources() {
        return PublishedRangeTable.SOURCES;
    }

    /**
     * @param crawler a crawler's stable name
     * @return {@code google}, {@code bing}, or null when neither publishes ranges for it
     */
    public static String operatorOf(String crawler) {
        if (contains(GOOGLE_CRAWLERS, crawler)) {
            return "google";
        }
        return contains(BING_CRAWLERS, crawler) ? "bing" : null;
    }

    @Override
    public Outcome check(String crawler, String clientIp) {
        String operator = operatorOf(crawler);
        if (operator == null) {
            return Outcome.NOT_CHECKED;
        }
        AddressRanges ranges = operator.equals("google") ? google : bing;
        return ranges.contains(IpAddress.parse(clientIp)) ? Outcome.VERIFIED : Outcome.UNVERIFIED;
    }

    /** @return the number of Google blocks and of Bing blocks */
    public int[] sizes() {
        return new int[] {google.size(), bing.size()};
    }

    private static boolean contains(String[] names, String name) {
        for (String candidate : names) {
            if (candidate.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static final class Bundled {
        static final PublishedRanges RANGES = new PublishedRanges(
                AddressRanges.parse(PublishedRangeTable.google()), AddressRanges.parse(PublishedRangeTable.bing()));
    }
}
