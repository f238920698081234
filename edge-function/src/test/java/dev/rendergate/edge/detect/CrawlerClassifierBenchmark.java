package dev.rendergate.edge.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one classification on the JVM: per named User-Agent (typical browsers, crawlers, the worst
 * adversarial inputs), sampled over the whole human and crawler corpus (median and tail), and the cost
 * of building the standard classifier. Commands and figures are in BENCHMARKS.md.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CrawlerClassifierBenchmark {

    static final Map<String, String> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("chrome-windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36");
        NAMED.put("safari-iphone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1");
        NAMED.put("chrome-android", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36");
        NAMED.put("facebook-in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/442.0.0.38.118;FBBV/540000000;FBDV/iPhone15,2;"
                + "FBMD/iPhone;FBSN/iOS;FBSV/17.1.2;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/0]");
        NAMED.put("googlebot-smartphone", "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
                + "+http://www.google.com/bot.html)");
        NAMED.put("bingbot", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
                + "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36");
        NAMED.put("gptbot", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
                + "+https://openai.com/gptbot)");
        NAMED.put("facebookexternalhit", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");
        NAMED.put("curl", "curl/8.5.0");
        CrawlerClassifierAdversarialTest.adversarialInputs()
                .forEach((name, ua) -> NAMED.put("adversarial: " + name, ua));
    }

    /** One named User-Agent, average time per call. */
    @State(Scope.Benchmark)
    public static class Named {
        @Param({"chrome-windows", "safari-iphone", "chrome-android", "facebook-in-app", "googlebot-smartphone",
                "bingbot", "gptbot", "facebookexternalhit", "curl",
                "adversarial: 100 KB of a", "adversarial: just under 8 KB of a", "adversarial: Mozilla/5.0 ( repeated",
                "adversarial: every rule keyword prefix repeated", "adversarial: android robot repeated",
                "adversarial: bot repeated", "adversarial: nested parentheses", "adversarial: lone surrogates",
                "adversarial: non-ASCII", "adversarial: control characters"})
        public String ua;
        String userAgent;
        CrawlerClassifier classifier;

        @Setup
        public void setUp() {
            userAgent = NAMED.get(ua);
            classifier = CrawlerClassifier.standard();
        }
    }

    /** Every User-Agent of one corpus label in turn, so the samples cover real-world variety. */
    @State(Scope.Thread)
    public static class CorpusCycle {
        @Param({"human", "bot"})
        public String label;
        String[] userAgents;
        int next;
        CrawlerClassifier classifier;

        @Setup
        public void setUp() {
            List<CorpusRow> rows = Corpus.all();
            userAgents = rows.stream().filter(r -> r.label().equals(label)).map(CorpusRow::userAgent).toArray(String[]::new);
            classifier = CrawlerClassifier.standard();
        }

        String nextUserAgent() {
            String ua = userAgents[next];
            next = next + 1 == userAgents.length ? 0 : next + 1;
            return ua;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Verdict classifyNamed(Named state) {
        return state.classifier.classify(state.userAgent);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Verdict classifyCorpus(CorpusCycle state) {
        return state.classifier.classify(state.nextUserAgent());
    }

    /** Building the bundled rule set (what {@code CrawlerClassifier.standard()} pays once per JVM). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    public CrawlerClassifier buildStandard() {
        return CrawlerClassifier.standard(JavaRegexMatcherFactory.INSTANCE);
    }
}
