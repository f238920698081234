/**
 * The AWS deployment as a CDK app: {@link dev.rendergate.infra.RendergateApp} reads the settings
 * ({@link dev.rendergate.infra.InfraConfig}) and defines two stacks, {@link dev.rendergate.infra.DataStack}
 * (network and the shared snapshot cache) and {@link dev.rendergate.infra.RendergateStack} (the site
 * bucket, the CloudFront distribution with the Lambda@Edge function, the farm on ECS Fargate behind a load
 * balancer that admits only CloudFront, the alarms). Synthesis needs no AWS account.
 */
package dev.rendergate.infra;
