package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One engine, no queue: a second render is refused at once; a runaway script is killed and the engine replaced. */
class PoolLimitsIT {
    private OriginServer origin;
    private Farm farm;
    private FarmClient client;

    @BeforeEach
    void start() throws Exception {
        origin = OriginServer.start();
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(1)
                .withQueueSize(0)
                .withCacheMaxBytes(0)
                .withRenderTimeout(Duration.ofSeconds(2))).start();
        client = new FarmClient(farm.port());
    }

    @AfterEach
    void stop() {
        farm.stop();
        origin.close();
    }

    @Test
    void queueFull_answers503WithRetryAfter_fast() {
        CompletableFuture<HttpResponse<String>> busy = client.renderAsync(origin.origin() + "/never-ready-polling.html");
        Await.until(() -> client.get("/ready").statusCode() == 503, Duration.ofSeconds(5), "the only engine busy");

        long start = System.nanoTime();
        HttpResponse<String> refused = client.render(origin.origin() + "/basic.html");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.headers().firstValue("X-Rendergate-Reason")).hasValue("overloaded");
        assertThat(ms).isLessThan(500);
        assertThat(busy.join().statusCode()).isEqualTo(504);
    }

    @Test
    void infiniteLoop_killedWithinBudget_poolRefilled() {
        long start = System.nanoTime();
        HttpResponse<String> loop = client.render(origin.origin() + "/loop.html");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(loop.statusCode()).isEqualTo(504);
        assertThat(loop.headers().firstValue("X-Rendergate-Reason")).hasValue("timeout");
        assertThat(ms).isLessThan(4_500);
        assertThat(farm.prerenderer().metrics().count("rendergate_pool_recycles", "reason", "timeout")
                + farm.prerenderer().metrics().count("rendergate_pool_recycles", "reason", "aborted")).isEqualTo(1);
        Await.until(() -> client.get("/ready").statusCode() == 200, Duration.ofSeconds(5), "the engine replaced");
        assertThat(client.render(origin.origin() + "/basic.html").statusCode()).isEqualTo(200);
    }
}
