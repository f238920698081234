package dev.rendergate.farm.inspect;

import dev.rendergate.farm.inspect.seo.Problem;
import dev.rendergate.farm.seo.SeoFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the detail view shows of one render.
 *
 * @param row                 the list row (url, device, status, title, engine, ...)
 * @param facts               the SEO facts
 * @param problems            each problem with its explanation and fix
 * @param headers             the headers served with the snapshot
 * @param previousRenderedAt  when the previous render was made, or {@code null} when none is kept
 * @param version             {@code current} or {@code previous}
 */
public record SnapshotDetail(SnapshotRow row, SeoFacts facts, List<ProblemView> problems, Map<String, String> headers,
                             Instant previousRenderedAt, String version) {

    /**
     * A problem as shown: its label, severity, one-sentence explanation, fix and what was seen.
     */
    public record ProblemView(String kind, String severity, String explanation, String fix, String detail) {
        static ProblemView of(Problem p) {
            return new ProblemView(p.kind().label(), p.severity().label(), p.kind().explanation(), p.kind().fix(),
                    p.detail());
        }
    }

    static SnapshotDetail of(SnapshotRecord record, List<Problem> problems, SnapshotRecord previous, String version,
                             Instant now) {
        return new SnapshotDetail(SnapshotRow.of(record, problems, now), record.facts(),
                problems.stream().map(ProblemView::of).toList(), record.headers(),
                previous == null ? null : previous.renderedAt(), version);
    }
}
