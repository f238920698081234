package dev.rendergate.edge.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Scores a classifier on corpus rows: recall, class and name accuracy per bot class, human false positives. */
final class CorpusScore {

    /** Per-class counts for bot rows. */
    static final class ClassCounts {
        int total;
        int detected;
        int classRight;
        int namePinned;
        int nameRight;
    }

    final Map<BotClass, ClassCounts> byClass = new EnumMap<>(BotClass.class);
    final List<String> misses = new ArrayList<>();
    final List<String> falsePositives = new ArrayList<>();
    final List<String> deviceErrors = new ArrayList<>();
    int humans;
    int humanFalsePositives;
    int devicePinned;
    int deviceRight;
    int unsure;

    static CorpusScore of(CrawlerClassifier classifier, List<CorpusRow> rows) {
        CorpusScore score = new CorpusScore();
        for (BotClass c : BotClass.values()) {
            score.byClass.put(c, new ClassCounts());
        }
        for (CorpusRow row : rows) {
            score.add(row, classifier.classify(row.userAgent()));
        }
        return score;
    }

    private void add(CorpusRow row, Verdict verdict) {
        if (row.label().equals("unsure")) {
            unsure++;
            return;
        }
        if (row.device() != null) {
            devicePinned++;
            if (verdict.device() == row.device()) {
                deviceRight++;
            } else {
                deviceErrors.add(describe(row, verdict));
            }
        }
        if (row.isHuman()) {
            humans++;
            if (verdict.bot()) {
                humanFalsePositives++;
                falsePositives.add(describe(row, verdict));
            }
            return;
        }
        ClassCounts counts = byClass.get(row.botClass());
        counts.total++;
        boolean nameOk = row.name() == null || row.name().equals(verdict.name());
        if (verdict.bot()) {
            counts.detected++;
        }
        if (verdict.bot() && verdict.botClass() == row.botClass()) {
            counts.classRight++;
        }
        if (row.name() != null) {
            counts.namePinned++;
            if (verdict.bot() && nameOk) {
                counts.nameRight++;
            }
        }
        if (!verdict.bot() || verdict.botClass() != row.botClass() || !nameOk) {
            misses.add(describe(row, verdict));
        }
    }

    double recall(BotClass c) {
        ClassCounts counts = byClass.get(c);
        return counts.total == 0 ? 1.0 : (double) counts.detected / counts.total;
    }

    double humanFalsePositiveRate() {
        return humans == 0 ? 0.0 : (double) humanFalsePositives / humans;
    }

    private static String describe(CorpusRow row, Verdict verdict) {
        String got = verdict.bot() ? "bot/" + verdict.botClass().label() + "/" + verdict.name() : "human";
        String want = row.isHuman() ? "human" : "bot/" + row.botClass().label() + "/" + (row.name() == null ? "*" : row.name());
        return String.format("%s:%d want %s/%s got %s/%s  %s", row.source(), row.line(), want,
                row.device() == null ? "*" : row.device().label(), got, verdict.device().label(), printable(row.userAgent()));
    }

    private static String printable(String ua) {
        String shortened = ua.length() > 200 ? ua.substring(0, 200) + "...(" + ua.length() + " chars)" : ua;
        StringBuilder out = new StringBuilder();
        for (char c : shortened.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** A Markdown table of the figures, one row per class. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| class | rows | detected as bot | recall | class right | name right (pinned) |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (BotClass c : BotClass.values()) {
            ClassCounts k = byClass.get(c);
            out.append(String.format("| %s | %d | %d | %.2f%% | %d | %d / %d |%n", c.label(), k.total, k.detected,
                    100.0 * recall(c), k.classRight, k.nameRight, k.namePinned));
        }
        out.append(String.format("| human | %d | %d false positives | FPR %.3f%% | | |%n", humans, humanFalsePositives,
                100.0 * humanFalsePositiveRate()));
        out.append(String.format("%ndevice right: %d / %d; unsure rows (not scored): %d%n", deviceRight, devicePinned, unsure));
        return out.toString();
    }
}
