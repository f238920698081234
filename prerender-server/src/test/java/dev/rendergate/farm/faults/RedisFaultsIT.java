package dev.rendergate.farm.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.cache.CacheConfig;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis dying under a farm node while it waits for another node's render (single flight, the lock holder gone), and
 * coming back: the crawler still gets the page in time, {@code /ready} and the metrics say the shared tier is down
 * and then up, and snapshots reach Redis again without a restart. Uses a redis-server of its own.
 */
class RedisFaultsIT {
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Shared</title></head><body>"
            + "<p id=\"content\">Shared page</p></body></html>";

    private OwnRedis redis;
    private com.sun.net.httpserver.HttpServer origin;
    private Farm farm;
    private FarmClient client;
    private RedisClient lettuce;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(OwnRedis.executable().isPresent(),
                "redis-server is not installed (apt-get install redis-server): these faults need one to kill");
        redis = OwnRedis.start(OwnRedis.executable().get());
        origin = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 16);
        origin.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(originUrl())
                .withPrivateAddressException("127.0.0.1:" + origin.getAddress().getPort())
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(1)
                .withRedisUri(redis.uri())).start();
        client = new FarmClient(farm.port());
        lettuce = RedisClient.create(redis.uri());
        Await.until(() -> l2Up() == 1, Duration.ofSeconds(10), "the farm connected to Redis");
    }

    @AfterEach
    void stop() throws Exception {
        if (farm != null) {
            farm.stop();
            origin.stop(0);
            lettuce.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void redisDiesWhileWaitingOnAGoneLockHolder_crawlerStillGetsThePage_readyAndMetricsSaySo_andItHealsWhenBack()
            throws Exception {
        String url = originUrl() + "/held";
        holdLockForAnotherNode(url);

        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = client.renderAsync(url);
        // The follower polls Redis for the holder's snapshot; the holder is gone and now Redis goes too.
        Await.until(() -> System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(500), Duration.ofSeconds(2),
                "the follower waiting");
        assertThat(answer).isNotDone();
        redis.kill();
        HttpResponse<String> r = answer.get(15, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Shared page");
        assertThat(took).as("rendered on its own once Redis is gone, not after the lock's lease")
                .isLessThan(Duration.ofSeconds(8));
        Await.until(() -> l2Up() == 0, Duration.ofSeconds(5), "the metric says Redis is down");
        HttpResponse<String> ready = client.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("shared cache (Redis) down");
        assertThat(farm.prerenderer().metrics().scrape()).containsPattern("rendergate_cache_l2_errors_total [1-9]");

        redis.up();
        Await.until(() -> l2Up() == 1, Duration.ofSeconds(15), "the farm reconnected to Redis");
        assertThat(client.get("/ready").body()).doesNotContain("Redis");
        String after = originUrl() + "/after";
        assertThat(client.render(after).statusCode()).isEqualTo(200);
        try (StatefulRedisConnection<String, String> c = lettuce.connect()) {
            assertThat(c.sync().exists(snapKey(after))).as("snapshots reach Redis again").isEqualTo(1);
        }
    }

    /** A node took the render lock and died without storing: the lock stays for its whole lease. */
    private void holdLockForAnotherNode(String url) {
        try (StatefulRedisConnection<String, String> c = lettuce.connect()) {
            c.sync().psetex(CacheConfig.DEFAULT_KEY_PREFIX + "lock:" + key(url).id(), 60_000, "999999999");
        }
    }

    private String snapKey(String url) {
        return CacheConfig.DEFAULT_KEY_PREFIX + "snap:" + key(url).id();
    }

    private static CacheKey key(String url) {
        return CacheKey.of(URI.create(url), Device.DESKTOP);
    }

    private double l2Up() {
        String scrape = farm.prerenderer().metrics().scrape();
        return scrape.contains("rendergate_cache_l2_up 1.0") ? 1 : scrape.contains("rendergate_cache_l2_up 0.0") ? 0 : -1;
    }

    private String originUrl() {
        return "http://127.0.0.1:" + origin.getAddress().getPort();
    }
}
