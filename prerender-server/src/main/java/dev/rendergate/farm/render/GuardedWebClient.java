package dev.rendergate.farm.render;

import dev.rendergate.farm.guard.EngineSchemes;
import dev.rendergate.farm.guard.SubrequestPolicy;
import java.io.IOException;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;

/**
 * A {@link WebClient} that refuses every scheme but http(s), {@code data:}, {@code blob:} and {@code about:}.
 * HtmlUnit answers {@code file:} (and the other in-engine schemes) itself, before its web connection, so the
 * {@link GuardedConnection} never sees them: a {@code <script src="file:///...">} on an allowed page would read the
 * farm's disk. Every load of every window, frame, script and XHR passes {@link #loadWebResponse(WebRequest)}.
 */
final class GuardedWebClient extends WebClient {
    private GuardedConnection connection;

    GuardedWebClient(BrowserVersion browser) {
        super(browser);
    }

    /** Sets the guard that answers refused requests (it wraps this client's connection, so it comes second). */
    void guardWith(GuardedConnection guard) {
        this.connection = guard;
    }

    @Override
    public WebResponse loadWebResponse(WebRequest request) throws IOException {
        if (EngineSchemes.of(request.getUrl().getProtocol()) == EngineSchemes.Kind.REFUSED) {
            return connection.refuse(request, SubrequestPolicy.Decision.BLOCK_SCHEME);
        }
        return super.loadWebResponse(request);
    }
}
