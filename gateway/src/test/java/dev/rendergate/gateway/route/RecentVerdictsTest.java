package dev.rendergate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A remembered verdict is the classifier's own, whatever order User-Agents come in. */
class RecentVerdictsTest {

    @Test
    void everyVerdict_isTheClassifiersVerdict() {
        CrawlerClassifier classifier = CrawlerClassifier.standard();
        RecentVerdicts recent = new RecentVerdicts(classifier);
        String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        String googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        List<String> userAgents = Arrays.asList(firefox, firefox, googlebot, googlebot, firefox, "", " ",
                null, googlebot, new String(googlebot), "curl/8.5.0", firefox);
        for (String userAgent : userAgents) {
            assertThat(recent.apply(userAgent)).as(String.valueOf(userAgent)).isEqualTo(classifier.classify(userAgent));
        }
    }
}
