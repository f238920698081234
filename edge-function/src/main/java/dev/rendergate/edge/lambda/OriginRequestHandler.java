package dev.rendergate.edge.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The CloudFront origin-request trigger as a Java Lambda handler
 * ({@code dev.rendergate.edge.lambda.OriginRequestHandler::handleRequest}).
 *
 * <p>A thin adapter: the configuration bundled at build time is read once per
 * runtime, each event goes through {@link RequestEventFunction}. Lambda@Edge itself runs the
 * JavaScript build of the same code; this handler serves regional Lambda deployments and the tests.
 */
public final class OriginRequestHandler implements RequestStreamHandler {

    private static final RequestEventFunction FUNCTION =
            RequestEventFunction.origin(EdgeBuildConfig.edgeConfig());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaStreams.respond(FUNCTION, input, output, context);
    }

    /**
     * Handles one event as text, for callers without Lambda streams.
     *
     * @param eventJson the CloudFront event
     * @return the request JSON to return to CloudFront
     */
    public static String handle(String eventJson) {
        return FUNCTION.handle(eventJson);
    }
}
