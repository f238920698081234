package dev.rendergate.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The app script stays within ES5. HtmlUnit's engine accepts some newer syntax, so rendering alone
 * would not catch a slip; this scan does, for the constructs the README promises to avoid.
 */
class AppScriptTest {

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("=>"),
            Pattern.compile("`"),
            Pattern.compile("\\b(let|const|class|async|await|import|export|yield)\\s"),
            Pattern.compile("\\bfetch\\s*\\("),
            Pattern.compile("\\bPromise\\b"),
            Pattern.compile("\\bqueueMicrotask\\b"),
            Pattern.compile("\\.\\.\\.[A-Za-z_$\\[{]"),
            Pattern.compile("\\.(includes|startsWith|endsWith|find|findIndex|padStart|repeat)\\("),
            Pattern.compile("\\bURLSearchParams\\b"));

    private static String code() throws IOException {
        String script = Files.readString(SiteServer.siteRoot().resolve("app.js"));
        // Comments may say anything; only code counts.
        return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    @Test
    void appScript_usesNoSyntaxOrApiNewerThanEs5() throws IOException {
        String code = code();
        for (Pattern pattern : FORBIDDEN) {
            assertThat(pattern.matcher(code).find()).as("app.js matches %s", pattern).isFalse();
        }
    }

    @Test
    void appScript_isAsciiOnly() throws IOException {
        String script = Files.readString(SiteServer.siteRoot().resolve("app.js"));
        assertThat(script.chars().filter(c -> c > 0x7f).count()).as("non-ASCII characters in app.js").isZero();
    }

    @Test
    void appScript_isStrictAndSetsTheReadyFlagFalseFirst() throws IOException {
        String code = code();
        assertThat(code).contains("'use strict';");
        assertThat(code.indexOf("window.prerenderReady = false;"))
                .isNotNegative()
                .isLessThan(code.indexOf("window.prerenderReady = true;"));
    }

    @Test
    void indexHtml_loadsTheAppAsAClassicDeferredScript() throws IOException {
        Path index = SiteServer.siteRoot().resolve("index.html");
        assertThat(Files.readString(index))
                .contains("<script src=\"/app.js\" defer></script>", "<div id=\"app\"", "Loading&hellip;")
                .doesNotContain("type=\"module\"");
    }
}
