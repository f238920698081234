package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Named cases for the behaviours the edge relies on. */
class CrawlerClassifierTest {

    private static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 "
            + "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

    private final CrawlerClassifier classifier = CrawlerClassifier.standard();

    @Test
    void classify_googlebotSmartphone_isMobileCrawler() {
        assertThat(classifier.classify(GOOGLEBOT_SMARTPHONE)).isEqualTo(Verdict.bot(BotClass.SEARCH, "googlebot", Device.MOBILE));
    }

    @Test
    void classify_googlebotDesktop_isDesktopCrawler() {
        assertThat(classifier.classify("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; "
                + "+http://www.google.com/bot.html) Chrome/131.0.6778.69 Safari/537.36"))
                .isEqualTo(Verdict.bot(BotClass.SEARCH, "googlebot", Device.DESKTOP));
    }

    /** Found by CrawlerClassifierFuzzTest: a trailing tab made Googlebot malformed, a trailing space made bare Mozilla a person. */
    @Test
    void classify_surroundedBySpacesAndTabs_sameVerdictAsWithout() {
        assertThat(classifier.classify(GOOGLEBOT_SMARTPHONE + "\t")).isEqualTo(classifier.classify(GOOGLEBOT_SMARTPHONE));
        assertThat(classifier.classify(" \tMozilla/5.0 ")).isEqualTo(classifier.classify("Mozilla/5.0"));
        assertThat(classifier.classify("Mozilla/5.0 ").bot()).isTrue();
    }

    @Test
    void classify_chromeOnWindows_isDesktopHuman() {
        assertThat(classifier.classify(CHROME_WINDOWS)).isEqualTo(Verdict.human(Device.DESKTOP));
    }

    @Test
    void classify_safariOnIphone_isMobileHuman() {
        assertThat(classifier.classify(SAFARI_IPHONE)).isEqualTo(Verdict.human(Device.MOBILE));
    }

    @Test
    void classify_iMessagePreview_isSocialNotFacebook() {
        Verdict verdict = classifier.classify("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 "
                + "(KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0");
        assertThat(verdict).isEqualTo(Verdict.bot(BotClass.SOCIAL, "imessage", Device.DESKTOP));
    }

    @Test
    void classify_gptBot_isAi() {
        assertThat(classifier.classify("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
                + "+https://openai.com/gptbot)")).isEqualTo(Verdict.bot(BotClass.AI, "gptbot", Device.DESKTOP));
    }

    @Test
    void classify_farmRenderer_isToolEvenWhenItCarriesACrawlerToken() {
        assertThat(classifier.classify(SAFARI_IPHONE + " RendergateRenderer/1.0"))
                .isEqualTo(Verdict.bot(BotClass.TOOL, "rendergate-renderer", Device.MOBILE));
        assertThat(classifier.classify(GOOGLEBOT_SMARTPHONE + " RendergateRenderer/1.0").name()).isEqualTo("rendergate-renderer");
    }

    @Test
    void classify_headlessChrome_isTool() {
        assertThat(classifier.classify("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/120.0.6099.109 Safari/537.36")).isEqualTo(Verdict.bot(BotClass.TOOL, "headlesschrome", Device.DESKTOP));
    }

    @Test
    void classify_facebookInAppBrowser_isMobileHuman() {
        assertThat(classifier.classify(SAFARI_IPHONE + " [FBAN/FBIOS;FBAV/442.0.0.38.118;FBDV/iPhone15,2]"))
                .isEqualTo(Verdict.human(Device.MOBILE));
    }

    @Test
    void classify_phoneModelNamedCubot_isHuman() {
        assertThat(classifier.classify("Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/119.0.6045.163 Mobile Safari/537.36")).isEqualTo(Verdict.human(Device.MOBILE));
    }

    @Test
    void classify_impostorMentioningGooglebot_isNotNamedGooglebot() {
        Verdict verdict = classifier.classify("FreshRSS/1.11.2 (Linux; https://freshrss.org) like Googlebot");
        assertThat(verdict.bot()).isTrue();
        assertThat(verdict.botClass()).isEqualTo(BotClass.TOOL);
    }

    @Test
    void classify_caseIsIgnored() {
        assertThat(classifier.classify("MOZILLA/5.0 (COMPATIBLE; GOOGLEBOT/2.1; +HTTP://WWW.GOOGLE.COM/BOT.HTML)"))
                .isEqualTo(Verdict.bot(BotClass.SEARCH, "googlebot", Device.DESKTOP));
    }

    @Test
    void classify_nullOrBlank_isEmptyUaTool() {
        Verdict empty = Verdict.bot(BotClass.TOOL, "empty-ua", Device.DESKTOP);
        assertThat(classifier.classify(null)).isEqualTo(empty);
        assertThat(classifier.classify("")).isEqualTo(empty);
        assertThat(classifier.classify("   ")).isEqualTo(empty);
        assertThat(classifier.classify(" \t ")).isEqualTo(empty);
    }

    @Test
    void classify_blankIsOnlySpacesAndTabs_otherWhitespaceIsContent() {
        // Written out so the JavaScript build agrees: there, String.isBlank knows only the space.
        Verdict malformed = Verdict.bot(BotClass.TOOL, "malformed-ua", Device.DESKTOP);
        assertThat(classifier.classify("\r\n")).isEqualTo(malformed);
        assertThat(classifier.classify("\u000b")).isEqualTo(malformed);
        assertThat(classifier.classify("\u3000")).isEqualTo(Verdict.bot(BotClass.TOOL, "non-browser", Device.DESKTOP));
    }

    @Test
    void classify_sameRuleOnBothDevices_keepsEachDevicesVerdict() {
        Verdict mobile = classifier.classify(GOOGLEBOT_SMARTPHONE);
        Verdict desktop = classifier.classify(
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");

        assertThat(mobile).isEqualTo(Verdict.bot(BotClass.SEARCH, "googlebot", Device.MOBILE));
        assertThat(desktop).isEqualTo(Verdict.bot(BotClass.SEARCH, "googlebot", Device.DESKTOP));
        assertThat(classifier.classify(GOOGLEBOT_SMARTPHONE)).isSameAs(mobile);
    }

    @Test
    void classify_atOrAboveMaxLength_isOversizedToolWithoutInspection() {
        String huge = GOOGLEBOT_SMARTPHONE + " " + "a".repeat(CrawlerClassifier.MAX_LENGTH);
        assertThat(classifier.classify(huge)).isEqualTo(Verdict.bot(BotClass.TOOL, "oversized-ua", Device.DESKTOP));
        String justUnder = CHROME_WINDOWS + " " + "x".repeat(CrawlerClassifier.MAX_LENGTH - CHROME_WINDOWS.length() - 2);
        assertThat(justUnder.length()).isEqualTo(CrawlerClassifier.MAX_LENGTH - 1);
        assertThat(classifier.classify(justUnder).name()).isNotEqualTo("oversized-ua");
    }

    @Test
    void classify_controlCharacters_isMalformedTool() {
        Verdict malformed = Verdict.bot(BotClass.TOOL, "malformed-ua", Device.DESKTOP);
        assertThat(classifier.classify(CHROME_WINDOWS + "\u0000")).isEqualTo(malformed);
        assertThat(classifier.classify("Googlebot/2.1\r\nX-Injected: 1")).isEqualTo(malformed);
        assertThat(classifier.classify("\u001b[31m" + CHROME_WINDOWS)).isEqualTo(malformed);
    }

    @Test
    void classify_loneSurrogates_isDefinedAndDoesNotThrow() {
        assertThat(classifier.classify(CHROME_WINDOWS + " \ud800")).isEqualTo(Verdict.human(Device.DESKTOP));
        assertThat(classifier.classify("\udfff\ud800\udbff").botClass()).isEqualTo(BotClass.TOOL);
    }

    @Test
    void standard_isSharedAndCustomFactoryIsUsed() {
        assertThat(CrawlerClassifier.standard()).isSameAs(CrawlerClassifier.standard());
        int[] compiled = {0};
        CrawlerClassifier counting = CrawlerClassifier.standard((pattern, ignoreCase) -> {
            compiled[0]++;
            return JavaRegexMatcherFactory.INSTANCE.compile(pattern, ignoreCase);
        });
        assertThat(compiled[0]).isPositive();
        assertThat(counting.classify(GOOGLEBOT_SMARTPHONE)).isEqualTo(classifier.classify(GOOGLEBOT_SMARTPHONE));
    }
}
