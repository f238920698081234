package dev.rendergate.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Everything that serves requests: the site bucket and its CloudFront distribution with the edge
 * function, the farm behind its load balancer, the farm's token, and the alarms.
 */
public final class RendergateStack extends Stack {

    private final Distribution distribution;

    RendergateStack(Construct scope, String id, StackProps props, InfraConfig config, DataStack data) {
        super(scope, id, props);
        Secret token = Secret.Builder.create(this, "FarmToken")
                .description("rendergate: the farm's X-Prerender-Token; CloudFront sends it, the farm requires it")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(48).build())
                .build();
        SiteDistribution site = new SiteDistribution(this, "Site", config);
        FarmService farm = new FarmService(this, "Farm", config, data, token);
        distribution = site.distribute(config, "http://" + farm.loadBalancer().getLoadBalancerDnsName(), token);
        farm.allowOrigin("https://" + (config.domainName().isEmpty()
                ? distribution.getDistributionDomainName() : config.domainName()));
        new Alarms(this, "Alarms", config, farm, distribution);
        CfnOutput.Builder.create(this, "SiteUrl").value("https://" + distribution.getDistributionDomainName())
                .description("the site; point your domain's DNS here").build();
        CfnOutput.Builder.create(this, "DistributionId").value(distribution.getDistributionId())
                .description("for rendergate invalidate --distribution-id").build();
    }

    Distribution distribution() {
        return distribution;
    }
}
