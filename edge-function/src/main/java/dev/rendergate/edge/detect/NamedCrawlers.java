package dev.rendergate.edge.detect;

import static dev.rendergate.edge.detect.BotClass.AI;
import static dev.rendergate.edge.detect.BotClass.SEARCH;
import static dev.rendergate.edge.detect.BotClass.SOCIAL;
import static dev.rendergate.edge.detect.BotClass.TOOL;
import static dev.rendergate.edge.detect.CrawlerRule.bot;

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
                bot(SEARCH, "mediapartners-google", "^mediapartners-google", "compatible; mediapartners-google", "compatible;mediapartners-google"),
                bot(AI, "google-cloudvertexbot", "google-cloudvertexbot"),
                bot(SEARCH, "googleother", "googleother"),
                bot(SEARCH, "apis-google", "apis-google"),
                bot(SEARCH, "google-pagerenderer", "google-pagerenderer", "developers.google.com/+/web/snippet"),
                bot(SEARCH, "feedfetcher-google", "^feedfetcher-google"),
                bot(SEARCH, "googlebot", "googlebot/", "googlebot-mobile/"),
                bot(SEARCH, "bingpreview", "bingpreview"),
                bot(SEARCH, "adidxbot", "adidxbot"),
                bot(SEARCH, "bingbot", "bingbot"),
                bot(SEARCH, "msnbot", "msnbot"),
                bot(SEARCH, "yandexbot", "yandex.com/bots", "yandexbot/", "yandeximages/", "yandexmobilebot/",
                        "yandexaccessibilitybot", "yandexrenderresourcesbot", "yandexmetrika", "yadirectfetcher",
                        "yandexfavicons", "yandexvideo", "yandexwebmaster", "yandexnews", "yandexmedia", "yandexmarket",
                        "yandexdirect", "yandexturbo", "yandexscreenshotbot", "yandexmobilescreenshotbot",
                        "yandexsearchshop", "yandexverticals", "yandexpagechecker", "yandexblogs", "yandexcalendar",
                        "yandexfordomain", "yandexsitelinks", "yandexspravbot", "yandextracker", "yandexuserproxy",
                        "yandexvertis", "yandexontodb", "yandeximageresizer", "yandexadnet", "yandexantivirus",
                        "yandexpartner", "yandexadditional", "yandexcombot"),
                bot(SEARCH, "baiduspider", "baiduspider"),
                bot(AI, "duckassistbot", "duckassistbot"),
                bot(SEARCH, "duckduckbot", "duckduckbot", "duckduckgo-favicons-bot"),
                bot(SEARCH, "yahoo-slurp", "slurp"),
                bot(SEARCH, "yeti", "yeti/"),
                bot(SEARCH, "seznambot", "seznambot", "seznamhomepagecrawler"),
                bot(SEARCH, "petalbot", "petalbot", "aspiegelbot"),
                bot(SEARCH, "sogou", "sogou web spider", "sogou news spider", "sogou pic spider", "sogou inst spider",
                        "sogou orion spider", "sogou head spider", "sogou video spider", "sogou push spider",
                        "sogou spider", "sogou-test-spider"),
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
                bot(SOCIAL, "imessage", "facebot twitterbot"),
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
                bot(SOCIAL, "whatsapp", "^whatsapp"),
                bot(SOCIAL, "pinterestbot", "pinterestbot", "pinterest/0.", "pinterest.com/bot"),
                bot(SOCIAL, "redditbot", "redditbot"),
                bot(SOCIAL, "viber", "^viber"),
                bot(SOCIAL, "skypeuripreview", "skypeuripreview"),
                bot(SOCIAL, "microsoftpreview", "microsoftpreview"),
                bot(SOCIAL, "embedly", "embedly"),
                bot(SOCIAL, "iframely", "iframely"),
                bot(SOCIAL, "mastodon", "mastodon/"),
                bot(SOCIAL, "bluesky", "cardyb", "bluesky/", "blueskypreviewbot", "bluesky-domain"),
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
                bot(TOOL, "dmoz-silk", "^silk/1.0 "),
                bot(TOOL, "ai-coding-agent", " code/1.", "trae/"),
                bot(TOOL, "site-auditor", "siteimprove", "dareboost", "silktide", "hardenize", "rsiteauditor",
                        "cookiehubverify", "sqwatcher", "foregenix", "ghost inspector", "linktiger", "marketgoo",
                        "testlocally", "criticalcss", "pwabuilder", "nitro-optimizer", "(compatible; optimizer)",
                        "collapsify", "watchtowr", "abuse.xmco.fr", "thousandeyes", "appinsights", "; rigor)",
                        "hotjar", "montools", "miniature.io"),
                bot(TOOL, "marketing-data", "outbrain", "twingly", "dataprovider", "theoldreader", "datanyze",
                        "trendsmapresolver", "inoreader", "google-ads-conversions", "attracta", "scope3", "sindup/",
                        "impact.com agent", "webcapture", "adbeat.com", "rb.gy/", "newsnow/", "printfriendly",
                        "readable/", "retroliste", "snapchatads", "upday/", " ylt ", "evc-batch", "manus-user",
                        "google-agent", "googleagent-"));
    }
}
