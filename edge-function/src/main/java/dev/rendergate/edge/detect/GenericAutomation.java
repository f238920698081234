package dev.rendergate.edge.detect;

import static dev.rendergate.edge.detect.BotClass.TOOL;
import static dev.rendergate.edge.detect.CrawlerRule.bot;
import static dev.rendergate.edge.detect.CrawlerRule.shape;

import java.util.List;

/**
 * Heuristics for automation no rule names: crawler words, contact addresses, HTTP libraries, headless
 * browsers, monitors and scanners, and clients that do not even start like a browser. All are
 * {@link BotClass#TOOL}: an unknown client is never prerendered on a guess.
 */
final class GenericAutomation {

    private GenericAutomation() {
    }

    /** Keyword heuristics, tried after the person rules. */
    static List<CrawlerRule> rules() {
        return List.of(
                bot(TOOL, "generic-crawler", "crawl", "spider", "scrape", "scraping", "harvest", "indexer"),
                bot(TOOL, "generic-bot", "bot"),
                bot(TOOL, "http-library", "python", "java/", "libwww", "perl/", "php/", "ruby", "httpclient",
                        "http client", "http-client", "http_client", "httpx", "aiohttp", "okhttp", "urllib", "go-http",
                        "node-fetch", "undici", "axios/", "guzzle", "curl", "wget", "scrapy", "colly/", "mechanize",
                        "httpie", "postmanruntime", "insomnia/", "jersey/", "jetty/", "indy library", "winhttp",
                        "reqwest", "restsharp", "dart:io", "http.rb", "faraday", "typhoeus", "lwp-", "http_get",
                        "httpunit", "htmlunit", "jsdom", "cfnetwork/", "dalvik/"),
                bot(TOOL, "headless-browser", "headless", "phantomjs", "selenium", "webdriver", "puppeteer",
                        "playwright", "slimerjs", "cypress", "zombie.js", "splash", "electron-fetch"),
                bot(TOOL, "monitor", "uptime", "monitor", "pingdom", "statuscake", "site24x7", "datadog", "newrelic",
                        "new relic", "gtmetrix", "ptst/", "pagespeed", "check", "validator", "nagios", "zabbix",
                        "prtg", "catchpoint", "dynatrace", "ruxit", "synthetic", "webhook", "healthcheck", "status"),
                bot(TOOL, "scanner", "scan", "nikto", "zgrab", "nmap", "masscan", "acunetix", "openvas",
                        "netcraft", "sqlmap", "whatweb", "nessus", "burp", "zmeu", "probe", "security", "research",
                        "survey"),
                bot(TOOL, "site-copier", "httrack", "webcopier", "sitesucker", "webcopy", "offline explorer",
                        "wget", "download", "archive", "archiving"),
                bot(TOOL, "fetcher", "fetch", "feed", "rss", "sitemap", "favicon", "screenshot", "thumbnail",
                        "preview", "metadata", "parser", "extractor", "reader/", "proxy", "unfurl", "embed",
                        "to pdf", "api/", "api client", "client/", "sdk", "agent/"),
                bot(TOOL, "contact-address", "http:", "https:", "www.", "+http", "@", "(at)", "[at]", "mailto"));
    }

    /** A bare "Mozilla/5.0" is what scripts send when told to look like a browser; browsers say more. */
    static List<CrawlerRule> bareMozilla() {
        return List.of(bot(TOOL, "bare-mozilla", "^mozilla/5.0$", "^mozilla/4.0$", "^mozilla/5.0 (compatible)$",
                "^mozilla/5.0(compatible)$", "^mozilla/5.0 (compatible;)$"));
    }

    /** The last resort: a client that does not start like a browser and no rule recognised. */
    static List<CrawlerRule> nonBrowser() {
        return List.of(shape(TOOL, "non-browser", "^"));
    }
}
