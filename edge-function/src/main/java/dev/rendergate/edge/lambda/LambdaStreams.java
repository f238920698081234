package dev.rendergate.edge.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Runs one request trigger over a Lambda stream pair: UTF-8 JSON in, UTF-8 JSON out. */
final class LambdaStreams {

    /** Far above any CloudFront request event; a bigger input is not one. */
    static final int MAX_EVENT_BYTES = 1 << 20;

    private LambdaStreams() {
    }

    static void respond(RequestEventFunction function, InputStream input, OutputStream output, Context context)
            throws IOException {
        byte[] event = input.readNBytes(MAX_EVENT_BYTES + 1);
        if (event.length > MAX_EVENT_BYTES) {
            throw new MalformedEventException("event larger than " + MAX_EVENT_BYTES + " bytes");
        }
        try {
            output.write(function.handle(new String(event, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        } catch (MalformedEventException e) {
            if (context != null && context.getLogger() != null) {
                context.getLogger().log("rendergate edge: rejected event: " + e.getMessage());
            }
            throw e;
        }
    }
}
