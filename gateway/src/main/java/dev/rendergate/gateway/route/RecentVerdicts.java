package dev.rendergate.gateway.route;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.Verdict;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.function.Function;

/**
 * The crawler classifier with each thread's last verdict remembered. A page request asks for its User-Agent's
 * verdict twice (the verification check before the edge logic, then the edge logic itself), and consecutive
 * requests on an event loop mostly carry the same User-Agent (every request of a keep-alive connection does).
 * A verdict depends on the header's text alone, so the remembered one is the one the classifier would give again;
 * a different text is classified afresh.
 */
final class RecentVerdicts implements Function<String, Verdict> {

    private final CrawlerClassifier classifier;
    private final FastThreadLocal<Remembered> last = new FastThreadLocal<>() {
        @Override
        protected Remembered initialValue() {
            return new Remembered();
        }
    };

    RecentVerdicts(CrawlerClassifier classifier) {
        this.classifier = classifier;
    }

    /** The classifier's verdict on {@code userAgent} (null or blank: its verdict for a missing header). */
    @Override
    public Verdict apply(String userAgent) {
        if (userAgent == null) {
            return classifier.classify(null);
        }
        Remembered remembered = last.get();
        if (userAgent.equals(remembered.userAgent)) {
            return remembered.verdict;
        }
        Verdict verdict = classifier.classify(userAgent);
        remembered.userAgent = userAgent;
        remembered.verdict = verdict;
        return verdict;
    }

    /** One thread's last User-Agent and its verdict; only that thread reads or writes it. */
    private static final class Remembered {
        private String userAgent;
        private Verdict verdict;
    }
}
