package dev.rendergate.edge.lambda;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the JVM handler's initialisation as a Lambda runtime pays it: from a fresh JVM, the time
 * until the first viewer-request and origin-request events have been handled (class loading, the
 * bundled configuration, the classifier's rules and patterns), then the second call for comparison.
 *
 * <p>Run in a new JVM per measurement: {@code java -cp <test classpath> dev.rendergate.edge.lambda.ColdStartProbe
 * <viewer event file> <origin event file>}.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String viewerEvent = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        String originEvent = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        if (args.length > 2 && args[2].equals("--phases")) {
            long config = System.nanoTime();
            EdgeBuildConfig.edgeConfig();
            long classifier = System.nanoTime();
            dev.rendergate.edge.detect.CrawlerClassifier.standard();
            long done = System.nanoTime();
            System.out.printf("phases: bundled config %.1f ms, classifier %.1f ms%n",
                    (classifier - config) / 1e6, (done - classifier) / 1e6);
        }
        String viewer = ViewerRequestHandler.handle(viewerEvent);
        long viewerDone = System.nanoTime();
        String origin = OriginRequestHandler.handle(originEvent);
        long originDone = System.nanoTime();
        ViewerRequestHandler.handle(viewerEvent);
        long second = System.nanoTime();
        System.out.printf("first viewer event %.1f ms, first origin event %.1f ms, second viewer event %.3f ms"
                + " (output %d + %d chars)%n", (viewerDone - start) / 1e6, (originDone - viewerDone) / 1e6,
                (second - originDone) / 1e6, viewer.length(), origin.length());
    }
}
