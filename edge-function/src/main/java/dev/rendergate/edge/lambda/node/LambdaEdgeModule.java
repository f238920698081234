package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.lambda.EdgeBuildConfig;
import dev.rendergate.edge.lambda.SettingsText;
import dev.rendergate.edge.request.EdgeConfig;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The JavaScript module TeaVM builds for Lambda@Edge. Its functions take the CloudFront event object
 * node passes to the handler and return the request object to hand back, as {@code index.js} exports
 * them; no JSON text is produced or parsed on the way.
 *
 * <p>The triggers are built on first use, which {@code index.js} makes happen during Lambda's init phase.
 */
public final class LambdaEdgeModule {

    private LambdaEdgeModule() {
    }

    /**
     * Handles a viewer-request or origin-request event, chosen by its {@code cf.config.eventType}.
     *
     * @param event the CloudFront event
     * @return the request to return to CloudFront
     */
    @JSExport
    public static JSObject handle(JSObject event) {
        return Bundled.TRIGGERS.handle(event);
    }

    /** @return the viewer-request result for an event, whatever its event type says */
    @JSExport
    public static JSObject viewerRequest(JSObject event) {
        return Bundled.TRIGGERS.viewer(event);
    }

    /** @return the origin-request result for an event, whatever its event type says */
    @JSExport
    public static JSObject originRequest(JSObject event) {
        return Bundled.TRIGGERS.origin(event);
    }

    /**
     * Handles an event under other settings than the bundled ones, so that the conformance test can run
     * both builds under one known configuration.
     *
     * @param settings {@code key=value} lines as {@link EdgeConfig#from} reads them
     * @param event    the CloudFront event
     * @return the request
     */
    @JSExport
    public static JSObject handleWithSettings(String settings, JSObject event) {
        EdgeConfig config = EdgeConfig.from(SettingsText.parse(settings));
        return new JsEventTriggers(config, CrawlerClassifier.standard(JsRegExpMatcherFactory.INSTANCE)).handle(event);
    }

    private static final class Bundled {
        static final JsEventTriggers TRIGGERS = new JsEventTriggers(EdgeBuildConfig.edgeConfig(),
                CrawlerClassifier.standard(JsRegExpMatcherFactory.INSTANCE));
    }
}
