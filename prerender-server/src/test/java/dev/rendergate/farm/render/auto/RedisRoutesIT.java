package dev.rendergate.farm.render.auto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.render.auto.RouteState.Verdict;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Route knowledge shared by farm nodes through the real Redis at 127.0.0.1:6379: what one node learns, all know. */
class RedisRoutesIT {
    private static final URI REDIS = URI.create("redis://127.0.0.1:6379");
    private static final AutoSettings SETTINGS =
            new AutoSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 2, 50, Duration.ofHours(6));
    /** A site of this test run only, so parallel runs and other tests never see its keys. */
    private final String site = "http://routes-" + UUID.randomUUID() + ".test:80";
    private final RouteTemplate doctors = new RouteTemplate(site, "/doctors/{id}");
    private final RouteTemplate cities = new RouteTemplate(site, "/cities/{id}");
    private RouteKnowledge nodeA;
    private RouteKnowledge nodeB;

    @BeforeEach
    void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
        } catch (IOException e) {
            Assumptions.abort("No Redis at 127.0.0.1:6379 (" + e.getMessage()
                    + "): start one (apt-get install redis-server) to run the shared route-knowledge tests");
        }
        nodeA = RouteKnowledge.shared(Clock.systemUTC(), SETTINGS, REDIS);
        nodeB = RouteKnowledge.shared(Clock.systemUTC(), SETTINGS, REDIS);
    }

    @AfterEach
    void cleanUp() {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
            RedisClient client = RedisClient.create(REDIS.toString());
            try (var connection = client.connect()) {
                connection.sync().del(RedisRoutes.KEY_PREFIX + site);
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void whatOneNodeLearns_anotherNodeKnows() {
        nodeA.agreed(doctors, 100, 300);
        nodeA.agreed(doctors, 100, 300);

        assertThat(nodeB.state(doctors).verdict()).isEqualTo(Verdict.HTMLUNIT);
        assertThat(nodeB.state(doctors).agreements()).isEqualTo(2);
    }

    @Test
    void aSiteWideVerdict_coversTheOtherNodesRoutesToo() {
        nodeA.htmlUnitFailed(doctors, "htmlunit-unsupported-js", true);

        assertThat(nodeB.state(cities).verdict()).isEqualTo(Verdict.CHROMIUM);
        assertThat(nodeB.state(cities).reason()).isEqualTo("htmlunit-unsupported-js");
    }

    @Test
    void aDisagreementFoundByOneNode_reachesANodeThatTrustedHtmlUnit_withinTheRefresh() {
        nodeA.agreed(doctors, 100, 300);
        nodeA.agreed(doctors, 100, 300);
        assertThat(nodeB.state(doctors).verdict()).isEqualTo(Verdict.HTMLUNIT);

        nodeA.disagreed(doctors, List.of("links"));

        dev.rendergate.farm.testing.Await.until(() -> nodeB.state(doctors).verdict() == Verdict.CHROMIUM,
                RouteKnowledge.SHARED_REFRESH.plusSeconds(5), "node B to read the disagreement");
        assertThat(nodeB.state(doctors).differing()).containsExactly("links");
    }

    @Test
    void redisDown_eachNodeLearnsOnItsOwn_withoutWaitingOnIt() {
        RouteKnowledge alone = RouteKnowledge.shared(Clock.systemUTC(), SETTINGS, URI.create("redis://127.0.0.1:1"));
        try {
            long start = System.nanoTime();
            alone.htmlUnitFailed(doctors, "htmlunit-script-error", false);
            for (int i = 0; i < 20; i++) {
                assertThat(alone.state(doctors).verdict()).isEqualTo(Verdict.CHROMIUM);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            alone.close();
        }
    }
}
