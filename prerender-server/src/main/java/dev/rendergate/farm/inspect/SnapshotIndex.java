package dev.rendergate.farm.inspect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.inspect.seo.Problem;
import dev.rendergate.farm.inspect.seo.RenderInfo;
import dev.rendergate.farm.inspect.seo.SeoChecks;
import dev.rendergate.farm.seo.SeoFacts;
import dev.rendergate.farm.seo.SeoFactsReader;
import dev.rendergate.farm.prerender.RenderListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The inspector's history of what this node rendered: for each page and device the latest render and the one
 * before it, with SEO facts and problems worked out once per render. Two problems are judged when the list or a
 * detail is read, since they change after the render: a title other pages share, and an HtmlUnit snapshot of a
 * route on which HtmlUnit has since disagreed with Chromium. Bounded by bytes (least recently rendered pages go
 * first); thread-safe.
 */
public final class SnapshotIndex implements RenderListener {
    private final Cache<String, Versions> versions;
    private final SeoChecks checks;
    private final EngineDisagreements routes;
    private final Clock clock;

    /**
     * @param maxBytes the bound of the history (deflated HTML and facts, estimated)
     * @param checks   the page checks
     * @param routes   what the farm knows of each route's engines (for the engine-disagreement check)
     * @param clock    the wall clock ages are measured on
     */
    public SnapshotIndex(long maxBytes, SeoChecks checks, EngineDisagreements routes, Clock clock) {
        this.versions = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumWeight(maxBytes)
                // The id (device and URL) is counted too: a flood of long URLs must not outgrow the bound.
                .weigher((String id, Versions v) -> (int) Math.min(Integer.MAX_VALUE, 40L + 2L * id.length()
                        + v.current().weight() + (v.previous() == null ? 0 : v.previous().weight())))
                .build();
        this.checks = Objects.requireNonNull(checks, "checks");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void rendered(CacheKey key, Snapshot snapshot) {
        record(key, snapshot);
    }

    /** Keeps {@code snapshot} as the latest render of {@code key}; the one it replaces becomes the previous. */
    public SnapshotRecord record(CacheKey key, Snapshot snapshot) {
        String html = snapshot.html();
        SeoFacts facts = SeoFactsReader.read(key.url(), snapshot.status(), snapshot.headers(), html);
        RenderInfo render = RenderInfo.of(snapshot.renderMillis(), snapshot.engine());
        SnapshotRecord record = new SnapshotRecord(SnapshotId.of(key), key.url(), key.device(), snapshot.status(),
                snapshot.headers(), snapshot.engine(), snapshot.renderMillis(), snapshot.renderedAt(),
                snapshot.body().length, facts, checks.check(facts, render), null,
                SnapshotRecord.deflate(snapshot.body()));
        versions.asMap().compute(record.id(), (id, old) -> new Versions(record, old == null ? null : old.current()));
        return record;
    }

    /** Marks the latest render of {@code key} as made for {@code crawler} (an inspector action). */
    public void markRenderedAs(CacheKey key, String crawler) {
        versions.asMap().computeIfPresent(SnapshotId.of(key),
                (id, v) -> new Versions(v.current().renderedAs(crawler), v.previous()));
    }

    /** The versions kept under {@code id}, if any. */
    public Optional<Versions> get(String id) {
        return SnapshotId.wellFormed(id) ? Optional.ofNullable(versions.getIfPresent(id)) : Optional.empty();
    }

    /** The versions kept for {@code key}, if any. */
    public Optional<Versions> get(CacheKey key) {
        return Optional.ofNullable(versions.getIfPresent(SnapshotId.of(key)));
    }

    /** One page of the list, filtered and sorted as {@code query} says. */
    public SnapshotPage list(SnapshotQuery query) {
        Collection<Versions> all = versions.asMap().values();
        TitleOwners titles = TitleOwners.of(all);
        List<SnapshotRow> rows = new ArrayList<>();
        for (Versions v : all) {
            SnapshotRow row = SnapshotRow.of(v.current(), problems(v.current(), titles), clock.instant());
            if (query.matches(row)) {
                rows.add(row);
            }
        }
        return query.page(rows);
    }

    /** The problems of {@code record}: its own checks plus a title other pages share. */
    public List<Problem> problems(SnapshotRecord record) {
        return problems(record, TitleOwners.of(versions.asMap().values()));
    }

    /** How many pages and devices are kept. */
    public long size() {
        return versions.estimatedSize();
    }

    private List<Problem> problems(SnapshotRecord record, TitleOwners titles) {
        Optional<Problem> duplicate = record.status() != 200 ? Optional.empty()
                : SeoChecks.duplicateTitle(record.facts().title(), titles.others(record.facts().title(), record.url()));
        Optional<Problem> disagreement = SeoChecks.engineDisagreement(new RenderInfo(record.renderMillis(),
                record.engine(), routes.disagreement(record.url(), record.engine())));
        if (duplicate.isEmpty() && disagreement.isEmpty()) {
            return record.problems();
        }
        List<Problem> all = new ArrayList<>(record.problems());
        duplicate.ifPresent(all::add);
        disagreement.ifPresent(all::add);
        all.sort((a, b) -> a.severity().compareTo(b.severity()));
        return all;
    }

    /** Which URLs have each title (a page's mobile and desktop snapshots are one page). */
    private record TitleOwners(Map<String, Set<String>> urlsByTitle) {
        static TitleOwners of(Collection<Versions> all) {
            Map<String, Set<String>> byTitle = new HashMap<>();
            for (Versions v : all) {
                SnapshotRecord r = v.current();
                String title = r.facts().title();
                if (r.status() == 200 && title != null && !title.isBlank()) {
                    byTitle.computeIfAbsent(title, t -> new HashSet<>(2)).add(r.url());
                }
            }
            return new TitleOwners(byTitle);
        }

        int others(String title, String url) {
            Set<String> urls = title == null ? null : urlsByTitle.get(title);
            return urls == null ? 0 : urls.size() - (urls.contains(url) ? 1 : 0);
        }
    }
}
