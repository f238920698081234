package dev.rendergate.edge.lambda;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import dev.rendergate.edge.request.EdgeRequest;
import dev.rendergate.edge.request.ViewerRequestLogic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-event cost of the edge on the JVM: the whole handler core (JSON in, JSON out) for a crawler, a
 * person and an origin request, and the pure viewer logic alone (what the gateway pays per request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestEventFunctionBenchmark {

    private EdgeTriggers triggers;
    private ViewerRequestLogic viewerLogic;
    private String googlebotEvent;
    private String humanEvent;
    private String originEvent;
    private EdgeRequest googlebotRequest;

    @Setup
    public void setUp() {
        EdgeConfig config = EdgeConfig.from(SettingsText.parse(EventFixtures.settings()));
        triggers = EdgeTriggers.of(config, CrawlerClassifier.standard());
        viewerLogic = new ViewerRequestLogic(config, CrawlerClassifier.standard());
        // Compact, as Lambda delivers events; the fixtures are pretty-printed for review.
        googlebotEvent = compact(EventFixtures.event("viewer-googlebot-smartphone-deep-link"));
        humanEvent = compact(EventFixtures.event("viewer-human-chrome-deep-link"));
        originEvent = compact(EventFixtures.event("origin-marked-googlebot"));
        JsonObject request = CloudFrontRequestJson.requestOf(JsonReader.parse(googlebotEvent));
        googlebotRequest = CloudFrontRequestJson.toEdgeRequest(request);
    }

    private static String compact(String json) {
        return JsonWriter.write(JsonReader.parse(json));
    }

    @Benchmark
    public String viewerEventGooglebot() {
        return triggers.handle(googlebotEvent);
    }

    @Benchmark
    public String viewerEventHuman() {
        return triggers.handle(humanEvent);
    }

    @Benchmark
    public String originEventMarked() {
        return triggers.handle(originEvent);
    }

    @Benchmark
    public EdgeRequest viewerLogicGooglebot() {
        return viewerLogic.apply(googlebotRequest);
    }
}
