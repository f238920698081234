package dev.rendergate.edge.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the labelled corpus files under {@code corpus/} on the test classpath: TSV with columns label,
 * class, name, device, source, user-agent; {@code #} starts a comment line; {@code -} means "not pinned".
 * In the hand-written file's user-agent column {@code \t}, {@code \n}, {@code \r}, {@code \\} and {@code \}{@code uXXXX}
 * escapes let hand-written cases carry control characters and lone surrogates.
 */
final class Corpus {

    static final String PUBLIC = "corpus/public-corpus.tsv";
    static final String HARD_CASES = "corpus/hard-cases.tsv";

    private Corpus() {
    }

    static List<CorpusRow> all() {
        List<CorpusRow> rows = new ArrayList<>(load(PUBLIC, false));
        rows.addAll(load(HARD_CASES, true));
        return rows;
    }

    static List<CorpusRow> load(String resource, boolean escapes) {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing corpus resource " + resource);
        }
        List<CorpusRow> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 6);
                if (cols.length != 6) {
                    throw new IllegalStateException(resource + ":" + number + ": expected 6 columns");
                }
                rows.add(new CorpusRow(cols[0], dash(cols[1]) == null ? null : BotClass.fromLabel(cols[1]),
                        dash(cols[2]), dash(cols[3]) == null ? null : Device.fromLabel(cols[3]), cols[4],
                        escapes ? unescape(cols[5]) : cols[5], number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String dash(String value) {
        return value.equals("-") ? null : value;
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}
