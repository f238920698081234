package dev.rendergate.farm.crawl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browser, OS and device families of people's User-Agents, by ua-parser (uap-java). Its parse is far too slow for
 * a request path (about a millisecond), so each distinct User-Agent is parsed once and the answer cached (bounded:
 * a log with more distinct agents than that parses the rarest again). Thread-safe.
 */
public final class PeopleAgents {
    /** Distinct User-Agents whose families are kept. */
    public static final int CACHED_AGENTS = 20_000;
    /** Longer User-Agents are cut before parsing: ua-parser's regexes on attacker-sized input cost too much. */
    static final int MAX_UA = 512;

    private final Parser parser = new Parser();
    private final Cache<String, Families> cache = Caffeine.newBuilder().maximumSize(CACHED_AGENTS).build();

    /**
     * The families of one User-Agent.
     *
     * @param browser e.g. {@code Chrome Mobile}
     * @param os      e.g. {@code Android}
     * @param device  e.g. {@code iPhone}, {@code Other} for most desktops
     */
    public record Families(String browser, String os, String device) {
    }

    public Families of(String userAgent) {
        String ua = userAgent.length() > MAX_UA ? userAgent.substring(0, MAX_UA) : userAgent;
        return cache.get(ua, this::parse);
    }

    private Families parse(String ua) {
        Client client = parser.parse(ua);
        return new Families(family(client.userAgent == null ? null : client.userAgent.family),
                family(client.os == null ? null : client.os.family),
                family(client.device == null ? null : client.device.family));
    }

    private static String family(String family) {
        return family == null || family.isBlank() ? "Other" : family;
    }
}
