package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {
  private static final String GOOGLEBOT_SMARTPHONE =
      "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
  private static final String CHROME_DESKTOP =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  @Test
  void classify_crawlerAndPerson_writesOneTabSeparatedLineEach() throws IOException {
    List<String> lines = run((GOOGLEBOT_SMARTPHONE + "\n" + CHROME_DESKTOP + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(lines).containsExactly("bot\tsearch\tgooglebot\tmobile", "human\t-\t-\tdesktop");
  }

  @Test
  void classify_emptyLinesCarriageReturnsAndNoFinalNewline_keepsOneOutputLinePerInputLine() throws IOException {
    byte[] input = ("\n" + CHROME_DESKTOP + "\r\n\n" + GOOGLEBOT_SMARTPHONE).getBytes(StandardCharsets.UTF_8);

    List<String> lines = run(input);

    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).isEqualTo("bot\tsearch\tgooglebot\tmobile");
    assertThat(lines).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(4));
  }

  @Test
  void classify_invalidUtf8AndHugeLines_stillOneLineEach() throws IOException {
    byte[] invalid = {(byte) 0xff, (byte) 0xfe, 'b', 'o', 't', (byte) 0xc3, '\n'};
    byte[] huge = new byte[1 << 20];
    Arrays.fill(huge, (byte) 'a');
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.write(invalid);
    input.write(huge);
    input.write('\n');
    input.write(0);
    input.write('\n');

    List<String> lines = run(input.toByteArray());

    assertThat(lines).hasSize(3);
    assertThat(lines).allSatisfy(line -> assertThat(line).matches("(bot\\t[a-z]+\\t[^\\t]+|human\\t-\\t-)\\t(mobile|desktop)"));
  }

  @Test
  void classify_emptyInput_writesNothing() throws IOException {
    assertThat(run(new byte[0])).isEmpty();
  }

  private static List<String> run(byte[] input) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
    ClassifyCommand.classify(new ByteArrayInputStream(input), out, CrawlerClassifier.standard());
    out.flush();
    String text = output.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
  }
}
