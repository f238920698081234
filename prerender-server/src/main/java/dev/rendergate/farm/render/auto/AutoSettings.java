package dev.rendergate.farm.render.auto;

import java.time.Duration;

/**
 * How {@code auto} chooses between the engines.
 *
 * @param probeBudget      the most HtmlUnit may take on a route it answers (after it, Chromium renders with the rest
 *                         of the budget), and on a background comparison
 * @param renderBudget     the budget of a whole render (a background re-check by Chromium gets it)
 * @param agreementsNeeded HtmlUnit renders in a row that must agree with Chromium's before HtmlUnit answers alone
 * @param recheckEvery     one in this many HtmlUnit answers is rendered again by Chromium in the background and
 *                         compared
 * @param relearnAfter     how long a route stays with Chromium before HtmlUnit is tried on it again
 */
public record AutoSettings(Duration probeBudget, Duration renderBudget, int agreementsNeeded, int recheckEvery,
                           Duration relearnAfter) {
    public AutoSettings {
        if (probeBudget.isNegative() || probeBudget.isZero() || probeBudget.compareTo(renderBudget) >= 0) {
            throw new IllegalArgumentException("probeBudget must be positive and below the render budget, was " + probeBudget);
        }
        if (agreementsNeeded < 1 || recheckEvery < 1) {
            throw new IllegalArgumentException("agreementsNeeded and recheckEvery must be at least 1");
        }
    }
}
