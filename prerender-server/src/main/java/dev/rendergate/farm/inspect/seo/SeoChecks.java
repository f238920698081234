package dev.rendergate.farm.inspect.seo;

import dev.rendergate.farm.seo.SeoFacts;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheKey;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SEO checks of one page: each turns {@link SeoFacts} (and how the page was rendered) into {@link Problem}s.
 * Content checks apply to pages answered 200 only: a redirect or a 404 is not expected to have a title.
 */
public final class SeoChecks {
    /** A render slower than this is flagged by default (the inspector's and {@code audit}'s budget). */
    public static final Duration DEFAULT_RENDER_BUDGET = Duration.ofSeconds(3);
    /** Longest description search results show in full. */
    public static final int MAX_DESCRIPTION = 160;
    /** Fewer words than this in the body is a near-empty render. */
    public static final int NEAR_EMPTY_WORDS = 20;
    /** A not-found look only counts on pages shorter than this: a long article about 404s is a page. */
    public static final int SOFT_404_MAX_WORDS = 300;

    private static final Pattern NOT_FOUND = Pattern.compile(
            "\\b(404|not found|page (does not|doesn't|no longer) exists?|no longer available|nicht gefunden"
                    + "|introuvable|no encontrad[ao])\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NOINDEX = Pattern.compile("(^|[\\s,:;])(noindex|none)([\\s,;]|$)",
            Pattern.CASE_INSENSITIVE);

    private final Duration renderBudget;

    /** @param renderBudget a render taking longer is {@link ProblemKind#SLOW_RENDER} */
    public SeoChecks(Duration renderBudget) {
        this.renderBudget = Objects.requireNonNull(renderBudget, "renderBudget");
    }

    /** The render budget the checks use. */
    public Duration renderBudget() {
        return renderBudget;
    }

    /** Every problem of one page, most severe first. */
    public List<Problem> check(SeoFacts facts, RenderInfo render) {
        List<Problem> problems = new ArrayList<>();
        if (facts.status() == 200) {
            title(facts).ifPresent(problems::add);
            description(facts).ifPresent(problems::add);
            canonical(facts).ifPresent(problems::add);
            noindex(facts).ifPresent(problems::add);
            softNotFound(facts).ifPresent(problems::add);
            emptyRender(facts).ifPresent(problems::add);
            jsonLd(facts).ifPresent(problems::add);
        }
        if (facts.status() >= 500) {
            problems.add(new Problem(ProblemKind.SERVER_ERROR, "status " + facts.status()));
        }
        slowRender(render).ifPresent(problems::add);
        engineDisagreement(render).ifPresent(problems::add);
        problems.sort((a, b) -> a.severity().compareTo(b.severity()));
        return problems;
    }

    /** {@link ProblemKind#TITLE_DUPLICATE} when {@code otherPages} other pages have this page's title. */
    public static Optional<Problem> duplicateTitle(String title, int otherPages) {
        if (title == null || title.isBlank() || otherPages <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Problem(ProblemKind.TITLE_DUPLICATE, "\"" + title + "\" is also the title of "
                + otherPages + (otherPages == 1 ? " other page" : " other pages")));
    }

    static Optional<Problem> title(SeoFacts facts) {
        if (facts.titles().stream().allMatch(String::isBlank)) {
            return Optional.of(new Problem(ProblemKind.TITLE_MISSING,
                    facts.titles().isEmpty() ? "no <title> element" : "the <title> is empty"));
        }
        if (facts.titles().size() > 1) {
            return Optional.of(new Problem(ProblemKind.TITLE_MULTIPLE, facts.titles().size() + " <title> elements: "
                    + String.join(" | ", facts.titles())));
        }
        return Optional.empty();
    }

    static Optional<Problem> description(SeoFacts facts) {
        if (facts.description() == null || facts.description().isBlank()) {
            return Optional.of(new Problem(ProblemKind.DESCRIPTION_MISSING, facts.description() == null
                    ? "no <meta name=\"description\">" : "the description is empty"));
        }
        if (facts.descriptionLength() > MAX_DESCRIPTION) {
            return Optional.of(new Problem(ProblemKind.DESCRIPTION_TOO_LONG,
                    facts.descriptionLength() + " characters (at most " + MAX_DESCRIPTION + ")"));
        }
        return Optional.empty();
    }

    static Optional<Problem> canonical(SeoFacts facts) {
        if (facts.canonical() == null || facts.canonical().isBlank()) {
            return Optional.empty();
        }
        String page = normalised(facts.url());
        String canonical = normalised(facts.canonical());
        if (canonical == null) {
            return Optional.of(new Problem(ProblemKind.CANONICAL_ELSEWHERE,
                    "the canonical is not an absolute http(s) URL: " + facts.canonical()));
        }
        return canonical.equals(page) ? Optional.empty()
                : Optional.of(new Problem(ProblemKind.CANONICAL_ELSEWHERE, "canonical is " + facts.canonical()));
    }

    static Optional<Problem> noindex(SeoFacts facts) {
        if (facts.robots() != null && NOINDEX.matcher(facts.robots()).find()) {
            return Optional.of(new Problem(ProblemKind.NOINDEX, "robots meta: " + facts.robots()));
        }
        if (facts.xRobotsTag() != null && NOINDEX.matcher(facts.xRobotsTag()).find()) {
            return Optional.of(new Problem(ProblemKind.NOINDEX, "X-Robots-Tag: " + facts.xRobotsTag()));
        }
        return Optional.empty();
    }

    static Optional<Problem> softNotFound(SeoFacts facts) {
        if (facts.wordCount() >= SOFT_404_MAX_WORDS) {
            return Optional.empty();
        }
        List<String> headings = new ArrayList<>(facts.titles());
        headings.addAll(facts.h1());
        for (String heading : headings) {
            if (NOT_FOUND.matcher(heading).find()) {
                return Optional.of(new Problem(ProblemKind.SOFT_404, "status 200 with \"" + heading + "\" and "
                        + facts.wordCount() + " words"));
            }
        }
        return Optional.empty();
    }

    static Optional<Problem> emptyRender(SeoFacts facts) {
        if (facts.wordCount() >= NEAR_EMPTY_WORDS) {
            return Optional.empty();
        }
        return Optional.of(new Problem(ProblemKind.EMPTY_RENDER, facts.wordCount() == 0 ? "no visible text"
                : "only " + facts.wordCount() + " words of visible text"));
    }

    static Optional<Problem> jsonLd(SeoFacts facts) {
        List<String> errors = facts.jsonLd().stream().filter(b -> !b.valid()).map(SeoFacts.JsonLdBlock::error).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(ProblemKind.JSON_LD_INVALID, errors.size() + " of " + facts.jsonLd().size()
                + " blocks do not parse: " + errors.get(0)));
    }

    Optional<Problem> slowRender(RenderInfo render) {
        if (render.renderMillis() <= renderBudget.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(ProblemKind.SLOW_RENDER, render.renderMillis() + " ms with " + render.engine()
                + " (budget " + renderBudget.toMillis() + " ms)"));
    }

    /** {@link ProblemKind#ENGINE_DISAGREEMENT} when HtmlUnit served the page on a route where it disagreed. */
    public static Optional<Problem> engineDisagreement(RenderInfo render) {
        if (render.disagreement() == null || !"htmlunit".equals(render.engine().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new Problem(ProblemKind.ENGINE_DISAGREEMENT, "differed from Chromium in: "
                + render.disagreement()));
    }

    /** The URL as the cache keys it (tracking parameters dropped, query sorted), or null when it is not one. */
    private static String normalised(String url) {
        try {
            return CacheKey.of(URI.create(url.trim()), Device.DESKTOP).url();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
