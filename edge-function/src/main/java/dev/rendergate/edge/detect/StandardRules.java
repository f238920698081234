package dev.rendergate.edge.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The bundled rule table, in evaluation order (after the farm's own renderer, which every classifier tries
 * first): named crawlers (specific before general), people whose User-Agents look automated, generic
 * heuristics for unnamed automation, then browser-shaped User-Agents are people and everything else is an
 * unknown client.
 */
final class StandardRules {

    private StandardRules() {
    }

    static List<CrawlerRule> all() {
        List<CrawlerRule> rules = new ArrayList<>();
        rules.addAll(NamedCrawlers.search());
        rules.addAll(NamedCrawlers.social());
        rules.addAll(NamedCrawlers.ai());
        rules.addAll(ListedCrawlers.rules());
        rules.addAll(NamedCrawlers.tools());
        rules.addAll(People.rules());
        rules.addAll(GenericAutomation.rules());
        rules.addAll(GenericAutomation.bareMozilla());
        rules.addAll(People.browserShaped());
        rules.addAll(GenericAutomation.nonBrowser());
        return List.copyOf(rules);
    }
}
