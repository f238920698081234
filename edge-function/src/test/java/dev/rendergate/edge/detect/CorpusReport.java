package dev.rendergate.edge.detect;

/**
 * Prints the corpus figures for this classifier, for BENCHMARKS.md; pass {@code -v} to list every miss.
 * Run from the test classpath (see BENCHMARKS.md for the command).
 */
public final class CorpusReport {

    private CorpusReport() {
    }

    public static void main(String[] args) {
        CorpusScore score = CorpusScore.of(CrawlerClassifier.standard(), Corpus.all());
        System.out.print(score.table());
        if (args.length > 0 && args[0].equals("-v")) {
            score.misses.forEach(m -> System.out.println("MISS " + m));
            score.falsePositives.forEach(m -> System.out.println("FP   " + m));
            score.deviceErrors.forEach(m -> System.out.println("DEV  " + m));
        }
    }
}
