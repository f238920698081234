package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.AsciiCase;
import dev.rendergate.edge.detect.BotClass;
import dev.rendergate.edge.verify.VerificationMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the edge needs to know about its deployment: where the farm is, which crawlers it prerenders,
 * and which paths are never pages.
 *
 * <p>Lambda@Edge has no environment variables, so the bundled values come from the build (see
 * {@link #from(Map)} and the module's {@code rendergate.edge.*} Maven properties); the gateway builds
 * its own from flags.
 *
 * @param farmDomain             the farm's DNS name, used as CloudFront custom origin
 * @param farmPort               the farm's port
 * @param farmProtocol           {@code https} or {@code http}
 * @param farmToken              the shared secret sent as {@code X-Prerender-Token}; empty for none
 * @param prerenderClasses       the crawler classes sent to the farm
 * @param assetExtensions        lower-case file extensions (no dot) that are never pages
 * @param skipPathPrefixes       lower-case path prefixes that are never pages, e.g. {@code /api/}
 * @param farmReadTimeoutSeconds how long CloudFront waits for the farm (4–60, the event's readTimeout range)
 * @param spaShell               the path human deep links are rewritten to
 * @param crawlerVerification    what happens to a claimed Google or Bing crawler from outside the published
 *                               address ranges: nothing ({@code off}), a log line ({@code log}), or a log
 *                               line and a person's answer ({@code enforce})
 */
public record EdgeConfig(
        String farmDomain,
        int farmPort,
        String farmProtocol,
        String farmToken,
        Set<BotClass> prerenderClasses,
        Set<String> assetExtensions,
        List<String> skipPathPrefixes,
        int farmReadTimeoutSeconds,
        String spaShell,
        VerificationMode crawlerVerification) {

    /** Validates the values and freezes the collections in their given order. */
    public EdgeConfig {
        farmDomain = requireText(farmDomain, "farmDomain");
        if (farmPort < 1 || farmPort > 65535) {
            throw new IllegalArgumentException("farmPort must be 1-65535, was " + farmPort);
        }
        farmProtocol = requireText(farmProtocol, "farmProtocol");
        if (!farmProtocol.equals("https") && !farmProtocol.equals("http")) {
            throw new IllegalArgumentException("farmProtocol must be https or http, was " + farmProtocol);
        }
        farmToken = farmToken == null ? "" : farmToken;
        requireTokenText(farmToken);
        prerenderClasses = Collections.unmodifiableSet(new LinkedHashSet<>(
                Objects.requireNonNull(prerenderClasses, "prerenderClasses")));
        if (prerenderClasses.contains(null)) {
            throw new NullPointerException("prerenderClasses holds null");
        }
        // The standard list is already frozen and lower case; copying its ~250 entries on every
        // with... copy was most of the JS build's start-up cost outside the classifier.
        assetExtensions = assetExtensions == AssetExtensions.STANDARD
                ? AssetExtensions.STANDARD
                : Collections.unmodifiableSet(lowerAll(assetExtensions, "assetExtensions"));
        skipPathPrefixes = Collections.unmodifiableList(new ArrayList<>(lowerAll(skipPathPrefixes, "skipPathPrefixes")));
        String timeoutProblem = CloudFrontFarm.readTimeoutProblem("farmReadTimeoutSeconds", farmReadTimeoutSeconds);
        if (timeoutProblem != null) {
            throw new IllegalArgumentException(timeoutProblem);
        }
        spaShell = requireText(spaShell, "spaShell");
        if (!spaShell.startsWith("/")) {
            throw new IllegalArgumentException("spaShell must start with /, was " + spaShell);
        }
        Objects.requireNonNull(crawlerVerification, "crawlerVerification");
    }

    /**
     * The defaults: a placeholder farm, search, social and AI crawlers prerendered, the full asset list,
     * {@code /api/} and {@code /.well-known/} skipped, a 30 s farm timeout, {@code /index.html} as SPA shell,
     * and crawler verification in {@code log} mode.
     *
     * @return the default configuration
     */
    public static EdgeConfig defaults() {
        return new EdgeConfig("farm.example.com", 443, "https", "",
                new LinkedHashSet<>(List.of(BotClass.SEARCH, BotClass.SOCIAL, BotClass.AI)),
                AssetExtensions.STANDARD, List.of("/api/", "/.well-known/"), 30, "/index.html", VerificationMode.LOG);
    }

    /**
     * Builds a configuration from string settings, starting from {@link #defaults()}.
     *
     * <p>Keys: {@code farmDomain}, {@code farmPort}, {@code farmProtocol}, {@code farmToken},
     * {@code prerenderClasses} (comma-separated labels), {@code extraAssetExtensions} (added to the
     * standard list), {@code skipPathPrefixes} (comma-separated, replaces the default),
     * {@code farmReadTimeoutSeconds}, {@code spaShell}, {@code crawlerVerification} ({@code off}, {@code log}
     * or {@code enforce}). Blank values keep the default.
     *
     * @param settings the settings; unknown keys are ignored
     * @return the configuration
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public static EdgeConfig from(Map<String, String> settings) {
        return EdgeConfigSettings.apply(defaults(), settings);
    }

    /** @return a copy with another farm domain */
    public EdgeConfig withFarmDomain(String value) {
        return new EdgeConfig(value, farmPort, farmProtocol, farmToken, prerenderClasses, assetExtensions,
                skipPathPrefixes, farmReadTimeoutSeconds, spaShell, crawlerVerification);
    }

    /** @return a copy with another farm port */
    public EdgeConfig withFarmPort(int value) {
        return new EdgeConfig(farmDomain, value, farmProtocol, farmToken, prerenderClasses, assetExtensions,
                skipPathPrefixes, farmReadTimeoutSeconds, spaShell, crawlerVerification);
    }

    /** @return a copy with another farm protocol */
    public EdgeConfig withFarmProtocol(String value) {
        return new EdgeConfig(farmDomain, farmPort, value, farmToken, prerenderClasses, assetExtensions,
                skipPathPrefixes, farmReadTimeoutSeconds, spaShell, crawlerVerification);
    }

    /** @return a copy with another farm token */
    public EdgeConfig withFarmToken(String value) {
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, value, prerenderClasses, assetExtensions,
                skipPathPrefixes, farmReadTimeoutSeconds, spaShell, crawlerVerification);
    }

    /** @return a copy prerendering other crawler classes */
    public EdgeConfig withPrerenderClasses(Set<BotClass> value) {
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, farmToken, value, assetExtensions,
                skipPathPrefixes, farmReadTimeoutSeconds, spaShell, crawlerVerification);
    }

    /** @return a copy with another asset extension list */
    public EdgeConfig withAssetExtensions(Set<String> value) {
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, farmToken, prerenderClasses, value,
                skipPathPrefixes, farmReadTimeoutSeconds, spaShell, crawlerVerification);
    }

    /** @return a copy with other skipped path prefixes */
    public EdgeConfig withSkipPathPrefixes(List<String> value) {
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, farmToken, prerenderClasses, assetExtensions,
                value, farmReadTimeoutSeconds, spaShell, crawlerVerification);
    }

    /** @return a copy with another farm read timeout */
    public EdgeConfig withFarmReadTimeoutSeconds(int value) {
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, farmToken, prerenderClasses, assetExtensions,
                skipPathPrefixes, value, spaShell, crawlerVerification);
    }

    /** @return a copy with another SPA shell path */
    public EdgeConfig withSpaShell(String value) {
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, farmToken, prerenderClasses, assetExtensions,
                skipPathPrefixes, farmReadTimeoutSeconds, value, crawlerVerification);
    }

    /** @return a copy with another crawler verification mode */
    public EdgeConfig withCrawlerVerification(VerificationMode value) {
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, farmToken, prerenderClasses, assetExtensions,
                skipPathPrefixes, farmReadTimeoutSeconds, spaShell, value);
    }

    /** Hides the token so that a logged configuration never leaks it. */
    @Override
    public String toString() {
        return "EdgeConfig[farm=" + farmProtocol + "://" + farmDomain + ":" + farmPort
                + ", token=" + (farmToken.isEmpty() ? "none" : "set")
                + ", prerenderClasses=" + prerenderClasses + ", assetExtensions=" + assetExtensions.size()
                + ", skipPathPrefixes=" + skipPathPrefixes + ", farmReadTimeoutSeconds=" + farmReadTimeoutSeconds
                + ", spaShell=" + spaShell + ", crawlerVerification=" + crawlerVerification.label() + "]";
    }

    /** The token becomes a header value and a Java string literal in the bundled build. */
    private static void requireTokenText(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                throw new IllegalArgumentException(
                        "farmToken must be visible ASCII without quotes or backslashes (character " + i + ")");
            }
        }
    }

    // trim().isEmpty(), not isBlank(): both builds trim the same characters, where TeaVM's isBlank knows
    // only the space.
    private static String requireText(String value, String name) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.trim();
    }

    private static Set<String> lowerAll(java.util.Collection<String> values, String name) {
        Objects.requireNonNull(values, name);
        Set<String> lowered = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                throw new NullPointerException(name + " holds null");
            }
            String trimmed = value.trim();
            if (trimmed.isEmpty()) {
                // An empty extension or prefix would match every page and skip it.
                throw new IllegalArgumentException(name + " holds an empty entry, which would match every path");
            }
            lowered.add(AsciiCase.lower(trimmed));
        }
        return lowered;
    }
}
