package dev.rendergate.edge.lambda;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Both request triggers behind one entry point that dispatches on the event's
 * {@code Records[0].cf.config.eventType}, so one deployed function can serve the viewer-request and
 * the origin-request association.
 */
public final class EdgeTriggers {

    private final RequestEventFunction viewer;
    private final RequestEventFunction origin;

    private EdgeTriggers(RequestEventFunction viewer, RequestEventFunction origin) {
        this.viewer = viewer;
        this.origin = origin;
    }

    /**
     * @param config     the deployment's configuration
     * @param classifier the crawler classifier
     * @return both triggers for this configuration
     */
    public static EdgeTriggers of(EdgeConfig config, CrawlerClassifier classifier) {
        Objects.requireNonNull(config, "config");
        return new EdgeTriggers(RequestEventFunction.viewer(config, classifier), RequestEventFunction.origin(config));
    }

    /** @return the viewer-request trigger */
    public RequestEventFunction viewer() {
        return viewer;
    }

    /** @return the origin-request trigger */
    public RequestEventFunction origin() {
        return origin;
    }

    /**
     * Handles an event of either request trigger.
     *
     * @param eventJson the CloudFront event as JSON text
     * @return the request to hand back, as JSON text; unchanged for other event types
     * @throws MalformedEventException when the text is not a CloudFront request event
     */
    public String handle(String eventJson) {
        Object event = JsonReader.parse(eventJson);
        String eventType = eventTypeOf(event);
        if (eventType.equals("viewer-request")) {
            return viewer.handleParsed(event);
        }
        if (eventType.equals("origin-request")) {
            return origin.handleParsed(event);
        }
        return JsonWriter.write(CloudFrontRequestJson.requestOf(event));
    }

    private static String eventTypeOf(Object event) {
        if (event instanceof Map && ((Map<?, ?>) event).get("Records") instanceof List) {
            List<?> records = (List<?>) ((Map<?, ?>) event).get("Records");
            if (!records.isEmpty() && records.get(0) instanceof Map
                    && ((Map<?, ?>) records.get(0)).get("cf") instanceof Map) {
                Object config = ((Map<?, ?>) ((Map<?, ?>) records.get(0)).get("cf")).get("config");
                if (config instanceof Map && ((Map<?, ?>) config).get("eventType") instanceof String) {
                    return (String) ((Map<?, ?>) config).get("eventType");
                }
            }
        }
        return "";
    }
}
