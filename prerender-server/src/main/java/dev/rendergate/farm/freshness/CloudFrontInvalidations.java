package dev.rendergate.farm.freshness;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;
import software.amazon.awssdk.services.cloudfront.model.GetInvalidationResponse;
import software.amazon.awssdk.services.cloudfront.model.InvalidationBatch;
import software.amazon.awssdk.services.cloudfront.model.Paths;

/**
 * Creates a CloudFront invalidation and waits for it to complete. CloudFront is a global service signed in
 * us-east-1; the endpoint can be overridden (a local stand-in in tests). The SDK client is made once per
 * instance, on first use, and closed with it.
 */
public final class CloudFrontInvalidations implements AutoCloseable {
    /** CloudFront's maximum paths per invalidation. */
    public static final int MAX_PATHS = 3_000;

    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final Duration callTimeout;
    private CloudFrontClient client;

    /**
     * @param endpoint    the CloudFront API endpoint, or {@code null} for AWS's
     * @param credentials where credentials come from (e.g. the default provider chain)
     * @param callTimeout bound on each API call
     */
    public CloudFrontInvalidations(URI endpoint, AwsCredentialsProvider credentials, Duration callTimeout) {
        this.endpoint = endpoint;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /**
     * Asks CloudFront to invalidate {@code paths} of {@code distributionId}.
     *
     * @param callerReference unique per invalidation (CloudFront answers the same invalidation for a repeat)
     * @return the invalidation's id
     */
    public String create(String distributionId, List<String> paths, String callerReference) {
        if (paths.isEmpty() || paths.size() > MAX_PATHS) {
            throw new IllegalArgumentException("an invalidation takes 1.." + MAX_PATHS + " paths, got " + paths.size());
        }
        CreateInvalidationResponse response = client().createInvalidation(r -> r.distributionId(distributionId)
                .invalidationBatch(InvalidationBatch.builder()
                        .callerReference(callerReference)
                        .paths(Paths.builder().quantity(paths.size()).items(paths).build())
                        .build()));
        return response.invalidation().id();
    }

    /**
     * Polls until the invalidation's status is {@code Completed}, every {@code pollEvery}, for at most
     * {@code timeout}; {@code progress} hears each status seen.
     *
     * @return whether it completed in time
     */
    public boolean awaitCompleted(String distributionId, String invalidationId, Duration timeout, Duration pollEvery,
                                  Consumer<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            GetInvalidationResponse response = client().getInvalidation(r -> r.distributionId(distributionId)
                    .id(invalidationId));
            String status = response.invalidation().status();
            progress.accept(status);
            if ("Completed".equalsIgnoreCase(status)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(pollEvery.toMillis(), left / 1_000_000)));
        }
    }

    private synchronized CloudFrontClient client() {
        if (client == null) {
            CloudFrontClientBuilder builder = CloudFrontClient.builder()
                    .region(Region.US_EAST_1)
                    .credentialsProvider(credentials)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(callTimeout).socketTimeout(callTimeout))
                    .overrideConfiguration(c -> c.apiCallTimeout(callTimeout.multipliedBy(3)));
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            client = builder.build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
