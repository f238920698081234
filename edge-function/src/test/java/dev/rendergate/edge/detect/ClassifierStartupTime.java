package dev.rendergate.edge.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Cold start in a fresh JVM: time from the first use of the classifier to the first verdict, including
 * class loading and building the rule set. Prints wall-clock and this thread's CPU time (on a busy
 * machine the wall clock also counts time the thread waited for a core). See BENCHMARKS.md.
 */
public final class ClassifierStartupTime {

    private ClassifierStartupTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CrawlerClassifier classifier = CrawlerClassifier.standard();
        long built = System.nanoTime();
        Verdict verdict = classifier.classify("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        long first = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf("standard(): %.1f ms, first classify: %.1f ms, total %.1f ms wall, %.1f ms cpu (%s)%n",
                (built - start) / 1e6, (first - built) / 1e6, (first - start) / 1e6, cpu / 1e6, verdict.name());
    }
}
