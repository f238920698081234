package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.prerender.Prerenderer;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.render.PoolSaturatedException;
import java.net.URI;

/** A {@link WarmTarget} on a farm node in this process (the scheduled re-warm): no HTTP, same cache. */
public final class LocalWarmTarget implements WarmTarget {
    private final Prerenderer farm;
    private final FarmFreshness freshness;

    public LocalWarmTarget(Prerenderer farm, FarmFreshness freshness) {
        this.farm = farm;
        this.freshness = freshness;
    }

    @Override
    public CacheState state(URI url, Device device) {
        try {
            return freshness.state(url, device);
        } catch (IllegalArgumentException e) {
            return CacheState.UNKNOWN;
        }
    }

    @Override
    public Attempt render(URI url, Device device) {
        try {
            RenderResult result = farm.render(url, device);
            return new Attempt(result.status(), result.cache(), result.reason());
        } catch (RejectedRequestException e) {
            return Attempt.failed(e.status(), e.reason());
        } catch (PoolSaturatedException e) {
            return Attempt.failed(503, "overloaded");
        }
    }

    @Override
    public Attempt recache(URI url, Device device) {
        String reason = freshness.recache(url, device);
        return new Attempt(reason == null ? 200 : 0, "MISS", reason);
    }
}
