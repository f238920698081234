package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.lambda.EdgeBuildConfig;
import dev.rendergate.edge.lambda.EdgeTriggers;
import dev.rendergate.edge.lambda.SettingsText;
import dev.rendergate.edge.request.EdgeConfig;
import org.teavm.jso.JSExport;

/**
 * The JavaScript module TeaVM builds for Lambda@Edge: JSON text in, JSON text out, exactly as the JVM
 * handlers do. {@code index.js} turns the event object into text and the result back into an object.
 *
 * <p>The triggers are built on first use, so {@code require} stays cheap and the regex compilation is
 * paid by the first event of a runtime.
 */
public final class LambdaEdgeModule {

    private LambdaEdgeModule() {
    }

    /**
     * Handles a viewer-request or origin-request event, chosen by its {@code cf.config.eventType}.
     *
     * @param eventJson the CloudFront event
     * @return the request JSON to return to CloudFront
     */
    @JSExport
    public static String handle(String eventJson) {
        return Bundled.TRIGGERS.handle(eventJson);
    }

    /** @return the viewer-request result for an event, whatever its event type says */
    @JSExport
    public static String viewerRequest(String eventJson) {
        return Bundled.TRIGGERS.viewer().handle(eventJson);
    }

    /** @return the origin-request result for an event, whatever its event type says */
    @JSExport
    public static String originRequest(String eventJson) {
        return Bundled.TRIGGERS.origin().handle(eventJson);
    }

    /**
     * Handles an event under other settings than the bundled ones, so that the conformance test can run
     * both builds under one known configuration.
     *
     * @param settings  {@code key=value} lines as {@link EdgeConfig#from} reads them
     * @param eventJson the CloudFront event
     * @return the request JSON
     */
    @JSExport
    public static String handleWithSettings(String settings, String eventJson) {
        EdgeConfig config = EdgeConfig.from(SettingsText.parse(settings));
        return EdgeTriggers.of(config, CrawlerClassifier.standard(JsRegExpMatcherFactory.INSTANCE), JsStringSink::new)
                .handle(eventJson);
    }

    private static final class Bundled {
        static final EdgeTriggers TRIGGERS = EdgeTriggers.of(EdgeBuildConfig.edgeConfig(),
                CrawlerClassifier.standard(JsRegExpMatcherFactory.INSTANCE), JsStringSink::new);
    }
}
