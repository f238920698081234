package dev.rendergate.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one synthesis with CDK's own construct validation on, as {@code cdk deploy} runs it: every construct
 * validates its configuration (bucket policies, load balancer listeners, scaling, Lambda@Edge limits) and
 * the app synthesizes without an error. Slower than the others, so it runs once.
 */
class RendergateValidationIT {

    @Test
    void synth_withCdkValidation_succeedsForTheDefaultsAndForACustomDomain() {
        Synthesized defaults = Synthesized.of(Map.of(), true);
        assertThat(defaults.main.findResources("AWS::CloudFront::Distribution")).hasSize(1);

        Synthesized custom = Synthesized.of(Map.of("domainName", "www.example.org",
                "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc", "farmMaxTasks", "10"), true);
        custom.main.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig",
                software.amazon.awscdk.assertions.Match.objectLike(Map.of("Aliases", java.util.List.of("www.example.org")))));
    }
}
