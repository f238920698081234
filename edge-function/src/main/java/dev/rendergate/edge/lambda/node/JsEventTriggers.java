package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import dev.rendergate.edge.request.EdgeRequest;
import dev.rendergate.edge.request.OriginRequestLogic;
import dev.rendergate.edge.request.ViewerRequestLogic;
import java.util.function.UnaryOperator;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Both request triggers over the event objects node hands to a Lambda@Edge handler: the JavaScript
 * counterpart of {@code EdgeTriggers}, with the same dispatch on {@code Records[0].cf.config.eventType},
 * the same logic and the same fail-open rule.
 */
final class JsEventTriggers {

    // Built once: a method reference taken per call would be an object allocated per event.
    private final UnaryOperator<EdgeRequest> viewer;
    private final UnaryOperator<EdgeRequest> origin;

    JsEventTriggers(EdgeConfig config, CrawlerClassifier classifier) {
        this.viewer = new ViewerRequestLogic(config, classifier)::apply;
        this.origin = new OriginRequestLogic(config, JsEventTriggers::join)::apply;
    }

    /** Two strings joined by the engine: no copy through a typed array, as {@link String#concat} makes. */
    @JSBody(params = {"left", "right"}, script = "return left + right;")
    private static native String join(String left, String right);

    /** Either trigger, chosen by the event type; other event types get their request back unchanged. */
    JSObject handle(JSObject event) {
        JSObject request = JsRequestEvent.requestOf(event);
        String eventType = JsRequestEvent.eventType(event);
        if (eventType.equals("viewer-request")) {
            return run(request, viewer);
        }
        if (eventType.equals("origin-request")) {
            return run(request, origin);
        }
        return request;
    }

    /** The viewer-request trigger, whatever the event type says. */
    JSObject viewer(JSObject event) {
        return run(JsRequestEvent.requestOf(event), viewer);
    }

    /** The origin-request trigger, whatever the event type says. */
    JSObject origin(JSObject event) {
        return run(JsRequestEvent.requestOf(event), origin);
    }

    /** One trigger's logic over the event's request; fails open to the request as it came. */
    private static JSObject run(JSObject request, UnaryOperator<EdgeRequest> logic) {
        try {
            EdgeRequest before = JsRequestEvent.toEdgeRequest(request);
            return JsRequestEvent.result(request, before, logic.apply(before));
        } catch (RuntimeException e) {
            return request;
        }
    }
}
