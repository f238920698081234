package dev.rendergate.edge.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * Per-call cost measured in this thread's CPU time rather than wall time, so time spent waiting for a
 * core on a busy machine does not count. A complement to the JMH benchmark (which measures wall time):
 * after warm-up, each User-Agent is classified in batches and the best batch is reported.
 */
public final class ClassifierCpuTime {

    private ClassifierCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CrawlerClassifier classifier = CrawlerClassifier.standard();
        int sink = 0;
        for (int i = 0; i < 2_000_000; i++) {
            for (String ua : CrawlerClassifierBenchmark.NAMED.values()) {
                if (ua.length() < 1000 || i % 50 == 0) {
                    sink += classifier.classify(ua).device().ordinal();
                }
            }
            if (i == 20_000) {
                break;
            }
        }
        System.out.println("| user agent | length | verdict | CPU ns per call (best of 7 batches) |");
        System.out.println("|---|---:|---|---:|");
        for (Map.Entry<String, String> entry : CrawlerClassifierBenchmark.NAMED.entrySet()) {
            String ua = entry.getValue();
            int calls = ua.length() < 1000 ? 200_000 : 5_000;
            long best = Long.MAX_VALUE;
            for (int batch = 0; batch < 7; batch++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += classifier.classify(ua).device().ordinal();
                }
                best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
            }
            Verdict verdict = classifier.classify(ua);
            System.out.printf("| %s | %d | %s | %.0f |%n", entry.getKey(), ua.length(),
                    verdict.bot() ? verdict.botClass().label() + "/" + verdict.name() : "human", (double) best / calls);
        }
        System.out.println(sink == 42 ? "" : " ");
    }
}
