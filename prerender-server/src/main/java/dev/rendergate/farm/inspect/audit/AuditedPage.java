package dev.rendergate.farm.inspect.audit;

import dev.rendergate.farm.inspect.seo.Problem;
import dev.rendergate.farm.inspect.seo.Severity;
import java.util.List;

/**
 * One page of an audit: what the farm served and what the checks found, or why it could not be checked.
 *
 * @param url      the page
 * @param device   {@code mobile} or {@code desktop}
 * @param status   the status crawlers get (0 when the farm could not be reached)
 * @param engine   the engine that rendered it
 * @param renderMs how long the render took
 * @param title    the first title, or {@code null}
 * @param problems its problems, most severe first
 * @param failure  the farm's reason when it could not render the page, or {@code null}
 */
public record AuditedPage(String url, String device, int status, String engine, long renderMs, String title,
                          List<Problem> problems, String failure) {

    public AuditedPage {
        problems = List.copyOf(problems);
    }

    /** The worst severity on the page; a failed render counts as an error. */
    public Severity worst() {
        if (failure != null) {
            return Severity.ERROR;
        }
        return problems.isEmpty() ? null : problems.get(0).severity();
    }

    /** Badness for ordering: failures, then errors, warnings and notices, then how many. */
    int weight() {
        int base = failure != null ? 4000 : worst() == null ? 0 : switch (worst()) {
            case ERROR -> 3000;
            case WARNING -> 2000;
            case NOTICE -> 1000;
        };
        return base + problems.size();
    }
}
