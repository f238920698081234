package dev.rendergate.cli;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.Verdict;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Classifies User-Agents read one per line from standard input, writing exactly one verdict line per
 * input line: {@code bot<TAB>class<TAB>name<TAB>device} or {@code human<TAB>-<TAB>-<TAB>device}.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Reads User-Agents from standard input, one per line (split on \\n only; any bytes, invalid UTF-8 replaced),",
      "and writes one line per input line: bot<TAB>class<TAB>name<TAB>device or human<TAB>-<TAB>-<TAB>device."
    })
final class ClassifyCommand implements Callable<Integer> {
  /** Longer lines are cut here: the classifier gives every User-Agent of 8 KB or more the same verdict. */
  static final int MAX_KEPT_LINE_BYTES = 16 * 1024;

  @Override
  public Integer call() throws IOException {
    CrawlerClassifier classifier = CrawlerClassifier.standard();
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    classify(System.in, out, classifier);
    out.flush();
    return 0;
  }

  static void classify(InputStream input, Writer out, CrawlerClassifier classifier) throws IOException {
    InputStream in = new BufferedInputStream(input, 1 << 16);
    byte[] line = new byte[MAX_KEPT_LINE_BYTES];
    int length = 0;
    boolean pending = false;
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        writeVerdict(out, classifier.classify(decode(line, length)));
        length = 0;
        pending = false;
      } else {
        pending = true;
        if (length < line.length) {
          line[length++] = (byte) b;
        }
      }
    }
    if (pending) {
      writeVerdict(out, classifier.classify(decode(line, length)));
    }
  }

  private static String decode(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  static void writeVerdict(Writer out, Verdict verdict) throws IOException {
    if (verdict.bot()) {
      out.write("bot\t");
      out.write(verdict.botClass().label());
      out.write('\t');
      out.write(verdict.name());
    } else {
      out.write("human\t-\t-");
    }
    out.write('\t');
    out.write(verdict.device().label());
    out.write('\n');
  }
}
