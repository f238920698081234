package dev.rendergate.edge.detect;

import static dev.rendergate.edge.detect.BotClass.AI;
import static dev.rendergate.edge.detect.BotClass.SEARCH;
import static dev.rendergate.edge.detect.BotClass.SOCIAL;
import static dev.rendergate.edge.detect.BotClass.TOOL;
import static dev.rendergate.edge.detect.CrawlerRule.bot;
import static dev.rendergate.edge.detect.CrawlerRule.botWhen;

import java.util.List;

/** Crawlers known by name, with the stable names reported in verdicts; more specific entries come first. */
final class NamedCrawlers {

    private NamedCrawlers() {
    }

    static List<CrawlerRule> search() {
        return List.of(
                bot(SEARCH, "google-inspectiontool", "google-inspectiontool"),
                bot(SEARCH, "googlebot-image", "googlebot-image"),
                bot(SEARCH, "googlebot-video", "googlebot-video"),
                bot(SEARCH, "googlebot-news", "googlebot-news"),
                bot(SEARCH, "storebot-google", "storebot-google"),
                bot(SEARCH, "adsbot-google-mobile", "adsbot-google-mobile"),
                bot(SEARCH, "adsbot-google", "adsbot-google"),
                botWhen(SEARCH, "mediapartners-google", "(^|compatible; ?)mediapartners-google", "mediapartners-google"),
                bot(AI, "google-cloudvertexbot", "google-cloudvertexbot"),
                bot(SEARCH, "googleother", "googleother"),
                bot(SEARCH, "apis-google", "apis-google"),
                bot(SEARCH, "google-pagerenderer", "google-pagerenderer", "developers.google.com/+/web/snippet"),
                botWhen(SEARCH, "feedfetcher-google", "^feedfetcher-google", "feedfetcher-google"),
                botWhen(SEARCH, "googlebot", "googlebot(-mobile)?/[0-9]", "googlebot"),
                bot(SEARCH, "bingpreview", "bingpreview"),
                bot(SEARCH, "adidxbot", "adidxbot"),
                bot(SEARCH, "bingbot", "bingbot"),
                bot(SEARCH, "msnbot", "msnbot"),
                botWhen(SEARCH, "yandexbot", "yandex[a-z]*bot|yandex(images|video|metrika|direct|favicons|media|news|webmaster|market|turbo|pagechecker|blogs|fordomain|sitelinks|verticals|searchshop|imageresizer|adnet|antivirus|tracker|userproxy|vertis|calendar|ontodb|renderresources)|yandex\\.com/bots", "yandex"),
                bot(SEARCH, "baiduspider", "baiduspider"),
                bot(AI, "duckassistbot", "duckassistbot"),
                bot(SEARCH, "duckduckbot", "duckduckbot", "duckduckgo-favicons-bot"),
                bot(SEARCH, "yahoo-slurp", "slurp"),
                botWhen(SEARCH, "yeti", "yeti/", "yeti/"),
                bot(SEARCH, "seznambot", "seznambot", "seznamhomepagecrawler"),
                bot(SEARCH, "petalbot", "petalbot", "aspiegelbot"),
                botWhen(SEARCH, "sogou", "sogou.{0,20}spider", "sogou"),
                bot(SEARCH, "qwantbot", "qwantbot", "qwantify"),
                bot(AI, "applebot-extended", "applebot-extended"),
                bot(SEARCH, "applebot", "applebot"),
                bot(SEARCH, "mojeekbot", "mojeekbot"),
                bot(SEARCH, "ecosiabot", "ecosiabot"),
                bot(SEARCH, "360spider", "360spider"),
                bot(SEARCH, "exabot", "exabot"));
    }

    static List<CrawlerRule> social() {
        return List.of(
                botWhen(SOCIAL, "imessage", "facebookexternalhit.*facebot.*twitterbot", "facebookexternalhit"),
                bot(SOCIAL, "line", "line-poker"),
                bot(SOCIAL, "facebookexternalhit", "facebookexternalhit"),
                bot(SOCIAL, "facebookcatalog", "facebookcatalog"),
                bot(SOCIAL, "facebot", "facebot"),
                bot(SOCIAL, "telegrambot", "telegrambot"),
                bot(SOCIAL, "twitterbot", "twitterbot"),
                bot(SOCIAL, "linkedinbot", "linkedinbot"),
                bot(SOCIAL, "slackbot-linkexpanding", "slackbot-linkexpanding"),
                bot(SOCIAL, "slack-imgproxy", "slack-imgproxy"),
                bot(SOCIAL, "slackbot", "slackbot"),
                bot(SOCIAL, "discordbot", "discordbot"),
                botWhen(SOCIAL, "whatsapp", "^whatsapp($|/)", "whatsapp"),
                botWhen(SOCIAL, "pinterestbot", "pinterestbot|pinterest/0\\.|pinterest\\.com/bot", "pinterest"),
                bot(SOCIAL, "redditbot", "redditbot"),
                botWhen(SOCIAL, "viber", "^viber($|/)", "viber"),
                bot(SOCIAL, "skypeuripreview", "skypeuripreview"),
                bot(SOCIAL, "microsoftpreview", "microsoftpreview"),
                bot(SOCIAL, "embedly", "embedly"),
                bot(SOCIAL, "iframely", "iframely"),
                botWhen(SOCIAL, "mastodon", "mastodon/[0-9]", "mastodon"),
                botWhen(SOCIAL, "bluesky", "cardyb|bluesky(/|previewbot|-domain)", "cardyb", "bluesky"),
                bot(SOCIAL, "vkshare", "vkshare"),
                bot(SOCIAL, "snapchat", "snap url preview", "snapurlpreview"),
                bot(SOCIAL, "tumblr", "tumblr/"),
                bot(SOCIAL, "flipboardproxy", "flipboardproxy"),
                bot(SOCIAL, "yahoo-link-preview", "yahoo link preview"));
    }

    static List<CrawlerRule> ai() {
        return List.of(
                bot(AI, "gptbot", "gptbot"),
                bot(AI, "chatgpt-user", "chatgpt-user"),
                bot(AI, "oai-searchbot", "oai-searchbot"),
                bot(AI, "claude-searchbot", "claude-searchbot"),
                bot(AI, "claude-user", "claude-user"),
                bot(AI, "claude-web", "claude-web"),
                bot(AI, "claudebot", "claudebot"),
                bot(AI, "anthropic-ai", "anthropic-ai"),
                bot(AI, "perplexity-user", "perplexity-user", "perplexityuser"),
                bot(AI, "perplexitybot", "perplexitybot"),
                bot(AI, "amazonbot", "amazonbot"),
                bot(AI, "bytespider", "bytespider"),
                bot(AI, "ccbot", "ccbot"),
                bot(AI, "cohere-training-data-crawler", "cohere-training-data-crawler"),
                bot(AI, "cohere-ai", "cohere-ai"),
                bot(AI, "diffbot", "diffbot"),
                bot(AI, "youbot", "youbot"),
                bot(AI, "mistralai-user", "mistralai-user"),
                bot(AI, "deepseekbot", "deepseekbot"),
                bot(AI, "meta-externalagent", "meta-externalagent"),
                bot(SOCIAL, "meta-externalfetcher", "meta-externalfetcher"));
    }

    static List<CrawlerRule> tools() {
        return List.of(
                bot(TOOL, "lighthouse", "lighthouse"),
                bot(TOOL, "headlesschrome", "headlesschrome"),
                bot(TOOL, "phantomjs", "phantomjs"),
                bot(TOOL, "curl", "curl/"),
                bot(TOOL, "wget", "wget/"),
                bot(TOOL, "python-requests", "python-requests"),
                bot(TOOL, "go-http-client", "go-http-client"),
                bot(TOOL, "okhttp", "okhttp"),
                bot(TOOL, "axios", "axios/"),
                bot(TOOL, "node-fetch", "node-fetch"),
                bot(TOOL, "ahrefsbot", "ahrefsbot", "ahrefssiteaudit"),
                bot(TOOL, "semrushbot", "semrushbot", "siteauditbot"),
                bot(TOOL, "mj12bot", "mj12bot"),
                bot(TOOL, "dotbot", "dotbot"),
                bot(TOOL, "screaming-frog", "screaming frog"),
                bot(TOOL, "rogerbot", "rogerbot"),
                bot(TOOL, "blexbot", "blexbot"),
                bot(TOOL, "serpstatbot", "serpstatbot"),
                bot(TOOL, "dataforseobot", "dataforseobot"),
                bot(TOOL, "barkrowler", "barkrowler"),
                bot(TOOL, "sitebulb", "sitebulb"),
                bot(TOOL, "uptimerobot", "uptimerobot"),
                bot(TOOL, "pingdom", "pingdom"),
                bot(TOOL, "statuscake", "statuscake"),
                bot(TOOL, "site24x7", "site24x7"),
                bot(TOOL, "uptime-kuma", "uptime-kuma"),
                bot(TOOL, "gtmetrix", "gtmetrix"),
                bot(TOOL, "webpagetest", "ptst/"),
                // Tools that dress as a browser, an app or an Electron shell; decided before the person rules.
                bot(TOOL, "brandverity", "brandverity"),
                bot(TOOL, "ips-agent", "ips-agent"),
                botWhen(TOOL, "dmoz-silk", "^silk/1\\.0 ", "^silk/"),
                bot(TOOL, "ai-coding-agent", " code/1.", "trae/"),
                bot(TOOL, "site-auditor", "siteimprove", "dareboost", "silktide", "hardenize", "rsiteauditor",
                        "cookiehubverify", "sqwatcher", "foregenix", "ghost inspector", "linktiger", "marketgoo",
                        "testlocally", "criticalcss", "pwabuilder", "nitro-optimizer", "(compatible; optimizer)",
                        "collapsify", "watchtowr", "abuse.xmco.fr", "thousandeyes", "appinsights", "; rigor)",
                        "hotjar", "montools"),
                bot(TOOL, "marketing-data", "outbrain", "twingly", "dataprovider", "theoldreader", "datanyze",
                        "trendsmapresolver", "inoreader", "google-ads-conversions", "attracta", "scope3", "sindup/",
                        "impact.com agent", "webcapture", "adbeat.com", "rb.gy/", "newsnow/", "printfriendly",
                        "readable/", "retroliste", "snapchatads", "upday/", " ylt ", "evc-batch", "manus-user",
                        "google-agent", "googleagent-"));
    }
}
