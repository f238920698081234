package dev.rendergate.farm.prerender;

import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.Snapshot;

/**
 * Told about every page the farm renders (cached or not, any status), on the rendering thread: the inspector keeps
 * its history this way. Must be quick and must not throw; a listener that does is logged and ignored.
 */
@FunctionalInterface
public interface RenderListener {
    /** A listener that does nothing. */
    RenderListener NONE = (key, snapshot) -> { };

    /** {@code snapshot} was just rendered for {@code key}. */
    void rendered(CacheKey key, Snapshot snapshot);
}
