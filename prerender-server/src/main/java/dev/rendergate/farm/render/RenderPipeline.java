package dev.rendergate.farm.render;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Engine pool plus the steps every snapshot goes through whatever engine made it: status and headers from the
 * page's metas, {@code Location} made absolute and moved to the public origin, post-processing.
 */
public final class RenderPipeline implements AutoCloseable {
    /** The largest page kept as a snapshot, in characters; a bigger one is refused before it is parsed. */
    static final int MAX_SNAPSHOT_CHARS = 8 << 20;
    private final EnginePool pool;
    private final RenderSettings settings;
    private final AutoCloseable sharedEngines;
    private final java.util.function.BooleanSupplier enginesStarted;
    private final java.util.function.Supplier<java.util.Optional<String>> degraded;

    /**
     * @param pool           the engine pool
     * @param settings       render settings
     * @param sharedEngines  engines shared by all slots (closed after the pool), or null
     * @param enginesStarted true once every engine finished starting
     * @param degraded       what is missing for full fidelity now (no Chromium, or Chromium down), asked at each
     *                       {@code /ready}
     */
    public RenderPipeline(EnginePool pool, RenderSettings settings, AutoCloseable sharedEngines,
                          java.util.function.BooleanSupplier enginesStarted,
                          java.util.function.Supplier<java.util.Optional<String>> degraded) {
        this.pool = pool;
        this.settings = settings;
        this.sharedEngines = sharedEngines;
        this.enginesStarted = enginesStarted;
        this.degraded = degraded;
    }

    /** What is missing for full fidelity (e.g. no Chromium in {@code auto}), or empty. */
    public java.util.Optional<String> degraded() {
        return degraded.get();
    }

    /** Engines started and a render would not be refused. */
    public boolean ready() {
        return enginesStarted.getAsBoolean() && !pool.saturated();
    }

    /**
     * Renders and post-processes one job.
     *
     * @throws PoolSaturatedException when the queue is full
     */
    public RenderOutcome render(RenderJob job) {
        RenderOutcome outcome = pool.render(job);
        if (!(outcome instanceof RenderOutcome.Rendered r)) {
            return outcome;
        }
        if (r.html().length() > MAX_SNAPSHOT_CHARS) {
            return new RenderOutcome.Failed(502, FailureReason.TOO_LARGE, r.html().length() + " chars", r.engine());
        }
        RenderOutcome.Rendered done = finish(r);
        // The budget is a hard bound: a page finished past it is never answered as a page, nor cached.
        return job.expired() ? new RenderOutcome.Failed(settings.timeoutStatus(), FailureReason.TIMEOUT,
                "finished after the budget", r.engine()) : done;
    }

    /** The pool behind this pipeline (queue depth, readiness). */
    public EnginePool pool() {
        return pool;
    }

    RenderOutcome.Rendered finish(RenderOutcome.Rendered r) {
        Document doc = Jsoup.parse(r.html(), r.finalUrl().toString());
        PageSignals signals = PageSignals.extract(doc);
        int status = signals.status().orElse(r.status());
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.putAll(signals.headers());
        String location = headers.get("Location");
        if (location != null) {
            headers.put("Location", publicLocation(r.finalUrl(), location));
        }
        SnapshotPostProcessor.process(doc, r.finalUrl(), UUID.randomUUID().toString());
        return r.with(doc.outerHtml(), status, headers);
    }

    /** Absolute, and on the public origin when it points at one of the allowed (internal) origins. */
    String publicLocation(URI page, String location) {
        URI absolute;
        try {
            absolute = page.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (settings.publicOrigin() == null || absolute.getHost() == null || absolute.getScheme() == null) {
            return absolute.toString();
        }
        String origin = dev.rendergate.farm.guard.UrlGuard.originOf(absolute);
        if (!settings.allowedOrigins().contains(origin)) {
            return absolute.toString();
        }
        URI pub = URI.create(settings.publicOrigin());
        int port = dev.rendergate.farm.guard.UrlGuard.effectivePort(pub);
        boolean defaultPort = (pub.getScheme().equals("https") && port == 443) || (pub.getScheme().equals("http") && port == 80);
        String authority = pub.getHost() + (defaultPort ? "" : ":" + port);
        String rest = absolute.getRawPath() + (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery())
                + (absolute.getRawFragment() == null ? "" : "#" + absolute.getRawFragment());
        return pub.getScheme() + "://" + authority + rest;
    }

    @Override
    public void close() {
        pool.close();
        if (sharedEngines != null) {
            try {
                sharedEngines.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(RenderPipeline.class).warn("event=engine-close-failed error={}", e.toString());
            }
        }
    }
}
