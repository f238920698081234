package dev.rendergate.farm.inspect;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.edge.detect.Verdict;

/**
 * The crawlers the inspector renders "as": each User-Agent goes through the edge's own classifier, so the device
 * class (and therefore the snapshot) is exactly the one that crawler gets.
 */
enum CrawlerProfile {
    GOOGLEBOT_SMARTPHONE("googlebot-smartphone", "Googlebot smartphone",
            "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
    GOOGLEBOT_DESKTOP("googlebot-desktop", "Googlebot desktop",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; "
                    + "+http://www.google.com/bot.html) Chrome/131.0.6778.204 Safari/537.36"),
    BINGBOT("bingbot", "Bingbot",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
                    + "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36"),
    FACEBOOK("facebookexternalhit", "facebookexternalhit",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
    GPTBOT("gptbot", "GPTBot",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)");

    private static final CrawlerClassifier CLASSIFIER = CrawlerClassifier.standard();

    private final String label;
    private final String displayName;
    private final String userAgent;

    CrawlerProfile(String label, String displayName, String userAgent) {
        this.label = label;
        this.displayName = displayName;
        this.userAgent = userAgent;
    }

    String label() {
        return label;
    }

    String displayName() {
        return displayName;
    }

    /** The device class the edge gives this crawler. */
    Device device() {
        Verdict verdict = CLASSIFIER.classify(userAgent);
        return verdict.device();
    }

    /** The profile named {@code label}, or {@code null}. */
    static CrawlerProfile fromLabel(String label) {
        for (CrawlerProfile p : values()) {
            if (p.label.equalsIgnoreCase(label == null ? "" : label.trim())) {
                return p;
            }
        }
        return null;
    }
}
