package dev.rendergate.edge.detect;

import static dev.rendergate.edge.detect.CrawlerRule.person;

import java.util.List;

/**
 * People whose User-Agents contain words the generic heuristics would take for automation, and people
 * whose clients do not look like a desktop or phone browser. Named crawlers are decided before these
 * rules, so a crawler that embeds an app token (say "Instagram") is still caught by its own rule.
 */
final class People {

    private People() {
    }

    static List<CrawlerRule> rules() {
        return List.of(
                // In-app browsers of social and messaging apps: a person tapped a link inside the app.
                person("facebook-app", null, "fban/", "fbav/", "fb_iab", "fbios", "fb4a", "metaiab"),
                person("instagram-app", null, "instagram"),
                person("linkedin-app", null, "linkedinapp"),
                person("twitter-app", null, "twitter for iphone", "twitter for ipad", "twitterandroid", "twitter for android"),
                person("snapchat-app", null, "snapchat"),
                person("tiktok-app", null, "musical_ly", "bytedancewebview", "tiktok", "trill_"),
                person("wechat-app", null, "micromessenger", "wechat"),
                person("line-app", null, " line/"),
                person("naver-app", null, "naver(inapp", "whale/"),
                person("pinterest-app", null, "[pinterest/", "pinterest for"),
                person("kakaotalk-app", null, "kakaotalk"),
                person("google-app", null, "gsa/"),
                // Desktop apps built on Electron (Slack, Discord, Notion, Teams ...).
                person("electron-app", null, "electron/"),
                // Browsers whose names resemble crawler words.
                person("lookalike-browser", null, "ddg/", "duckduckgo/", "yabrowser", "silk/", "coc_coc_browser", "ecosia android@",
                        "ecosia ios@"),
                // Phone models with "bot" in their names (CUBOT, ROBOT ...), only inside the Android device part.
                person("phone-model", "android [0-9.]+; ?([a-z]{2}[-_][a-z]{2}; ?)?[^;)]*(cubot|robot)", "cubot", "robot"),
                // Document scanner apps, not network scanners.
                person("scanner-app", null, "camscanner"),
                // Text-mode browsers and feature phones: people, though not Mozilla-shaped.
                person("text-browser", null, "^lynx/", "^w3m/", "^links (", "^elinks"),
                person("feature-phone", null, "midp", "up.browser", "ucweb", "^docomo/", "^blackberry", "^nokia",
                        "^samsung-", "^sonyericsson", "^lg-", "obigo", "netfront", "^hbbtv"));
    }

    /** People recognised by shape: anything that starts like a browser and no earlier rule took for a bot. */
    static List<CrawlerRule> browserShaped() {
        return List.of(person("browser-shaped", null, "^mozilla/", "^opera/"));
    }
}
