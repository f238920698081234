package dev.rendergate.gateway.route;

import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.server.Handler;
import dev.rendergate.gateway.statics.StaticSite;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.BooleanSupplier;

/** Routes each request to the origin that answers it, in a fixed order of precedence. */
public final class GatewayRouter implements Handler {

    private final StaticSite site;
    private final BooleanSupplier draining;

    public GatewayRouter(StaticSite site, BooleanSupplier draining) {
        this.site = site;
        this.draining = draining;
    }

    @Override
    public void handle(Exchange ex, FullHttpRequest request) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (path.equals("/healthz")) {
            health(ex);
        } else if (path.startsWith("/api/")) {
            ex.route("api");
            site.serve(ex, path, null);
        } else {
            ex.route("static");
            site.serve(ex, path, null);
        }
    }

    private void health(Exchange ex) {
        ex.route("health");
        DefaultHttpHeaders noStore = new DefaultHttpHeaders();
        noStore.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (draining.getAsBoolean()) {
            ex.closeAfterResponse();
            ex.sendText(HttpResponseStatus.SERVICE_UNAVAILABLE, "draining", noStore);
        } else {
            ex.sendText(HttpResponseStatus.OK, "ok", noStore);
        }
    }
}
