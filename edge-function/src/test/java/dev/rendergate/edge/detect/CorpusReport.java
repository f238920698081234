package dev.rendergate.edge.detect;

import java.util.List;

/**
 * Prints the corpus figures for this classifier, for BENCHMARKS.md; pass {@code -v} to list every miss.
 * Run from the test classpath (see BENCHMARKS.md for the command).
 */
public final class CorpusReport {

    private CorpusReport() {
    }

    public static void main(String[] args) {
        List<CorpusRow> rows = Corpus.all();
        CorpusScore score = CorpusScore.of(CrawlerClassifier.standard(), rows);
        System.out.println("rendergate, all rows");
        System.out.print(score.table());
        System.out.println();
        System.out.println("rendergate, public sources only (no hand-written rows)");
        System.out.print(CorpusScore.of(CrawlerClassifier.standard(),
                rows.stream().filter(r -> !r.source().equals("hand")).toList()).table());
        if (args.length > 0 && args[0].equals("-v")) {
            score.misses.forEach(m -> System.out.println("MISS " + m));
            score.falsePositives.forEach(m -> System.out.println("FP   " + m));
            score.deviceErrors.forEach(m -> System.out.println("DEV  " + m));
        }
    }
}
