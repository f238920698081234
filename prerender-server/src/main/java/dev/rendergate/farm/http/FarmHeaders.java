package dev.rendergate.farm.http;

import io.undertow.util.HttpString;

/** Header names of the farm's API. */
public final class FarmHeaders {
    public static final HttpString TOKEN = HttpString.tryFromString("X-Prerender-Token");
    public static final HttpString DEVICE = HttpString.tryFromString("X-Rendergate-Device");
    public static final HttpString ENGINE = HttpString.tryFromString("X-Rendergate-Engine");
    public static final HttpString CACHE = HttpString.tryFromString("X-Rendergate-Cache");
    public static final HttpString RENDER_MS = HttpString.tryFromString("X-Rendergate-Render-Ms");
    public static final HttpString REASON = HttpString.tryFromString("X-Rendergate-Reason");

    private FarmHeaders() {
    }
}
