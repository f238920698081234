package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.BotClass;
import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.Verdict;
import dev.rendergate.edge.verify.CrawlerVerification;
import java.util.Objects;
import java.util.function.Function;

/**
 * The viewer-request decision: who is asking, and what CloudFront should look up for them.
 *
 * <p>In order: client-sent {@code x-rendergate-*} headers are always stripped (they are part of the
 * cache key, so a person forging them could poison the crawler cache); methods other than GET and HEAD,
 * skipped path prefixes and assets pass unchanged; the farm's own renderer is never marked (loop guard);
 * a crawler of a prerendered class gets the marker headers, unless crawler verification in {@code enforce}
 * mode finds that the viewer's address (CloudFront's {@code clientIp}, never a header) is not its
 * operator's; everyone else asking for a page without a file extension gets the SPA shell's path. Any
 * failure returns the stripped request (fail open).
 */
public final class ViewerRequestLogic {

    private final EdgeConfig config;
    private final Function<String, Verdict> classifier;
    private final CrawlerVerification verification;
    /**
     * The configured prerendered classes by ordinal, not the configured set: its hashed lookup per request
     * showed in the JavaScript build.
     */
    private final boolean[] prerendered;
    /** The configured skipped path prefixes as an array: a list's for-each makes an iterator per request. */
    private final String[] skipPathPrefixes;

    /**
     * Verifies crawlers against the bundled published ranges in the configuration's mode, unverified ones
     * printed as log lines.
     *
     * @param config     the deployment's configuration
     * @param classifier the crawler classifier, shared across requests
     */
    public ViewerRequestLogic(EdgeConfig config, CrawlerClassifier classifier) {
        this(config, classifier, CrawlerVerification.bundled(config.crawlerVerification()));
    }

    /**
     * @param config       the deployment's configuration
     * @param classifier   the crawler classifier, shared across requests
     * @param verification how claimed crawlers are verified (its mode wins over the configuration's)
     */
    public ViewerRequestLogic(EdgeConfig config, CrawlerClassifier classifier, CrawlerVerification verification) {
        this(config, classifying(Objects.requireNonNull(classifier, "classifier")), verification);
    }

    // An anonymous class, not a method reference: the first lambda bootstrap costs a cold JVM tens of ms.
    private static Function<String, Verdict> classifying(CrawlerClassifier classifier) {
        return new Function<>() {
            @Override
            public Verdict apply(String userAgent) {
                return classifier.classify(userAgent);
            }
        };
    }

    /** Takes the classification as a function, so that tests can make it fail. */
    ViewerRequestLogic(EdgeConfig config, Function<String, Verdict> classifier) {
        this(config, classifier, CrawlerVerification.bundled(config.crawlerVerification()));
    }

    /**
     * Takes the classification as a function, for a host that remembers verdicts it already made (the
     * gateway asks for the same User-Agent's verdict before the edge logic runs).
     *
     * @param config       the deployment's configuration
     * @param classifier   the User-Agent classification; must give what {@link CrawlerClassifier#classify} gives
     * @param verification how claimed crawlers are verified (its mode wins over the configuration's)
     */
    public ViewerRequestLogic(EdgeConfig config, Function<String, Verdict> classifier,
            CrawlerVerification verification) {
        this.config = Objects.requireNonNull(config, "config");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.verification = Objects.requireNonNull(verification, "verification");
        this.skipPathPrefixes = config.skipPathPrefixes().toArray(new String[0]);
        this.prerendered = new boolean[BotClass.values().length];
        for (BotClass botClass : config.prerenderClasses()) {
            prerendered[botClass.ordinal()] = true;
        }
    }

    /**
     * Decides one viewer request.
     *
     * @param request the request as CloudFront received it
     * @return the request to continue with; never null
     */
    public EdgeRequest apply(EdgeRequest request) {
        EdgeRequest stripped = stripMarkers(request);
        try {
            return decide(stripped);
        } catch (RuntimeException | StackOverflowError e) {
            // Fail open: the viewer still gets the origin's answer, only without prerendering.
            return stripped;
        }
    }

    private EdgeRequest decide(EdgeRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return request;
        }
        RequestPath path = RequestPath.of(request.uri());
        if (isSkipped(path)) {
            return request;
        }
        String userAgent = request.headerValue(EdgeHeaders.USER_AGENT);
        Verdict verdict = classifier.apply(userAgent);
        if (verdict.bot() && prerendered[verdict.botClass().ordinal()]
                && !isRenderer(request, verdict, userAgent)
                && verification.admits(verdict.name(), request.clientIp())) {
            return mark(request, verdict, userAgent);
        }
        return path.hasExtension() ? request : request.withUri(config.spaShell());
    }

    private boolean isSkipped(RequestPath path) {
        // A page without an extension is never an asset (the configuration refuses an empty extension), so
        // it skips the hashed lookup.
        if (path.hasExtension() && config.assetExtensions().contains(path.extension())) {
            return true;
        }
        for (String prefix : skipPathPrefixes) {
            if (path.normalized().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The farm's renderer: the classifier names it, or it sent {@code X-Prerender: 1}. Every classifier
     * tries the renderer's rule first, so only a tool verdict, which the fixed verdicts for malformed,
     * flooded and oversized User-Agents are, can hide the marker; for those the User-Agent is searched here.
     * Only requests about to be marked get here.
     */
    private static boolean isRenderer(EdgeRequest request, Verdict verdict, String userAgent) {
        return verdict.name().equals(CrawlerClassifier.RENDERER)
                || (verdict.botClass() == BotClass.TOOL && userAgent.contains(EdgeHeaders.RENDERER_UA_MARKER))
                || request.headerValue(EdgeHeaders.PRERENDER).trim().equals("1");
    }

    /**
     * The values are read into locals first: compiled to JavaScript, an array of plain locals becomes an
     * array literal, where a call among the elements makes TeaVM allocate and fill an empty array.
     */
    private static EdgeRequest mark(EdgeRequest request, Verdict verdict, String userAgent) {
        String host = request.headerValue(EdgeHeaders.HOST_HEADER);
        String name = verdict.name();
        String botClass = verdict.botClass().label();
        String device = verdict.device().label();
        return request.withHeaders(EdgeHeaders.MARKERS, name, botClass, device, userAgent, host);
    }

    private static EdgeRequest stripMarkers(EdgeRequest request) {
        return request.withoutHeadersStartingWith(EdgeHeaders.MARKER_PREFIX);
    }
}
