package dev.rendergate.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupIngress;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The prerender farm on ECS Fargate behind an Application Load Balancer: the image built from the
 * repository's Dockerfile by {@code cdk deploy}, health checks on {@code /ready}, rolling deployments
 * that keep every old task until its replacement is healthy and drain each for longer than a render,
 * scaling on CPU and on the farm's queue depth. The load balancer accepts only CloudFront's
 * origin-facing addresses, and the farm answers only requests carrying its token (Secrets Manager puts it in the
 * container's environment, never on a command line; the farm listens on every interface of the task, which it
 * allows only with a token of at least 32 characters). The CloudWatch agent reads the farm's metrics on the
 * task's loopback.
 */
final class FarmService extends Construct {

    /** The farm's port in the container. */
    static final int FARM_PORT = 3000;
    /**
     * The farm's metrics listener: on the task's loopback, without the token, for the CloudWatch agent sidecar that
     * shares the task's network; no port mapping, target group or security group rule reaches it.
     */
    static final int METRICS_PORT = 9464;
    /** The CloudWatch namespace the agent sidecar publishes the farm's Prometheus gauges to. */
    static final String METRIC_NAMESPACE = "Rendergate/Farm";

    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final FargateService service;
    private final ContainerDefinition farm;
    private final SecurityGroup farmTasks;

    FarmService(Construct scope, String id, InfraConfig config, DataStack data, ISecret token) {
        super(scope, id);
        farmTasks = SecurityGroup.Builder.create(this, "FarmTasks")
                .vpc(data.vpc())
                .description("rendergate farm tasks: reached only by the farm's load balancer")
                .allowAllOutbound(true)
                .build();
        // The cache admits the farm tasks only; the rule lives here, so the data stack never names this one.
        CfnSecurityGroupIngress.Builder.create(this, "CacheFromFarm")
                .groupId(data.cache().getSecurityGroupId())
                .sourceSecurityGroupId(farmTasks.getSecurityGroupId())
                .ipProtocol("tcp")
                .fromPort(DataStack.REDIS_PORT)
                .toPort(DataStack.REDIS_PORT)
                .description("the farm tasks only")
                .build();
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(data.vpc())
                .internetFacing(true)
                .securityGroup(cloudFrontOnly(data))
                .build();
        Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(data.vpc()).containerInsights(true).build();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(config.farmCpu())
                .memoryLimitMiB(config.farmMemoryMiB())
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();
        farm = task.addContainer("farm", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(config.repo().toString(), AssetImageProps.builder()
                        .file("Dockerfile")
                        .ignoreMode(IgnoreMode.DOCKER)
                        .platform(Platform.LINUX_AMD64)
                        .build()))
                .essential(true)
                .environment(Map.of(
                        "RENDERGATE_PORT", String.valueOf(FARM_PORT),
                        "RENDERGATE_METRICS_PORT", String.valueOf(METRICS_PORT),
                        "RENDERGATE_REDIS", data.redisUri(),
                        "RENDERGATE_RENDER_TIMEOUT", config.renderTimeoutSeconds() + "s",
                        "RENDERGATE_LOG_FORMAT", "json"))
                .secrets(Map.of("RENDERGATE_TOKEN", Secret.fromSecretsManager(token)))
                .portMappings(List.of(PortMapping.builder().containerPort(FARM_PORT).build()))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("farm").build()))
                .build());
        task.addContainer("metrics", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry("public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest"))
                .essential(false)
                .environment(Map.of(
                        "PROMETHEUS_CONFIG_CONTENT", resource("cloudwatch-agent-prometheus.yaml"),
                        "CW_CONFIG_CONTENT", resource("cloudwatch-agent.json")))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("metrics").build()))
                .build());
        logs.grantWrite(task.getTaskRole());
        LogGroup.Builder.create(this, "PrometheusMetrics").logGroupName("/rendergate/farm/prometheus")
                .retention(RetentionDays.ONE_WEEK).build().grantWrite(task.getTaskRole());

        service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(config.farmMinTasks())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .securityGroups(List.of(farmTasks))
                .healthCheckGracePeriod(Duration.seconds(60))
                .build();
        ApplicationListener listener = loadBalancer.addListener("Http", software.amazon.awscdk.services
                .elasticloadbalancingv2.BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(false).build());
        targetGroup = listener.addTargets("Farm", software.amazon.awscdk.services.elasticloadbalancingv2
                .AddApplicationTargetsProps.builder()
                .port(FARM_PORT)
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service))
                .healthCheck(HealthCheck.builder().path("/ready").healthyHttpCodes("200")
                        .interval(Duration.seconds(10)).healthyThresholdCount(2).unhealthyThresholdCount(3).build())
                // Longer than a render, so a draining task finishes every crawler request it accepted.
                .deregistrationDelay(Duration.seconds(config.renderTimeoutSeconds() + 20))
                .build());
        farmTasks.addIngressRule(loadBalancer.getConnections().getSecurityGroups().get(0), Port.tcp(FARM_PORT),
                "the farm's load balancer only");
        scale(config);
    }

    /** A security group open on port 80 to CloudFront's origin-facing prefix list and nothing else. */
    private SecurityGroup cloudFrontOnly(DataStack data) {
        SecurityGroup group = SecurityGroup.Builder.create(this, "CloudFrontOnly")
                .vpc(data.vpc())
                .description("rendergate farm load balancer: CloudFront's origin-facing addresses only")
                .allowAllOutbound(false)
                .build();
        AwsCustomResource lookup = AwsCustomResource.Builder.create(this, "CloudFrontPrefixList")
                .onUpdate(AwsSdkCall.builder()
                        .service("EC2")
                        .action("describeManagedPrefixLists")
                        .parameters(Map.of("Filters", List.of(Map.of("Name", "prefix-list-name",
                                "Values", List.of("com.amazonaws.global.cloudfront.origin-facing")))))
                        .physicalResourceId(PhysicalResourceId.of("cloudfront-origin-facing"))
                        .outputPaths(List.of("PrefixLists.0.PrefixListId"))
                        .build())
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(AwsCustomResourcePolicy.ANY_RESOURCE).build()))
                .installLatestAwsSdk(false)
                .build();
        group.addIngressRule(Peer.prefixList(lookup.getResponseField("PrefixLists.0.PrefixListId")), Port.tcp(80),
                "CloudFront origin-facing");
        group.addEgressRule(farmTasks, Port.tcp(FARM_PORT), "to the farm tasks");
        return group;
    }

    private void scale(InfraConfig config) {
        ScalableTaskCount count = service.autoScaleTaskCount(software.amazon.awscdk.services.applicationautoscaling
                .EnableScalingProps.builder().minCapacity(config.farmMinTasks()).maxCapacity(config.farmMaxTasks()).build());
        count.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(60)
                .scaleInCooldown(Duration.minutes(5))
                .scaleOutCooldown(Duration.minutes(1))
                .build());
        count.scaleOnMetric("QueueDepth", BasicStepScalingPolicyProps.builder()
                .metric(queueDepth())
                .scalingSteps(List.of(
                        ScalingInterval.builder().upper(1).change(-1).build(),
                        ScalingInterval.builder().lower(4).change(1).build(),
                        ScalingInterval.builder().lower(16).change(3).build()))
                .cooldown(Duration.minutes(2))
                .build());
    }

    /** The farm's {@code rendergate_queue_depth} gauge, averaged over its tasks. */
    static Metric queueDepth() {
        return Metric.Builder.create()
                .namespace(METRIC_NAMESPACE)
                .metricName("rendergate_queue_depth")
                .dimensionsMap(Map.of("job", "rendergate-farm"))
                .statistic("Average")
                .period(Duration.minutes(1))
                .build();
    }

    private static String resource(String name) {
        try (InputStream in = FarmService.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The farm renders pages of the site's public origin only (its --allow-origin). */
    void allowOrigin(String siteOrigin) {
        farm.addEnvironment("RENDERGATE_ALLOW_ORIGIN", siteOrigin);
    }

    ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }
}
