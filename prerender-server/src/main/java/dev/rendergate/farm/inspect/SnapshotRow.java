package dev.rendergate.farm.inspect;

import dev.rendergate.farm.inspect.seo.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One line of the snapshot list.
 *
 * @param id           the page's id ({@code /inspect/api/snapshots/{id}})
 * @param url          the page
 * @param device       {@code mobile} or {@code desktop}
 * @param status       the status crawlers get
 * @param title        the first title, or {@code null}
 * @param renderedAt   when it was rendered
 * @param ageSeconds   how long ago
 * @param engine       the engine that rendered it
 * @param renderMs     how long the render took
 * @param bytes        size of the HTML
 * @param flags        the labels of its problems, most severe first
 * @param severity     the worst problem's severity, or {@code null}
 * @param renderedAs   the crawler an inspector user rendered it as, or {@code null}
 */
public record SnapshotRow(String id, String url, String device, int status, String title, Instant renderedAt,
                          long ageSeconds, String engine, long renderMs, int bytes, List<String> flags,
                          String severity, String renderedAs) {

    static SnapshotRow of(SnapshotRecord r, List<Problem> problems, Instant now) {
        return new SnapshotRow(r.id(), r.url(), r.device().label(), r.status(), r.facts().title(), r.renderedAt(),
                Math.max(0, Duration.between(r.renderedAt(), now).toSeconds()), r.engine(), r.renderMillis(), r.bytes(),
                problems.stream().map(p -> p.kind().label()).toList(),
                problems.isEmpty() ? null : problems.get(0).severity().label(), r.renderedAs());
    }
}
