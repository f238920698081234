package dev.rendergate.edge.detect;

import static dev.rendergate.edge.detect.BotClass.TOOL;
import static dev.rendergate.edge.detect.CrawlerRule.bot;
import static dev.rendergate.edge.detect.CrawlerRule.botWhen;

import java.util.List;

/** Heuristics for automation no rule names: crawler words, contact URLs, library-style User-Agents. */
final class GenericAutomation {

    private GenericAutomation() {
    }

    static List<CrawlerRule> rules() {
        return List.of(
                bot(TOOL, "generic-crawler", "crawl", "spider", "scraper"),
                botWhen(TOOL, "generic-bot", "bots?([^a-z]|$)", "bot"),
                botWhen(TOOL, "generic-contact-url", "\\+https?://|https?://", "http"));
    }
}
