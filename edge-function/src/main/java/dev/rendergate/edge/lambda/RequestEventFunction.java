package dev.rendergate.edge.lambda;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import dev.rendergate.edge.request.EdgeRequest;
import dev.rendergate.edge.request.OriginRequestLogic;
import dev.rendergate.edge.request.ViewerRequestLogic;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One CloudFront request trigger as a pure function from the event JSON to the request JSON that the
 * function returns to CloudFront.
 *
 * <p>The output is deterministic (sorted keys, ASCII-only), which lets the conformance test compare the
 * JVM and the JavaScript build byte for byte. Instances are immutable and thread-safe; build one per
 * trigger at start-up.
 */
public final class RequestEventFunction {

    private final UnaryOperator<EdgeRequest> logic;

    private RequestEventFunction(UnaryOperator<EdgeRequest> logic) {
        this.logic = Objects.requireNonNull(logic, "logic");
    }

    /**
     * The viewer-request trigger.
     *
     * @param config     the deployment's configuration
     * @param classifier the crawler classifier
     * @return the function
     */
    public static RequestEventFunction viewer(EdgeConfig config, CrawlerClassifier classifier) {
        ViewerRequestLogic viewer = new ViewerRequestLogic(config, classifier);
        return new RequestEventFunction(new UnaryOperator<>() {
            @Override
            public EdgeRequest apply(EdgeRequest request) {
                return viewer.apply(request);
            }
        });
    }

    /**
     * The origin-request trigger.
     *
     * @param config the deployment's configuration
     * @return the function
     */
    public static RequestEventFunction origin(EdgeConfig config) {
        OriginRequestLogic origin = new OriginRequestLogic(config);
        return new RequestEventFunction(new UnaryOperator<>() {
            @Override
            public EdgeRequest apply(EdgeRequest request) {
                return origin.apply(request);
            }
        });
    }

    /**
     * Handles one event.
     *
     * @param eventJson the CloudFront event as JSON text
     * @return the request to hand back to CloudFront, as JSON text
     * @throws MalformedEventException when the text is not a CloudFront request event
     */
    public String handle(String eventJson) {
        return handleParsed(JsonReader.parse(eventJson));
    }

    /** Handles an event that is already parsed; fails open to the unchanged request. */
    String handleParsed(Object event) {
        JsonObject request = CloudFrontRequestJson.requestOf(event);
        try {
            EdgeRequest before = CloudFrontRequestJson.toEdgeRequest(request);
            EdgeRequest after = logic.apply(before);
            return JsonWriter.write(CloudFrontRequestJson.toJson(request, before, after));
        } catch (RuntimeException e) {
            return JsonWriter.write(request);
        }
    }
}
