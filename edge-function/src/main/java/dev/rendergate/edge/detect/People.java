package dev.rendergate.edge.detect;

import static dev.rendergate.edge.detect.CrawlerRule.person;

import java.util.List;

/**
 * People whose User-Agents contain words the generic heuristics would take for automation: in-app
 * browsers, Electron desktop apps, browsers and phone models with crawler-like names.
 */
final class People {

    private People() {
    }

    static List<CrawlerRule> rules() {
        return List.of(
                person("phone-model-bot", null, "cubot"),
                person("phone-model-robot", "android[^)]{0,80}robot", "robot"));
    }
}
