package dev.rendergate.farm.inspect.seo;

import java.util.Objects;

/**
 * One problem found on a page.
 *
 * @param kind   what is wrong
 * @param detail what was seen on this page (e.g. the canonical URL), for the reader
 */
public record Problem(ProblemKind kind, String detail) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public Severity severity() {
        return kind.severity();
    }
}
