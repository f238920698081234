package dev.rendergate.farm.render;

import java.time.Duration;
import java.util.List;

/**
 * The render-side part of the farm's configuration.
 *
 * @param renderTimeout   hard budget of one render
 * @param timeoutStatus   status of a render that overran its budget
 * @param networkIdle     quiet period that ends a render of a page without {@code prerenderReady}
 * @param appRootSelector CSS selector of the SPA root, for HtmlUnit validation
 * @param allowedOrigins  origins that may be rendered ({@code scheme://host:port})
 * @param publicOrigin    origin {@code Location} headers are rewritten to, or null
 */
public record RenderSettings(Duration renderTimeout, int timeoutStatus, Duration networkIdle, String appRootSelector,
                             List<String> allowedOrigins, String publicOrigin) {
    public RenderSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
