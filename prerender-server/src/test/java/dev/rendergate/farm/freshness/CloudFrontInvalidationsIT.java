package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The SDK's CreateInvalidation and GetInvalidation calls against a loopback stand-in for CloudFront. */
class CloudFrontInvalidationsIT {
    private static final StaticCredentialsProvider TEST_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));

    @Test
    void create_thenAwait_sendsTheExactRequestsAndPollsToCompletion() throws Exception {
        try (CloudFrontStandIn cloudFront = new CloudFrontStandIn(2);
             CloudFrontInvalidations invalidations = new CloudFrontInvalidations(cloudFront.endpoint(), TEST_KEYS,
                     Duration.ofSeconds(5))) {
            String id = invalidations.create("E2EXAMPLE", List.of("/index.html", "/doctors/*"), "rendergate-build-42");
            List<String> statuses = new CopyOnWriteArrayList<>();
            boolean done = invalidations.awaitCompleted("E2EXAMPLE", id, Duration.ofSeconds(10), Duration.ofMillis(20),
                    statuses::add);

            assertThat(id).isEqualTo("I1");
            assertThat(done).isTrue();
            assertThat(statuses).containsExactly("InProgress", "InProgress", "Completed");
            List<CloudFrontStandIn.Seen> seen = cloudFront.seen();
            assertThat(seen).extracting(CloudFrontStandIn.Seen::method).containsExactly("POST", "GET", "GET", "GET");
            CloudFrontStandIn.Seen create = seen.get(0);
            assertThat(create.path()).isEqualTo("/2020-05-31/distribution/E2EXAMPLE/invalidation");
            assertThat(create.body()).contains("<InvalidationBatch xmlns=\"" + CloudFrontStandIn.NS + "\">")
                    .contains("<Paths><Quantity>2</Quantity><Items><Path>/index.html</Path><Path>/doctors/*</Path></Items></Paths>")
                    .contains("<CallerReference>rendergate-build-42</CallerReference>");
            assertThat(create.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                    .contains("/us-east-1/cloudfront/aws4_request");
            assertThat(seen.get(1).path()).isEqualTo("/2020-05-31/distribution/E2EXAMPLE/invalidation/I1");
        }
    }

    @Test
    void awaitCompleted_neverCompletes_givesUpAtTheDeadline() throws Exception {
        try (CloudFrontStandIn cloudFront = new CloudFrontStandIn(Integer.MAX_VALUE);
             CloudFrontInvalidations invalidations = new CloudFrontInvalidations(cloudFront.endpoint(), TEST_KEYS,
                     Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            boolean done = invalidations.awaitCompleted("E2EXAMPLE", "I1", Duration.ofMillis(300), Duration.ofMillis(50),
                    s -> { });

            assertThat(done).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void create_unknownInvalidationOrTooManyPaths_fails() throws Exception {
        try (CloudFrontStandIn cloudFront = new CloudFrontStandIn(0);
             CloudFrontInvalidations invalidations = new CloudFrontInvalidations(cloudFront.endpoint(), TEST_KEYS,
                     Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> invalidations.awaitCompleted("E2EXAMPLE", "NOPE", Duration.ofSeconds(1),
                    Duration.ofMillis(10), s -> { }))
                    .isInstanceOf(software.amazon.awssdk.services.cloudfront.model.NoSuchInvalidationException.class);
            assertThatThrownBy(() -> invalidations.create("E2EXAMPLE", List.of(), "r"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
