package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.TestJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real farm nodes sharing the machine's Redis: a crowd of requests for one uncached page across both
 * nodes renders it once; a prefix recache on one node re-renders what the other cached, and the status
 * (so warm) of one node sees the other's pages.
 * The pages live on a loopback origin on a port of this run, so every Redis key the test makes carries
 * that origin and is deleted at the end by prefix; nothing else in Redis is touched.
 */
class SharedTierFreshnessIT {
    private static final String TOKEN = "s3cret";
    private static final String REDIS_HOST = "127.0.0.1";
    private static final int REDIS_PORT = 6379;
    private static SiteOrigin origin;
    private static Farm nodeA;
    private static Farm nodeB;
    private static HttpClient http;
    private static FarmApiClient apiA;
    private static FarmApiClient apiB;

    @BeforeAll
    static void start() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 500);
        } catch (IOException e) {
            Assumptions.abort("No Redis at " + REDIS_HOST + ":" + REDIS_PORT + " (" + e.getMessage()
                    + "): start one to run the shared-tier freshness tests");
        }
        origin = SiteOrigin.start();
        for (String path : List.of("/shared/1", "/shared/2", "/shared-list", "/seen/1", "/seen/2")) {
            origin.put(path, SiteOrigin.page("Page " + path));
        }
        nodeA = node();
        nodeB = node();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        apiA = new FarmApiClient(http, URI.create("http://127.0.0.1:" + nodeA.port()), TOKEN, Duration.ofSeconds(20));
        apiB = new FarmApiClient(http, URI.create("http://127.0.0.1:" + nodeB.port()), TOKEN, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (nodeA != null) {
            nodeA.prerenderer().cache().invalidatePrefix(origin.origin() + "/"); // only this run's keys
            nodeA.stop();
        }
        if (nodeB != null) {
            nodeB.stop();
        }
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void prefixRecache_onNodeA_rerendersThePagesNodeBCached() throws Exception {
        URI one = URI.create(origin.url("/shared/1"));
        URI two = URI.create(origin.url("/shared/2"));
        URI outside = URI.create(origin.url("/shared-list"));
        assertThat(apiB.render(one, Device.DESKTOP).cache()).isEqualTo("MISS");
        assertThat(apiB.render(two, Device.MOBILE).cache()).isEqualTo("MISS");
        assertThat(apiB.render(outside, Device.DESKTOP).cache()).isEqualTo("MISS");
        int oneBefore = origin.hits("/shared/1");
        int twoBefore = origin.hits("/shared/2");
        int outsideBefore = origin.hits("/shared-list");
        origin.put("/shared/1", SiteOrigin.page("Shared one, build 42"));

        RecacheSummary summary = apiA.recache(List.of(), origin.url("/shared/"), null, "build-42");

        assertThat(summary.failed()).isEmpty();
        assertThat(summary.recached()).isEqualTo(2);
        assertThat(summary.invalidated()).isZero();
        assertThat(origin.hits("/shared/1")).isEqualTo(oneBefore + 1);
        assertThat(origin.hits("/shared/2")).isEqualTo(twoBefore + 1);
        assertThat(origin.hits("/shared-list")).as("/shared-list is not under /shared/").isEqualTo(outsideBefore);
        // Node B drops its old copy when node A's store is announced, then reads the new one from Redis.
        await(() -> {
            HttpResponse<String> served = get(nodeB, "/render?url=" + enc(one.toString()));
            return served.body().contains("Shared one, build 42") && served.headers()
                    .firstValue("X-Rendergate-Cache").orElse("").equals("HIT");
        });
        assertThat(origin.hits("/shared/1")).as("node B served node A's render").isEqualTo(oneBefore + 1);
        Map<?, ?> status = status(nodeB, two, Device.MOBILE);
        assertThat(status.get("state")).isEqualTo("fresh");
        assertThat(status.get("buildId")).isEqualTo("build-42");
    }

    @Test
    void twoNodes_200ConcurrentRequestsForOneUncachedPage_renderItOnce() throws Exception {
        String path = "/crowd";
        origin.put(path, SiteOrigin.page("Page " + path));
        String render = "/render?url=" + enc(origin.url(path));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Farm node = i % 2 == 0 ? nodeA : nodeB;
            answers.add(http.sendAsync(request(node, render), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> bodies = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            bodies.add(r.body());
        }
        assertThat(bodies).as("every answer is the one snapshot, render id included").hasSize(1);
        assertThat(bodies.iterator().next()).contains("Page /crowd");
        assertThat(origin.hits(path)).as("renders of the page, counted at the origin").isEqualTo(1);
    }

    @Test
    void status_onNodeA_seesWhatNodeBRendered_soWarmSkipsIt() throws Exception {
        URI seen = URI.create(origin.url("/seen/1"));
        URI unseen = URI.create(origin.url("/seen/2"));
        assertThat(apiB.render(seen, Device.DESKTOP).cache()).isEqualTo("MISS");
        int seenBefore = origin.hits("/seen/1");

        assertThat(apiA.state(seen, Device.DESKTOP)).isEqualTo(CacheState.FRESH);
        assertThat(apiA.state(seen, Device.MOBILE)).isEqualTo(CacheState.MISSING);
        assertThat(status(nodeA, seen, Device.DESKTOP).get("buildId")).isNull();
        WarmReport report = new Warmer(apiA, 2).warm(List.of(seen, unseen), List.of(Device.DESKTOP), false, p -> { });

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.rendered()).isEqualTo(1);
        assertThat(report.failed()).isEmpty();
        assertThat(origin.hits("/seen/1")).as("a status look never renders").isEqualTo(seenBefore);
        assertThat(origin.hits("/seen/2")).isEqualTo(1);
    }

    private static Farm node() {
        return Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.HTMLUNIT)
                .withToken(TOKEN)
                .withPoolSize(2)
                .withRenderTimeout(Duration.ofSeconds(5))
                .withNetworkIdle(Duration.ofMillis(200))
                .withRedisUri("redis://" + REDIS_HOST + ":" + REDIS_PORT)).start();
    }

    private static Map<?, ?> status(Farm node, URI url, Device device) throws Exception {
        HttpResponse<String> r = get(node, "/cache/status?url=" + enc(url.toString()) + "&device=" + device.label());
        assertThat(r.statusCode()).isEqualTo(200);
        return (Map<?, ?>) TestJson.parse(r.body());
    }

    private static HttpResponse<String> get(Farm node, String pathAndQuery) throws Exception {
        return http.send(request(node, pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(Farm node, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + pathAndQuery))
                .header("X-Prerender-Token", TOKEN).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static void await(Check condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime() - deadline).as("condition within 10 s").isNegative();
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
