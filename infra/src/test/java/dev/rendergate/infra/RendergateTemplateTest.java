package dev.rendergate.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The synthesized templates, asserted with CDK's assertions library: what the deployment must be.
 * One synthesis (validation off, see {@link RendergateValidationIT} for the run with it on) serves every test.
 */
class RendergateTemplateTest {

    private static Synthesized app;

    @BeforeAll
    static void synthesize() {
        app = Synthesized.of(Map.of("routes", "/api/*=api.example.com", "alarmEmail", "ops@example.com"), false);
    }

    private static Map<String, Object> distributionConfig() {
        Map<String, Map<String, Object>> distributions = app.main.findResources("AWS::CloudFront::Distribution");
        assertThat(distributions).hasSize(1);
        return map(map(distributions.values().iterator().next().get("Properties")).get("DistributionConfig"));
    }

    @Test
    void defaultBehaviour_runsThePublishedEdgeFunctionVersionOnViewerAndOriginRequest() {
        List<Object> associations = list(map(distributionConfig().get("DefaultCacheBehavior"))
                .get("LambdaFunctionAssociations"));

        assertThat(associations).extracting(a -> map(a).get("EventType"))
                .containsExactlyInAnyOrder("viewer-request", "origin-request");
        Map<String, Map<String, Object>> versions = app.main.findResources("AWS::Lambda::Version");
        assertThat(versions).hasSize(1);
        String version = versions.keySet().iterator().next();
        for (Object association : associations) {
            assertThat(map(association).get("LambdaFunctionARN")).as("a numbered version, not $LATEST")
                    .isEqualTo(Map.of("Ref", version));
        }
        app.main.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "nodejs22.x", "Handler", "index.handler", "MemorySize", 128, "Timeout", 5));
    }

    @Test
    void cachePolicy_keysOnTheCrawlerMarkersAndNothingThatSplitsTheCache() {
        app.main.hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
                "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of(
                        "HeadersConfig", Map.of("HeaderBehavior", "whitelist",
                                "Headers", List.of("X-Rendergate-Bot", "X-Rendergate-Class", "X-Rendergate-Device")),
                        "CookiesConfig", Map.of("CookieBehavior", "none"),
                        "QueryStringsConfig", Map.of("QueryStringBehavior", "all")))))));
        app.main.hasResourceProperties("AWS::CloudFront::OriginRequestPolicy", Map.of("OriginRequestPolicyConfig",
                Match.objectLike(Map.of(
                        "HeadersConfig", Map.of("HeaderBehavior", "whitelist",
                                "Headers", List.of("X-Rendergate-Ua", "X-Rendergate-Host")),
                        "QueryStringsConfig", Map.of("QueryStringBehavior", "all")))));
    }

    @Test
    void s3Origin_carriesTheFarmAndTheTokenFromSecretsManagerAsCustomHeaders_notInTheZip() {
        Map<String, Object> s3Origin = list(distributionConfig().get("Origins")).stream().map(RendergateTemplateTest::map)
                .filter(o -> o.containsKey("S3OriginConfig")).findFirst().orElseThrow();
        List<Object> headers = list(s3Origin.get("OriginCustomHeaders"));

        assertThat(headers).extracting(h -> map(h).get("HeaderName"))
                .containsExactlyInAnyOrder("X-Rendergate-Farm", "X-Prerender-Token");
        String token = json(headers.stream().map(RendergateTemplateTest::map)
                .filter(h -> h.get("HeaderName").equals("X-Prerender-Token")).findFirst().orElseThrow().get("HeaderValue"));
        assertThat(token).contains("{{resolve:secretsmanager:").contains("FarmToken");
        String farm = json(headers.stream().map(RendergateTemplateTest::map)
                .filter(h -> h.get("HeaderName").equals("X-Rendergate-Farm")).findFirst().orElseThrow().get("HeaderValue"));
        assertThat(farm).contains("http://").contains("DNSName");
    }

    @Test
    void bucket_isPrivateVersionedEncrypted_andOnlyTheDistributionMayReadIt() {
        app.main.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Match.anyValue()));
        app.main.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        app.main.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig",
                Match.objectLike(Map.of("OriginAccessControlOriginType", "s3", "SigningBehavior", "always"))));
        Map<String, Map<String, Object>> policies = app.main.findResources("AWS::S3::BucketPolicy");
        List<Map<String, Object>> allows = new ArrayList<>();
        for (Map<String, Object> policy : policies.values()) {
            for (Object statement : list(map(map(policy.get("Properties")).get("PolicyDocument")).get("Statement"))) {
                if ("Allow".equals(map(statement).get("Effect"))) {
                    allows.add(map(statement));
                }
            }
        }
        assertThat(allows).isNotEmpty();
        for (Map<String, Object> allow : allows) {
            String principal = json(allow.get("Principal"));
            boolean cloudFront = principal.contains("cloudfront.amazonaws.com");
            assertThat(cloudFront || principal.contains("AWS")).as("allowed principal " + principal).isTrue();
            if (cloudFront) {
                assertThat(json(allow.get("Condition"))).as("only this distribution").contains("AWS:SourceArn")
                        .contains("distribution/");
            } else {
                // The upload's own role (BucketDeployment) writes the files; nothing public.
                assertThat(principal).doesNotContain("\"*\"");
            }
        }
    }

    @Test
    void noDistributionLevel404ToIndexHtml_theFunctionDoesTheSpaFallback() {
        assertThat(distributionConfig()).doesNotContainKey("CustomErrorResponses");
    }

    @Test
    void apiRoute_goesToItsOwnOriginUncached_andSecurityHeadersAreSet() {
        List<Object> behaviors = list(distributionConfig().get("CacheBehaviors"));
        assertThat(behaviors).extracting(b -> map(b).get("PathPattern")).containsExactly("/api/*");
        assertThat(map(behaviors.get(0))).doesNotContainKey("LambdaFunctionAssociations");
        app.main.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Map.of("ResponseHeadersPolicyConfig",
                Match.objectLike(Map.of("SecurityHeadersConfig", Match.objectLike(Map.of(
                        "StrictTransportSecurity", Match.objectLike(Map.of("AccessControlMaxAgeSec", 31536000)),
                        "ContentTypeOptions", Match.anyValue()))))));
    }

    @Test
    void loadBalancer_checksReady_andDrainsLongerThanARender() {
        app.main.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "HealthCheckPath", "/ready",
                "Port", FarmService.FARM_PORT,
                "TargetGroupAttributes", Match.arrayWith(List.of(Map.of(
                        "Key", "deregistration_delay.timeout_seconds", "Value", "30")))));
        app.main.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectLike(Map.of(
                "MinimumHealthyPercent", 100, "MaximumPercent", 200,
                "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)))));
    }

    @Test
    void farm_scalesOnCpuAndOnQueueDepth() {
        app.main.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 2, "MaxCapacity", 6, "ScalableDimension", "ecs:service:DesiredCount"));
        app.main.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
                        "TargetValue", 60))));
        app.main.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", FarmService.METRIC_NAMESPACE, "MetricName", "rendergate_queue_depth",
                "AlarmActions", Match.arrayWith(List.of(Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("QueueDepth.*")))))));
    }

    @Test
    void farmContainer_getsItsTokenFromSecretsManager_andTheSharedCacheOverTls() {
        String task = json(app.main.findResources("AWS::ECS::TaskDefinition"));

        assertThat(task).contains("\"Name\":\"RENDERGATE_TOKEN\"").contains("\"ValueFrom\"")
                .doesNotContain("\"Name\":\"RENDERGATE_TOKEN\",\"Value\"");
        assertThat(task).contains("\"Name\":\"RENDERGATE_REDIS\"").contains("rediss://");
        assertThat(task).contains("\"Name\":\"RENDERGATE_ALLOW_ORIGIN\"");
    }

    @Test
    void metricsAgent_scrapesTheFarmsLoopbackMetricsListener_whichNothingOutsideTheTaskReaches() {
        String task = json(app.main.findResources("AWS::ECS::TaskDefinition"));
        assertThat(task).contains("{\"Name\":\"RENDERGATE_METRICS_PORT\",\"Value\":\"" + FarmService.METRICS_PORT + "\"}")
                .contains("localhost:" + FarmService.METRICS_PORT).doesNotContain("localhost:" + FarmService.FARM_PORT)
                .doesNotContain("\"ContainerPort\":" + FarmService.METRICS_PORT);
        assertThat(task).as("the farm binds every interface of the task: its token comes from Secrets Manager")
                .doesNotContain("RENDERGATE_BIND");
        List<Map<String, Object>> toFarm = ingressOf(logicalId(app.main, "AWS::EC2::SecurityGroup", "FarmTasks"));
        assertThat(toFarm).allSatisfy(rule -> assertThat(rule).containsEntry("FromPort", FarmService.FARM_PORT)
                .containsEntry("ToPort", FarmService.FARM_PORT));
    }

    @Test
    void farmSecurityGroups_admitCloudFrontOnly() {
        String lb = logicalId(app.main, "AWS::EC2::SecurityGroup", "CloudFrontOnly");
        List<Map<String, Object>> toLoadBalancer = ingressOf(lb);
        assertThat(toLoadBalancer).hasSize(1);
        assertThat(toLoadBalancer.get(0)).containsKey("SourcePrefixListId").doesNotContainKey("CidrIp")
                .doesNotContainKey("CidrIpv6").containsEntry("FromPort", 80).containsEntry("ToPort", 80);
        assertThat(json(toLoadBalancer.get(0).get("SourcePrefixListId"))).contains("CloudFrontPrefixList");
        app.main.hasResourceProperties("Custom::AWS", Map.of("Create", Match.stringLikeRegexp(
                ".*com.amazonaws.global.cloudfront.origin-facing.*")));
        List<Map<String, Object>> toFarm = ingressOf(logicalId(app.main, "AWS::EC2::SecurityGroup", "FarmTasks"));
        assertThat(toFarm).isNotEmpty().allSatisfy(rule -> assertThat(json(rule.get("SourceSecurityGroupId")))
                .contains(lb));
        for (Template template : List.of(app.main, app.data)) {
            for (String group : template.findResources("AWS::EC2::SecurityGroup").keySet()) {
                assertThat(ingressOf(group)).as("ingress of " + group).noneMatch(rule -> rule.containsKey("CidrIp")
                        || rule.containsKey("CidrIpv6"));
            }
        }
    }

    /** Every rule admitting traffic to a group: inline in it, or a SecurityGroupIngress naming it, in either stack. */
    private static List<Map<String, Object>> ingressOf(String groupLogicalId) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Template template : List.of(app.main, app.data)) {
            Map<String, Map<String, Object>> groups = template.findResources("AWS::EC2::SecurityGroup");
            if (groups.containsKey(groupLogicalId)) {
                Object inline = map(groups.get(groupLogicalId).get("Properties")).get("SecurityGroupIngress");
                if (inline != null) {
                    list(inline).forEach(rule -> rules.add(map(rule)));
                }
            }
            for (Map<String, Object> rule : template.findResources("AWS::EC2::SecurityGroupIngress").values()) {
                Map<String, Object> props = map(rule.get("Properties"));
                if (json(props.get("GroupId")).contains(groupLogicalId)) {
                    rules.add(props);
                }
            }
        }
        return rules;
    }

    private static String logicalId(Template template, String type, String part) {
        return template.findResources(type).keySet().stream().filter(id -> id.contains(part)).findFirst().orElseThrow();
    }

    @Test
    void redis_isInIsolatedSubnets_reachableOnlyFromTheFarm() {
        app.data.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Map.of(
                "TransitEncryptionEnabled", true, "AtRestEncryptionEnabled", true, "MultiAZEnabled", true));
        Map<String, Map<String, Object>> subnetGroups = app.data.findResources("AWS::ElastiCache::SubnetGroup");
        String subnets = json(subnetGroups);
        assertThat(subnets).contains("cacheSubnet").doesNotContain("publicSubnet").doesNotContain("farmSubnet");
        app.data.hasResourceProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false,
                "Tags", Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-name", "Value", "cache")))));
        Map<String, Map<String, Object>> groups = app.data.findResources("AWS::EC2::SecurityGroup");
        String cache = groups.keySet().stream().filter(k -> k.startsWith("Cache")).findFirst().orElseThrow();
        assertThat(map(groups.get(cache).get("Properties"))).as("no inline ingress on the cache's group")
                .doesNotContainKey("SecurityGroupIngress");
        List<Map<String, Object>> toCache = ingressOf(cache);
        assertThat(toCache).as("rules admitting traffic to the cache").hasSize(1);
        assertThat(toCache.get(0)).containsEntry("FromPort", 6379).containsEntry("ToPort", 6379)
                .doesNotContainKey("CidrIp").doesNotContainKey("CidrIpv6");
        assertThat(json(toCache.get(0).get("SourceSecurityGroupId"))).contains("FarmTasks");
    }

    @Test
    void alarms_coverErrorsLatencyQueueHealthAndTheEdgeFunction() {
        String alarms = json(app.main.findResources("AWS::CloudWatch::Alarm"));

        assertThat(alarms).contains("HTTPCode_Target_5XX_Count").contains("TargetResponseTime")
                .contains("rendergate_queue_depth").contains("UnHealthyHostCount")
                .contains("LambdaExecutionError").contains("LambdaValidationError");
        app.main.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
    }

    @Test
    void noPolicyAllowsWildcardActionsOnAllResources() {
        List<String> found = new ArrayList<>();
        for (Template template : List.of(app.main, app.data)) {
            collectWildcards(template.toJSON(), found, "");
        }
        assertThat(found).as("statements allowing a wildcard action on Resource *").isEmpty();
    }

    @Test
    void badSettings_failWithTheValueAndTheFix() {
        assertThatThrownBy(() -> Synthesized.of(Map.of("farmMinTasks", "3", "farmMaxTasks", "2", "farmCpu", "500",
                "certificateArn", "arn:aws:acm:eu-west-1:1:certificate/x", "routes", "api=api.example.com"), false))
                .hasMessageContaining("farmMinTasks=3").hasMessageContaining("farmCpu=500")
                .hasMessageContaining("us-east-1").hasMessageContaining("domainName and rendergate:certificateArn")
                .hasMessageContaining("PATH_PATTERN=DOMAIN");
    }

    /** Walks every policy document in a template: Allow statements whose Action has a * and whose Resource is *. */
    @SuppressWarnings("unchecked")
    private static void collectWildcards(Object node, List<String> found, String path) {
        if (node instanceof Map<?, ?> object) {
            if (object.containsKey("Effect") && object.containsKey("Action")) {
                boolean allow = "Allow".equals(object.get("Effect"));
                List<Object> actions = object.get("Action") instanceof List ? (List<Object>) object.get("Action")
                        : List.of(object.get("Action"));
                Object resource = object.get("Resource");
                boolean anyResource = "*".equals(resource) || (resource instanceof List<?> l && l.contains("*"));
                if (allow && anyResource && actions.stream().anyMatch(a -> String.valueOf(a).contains("*"))) {
                    found.add(path + " " + actions);
                }
            }
            object.forEach((key, value) -> collectWildcards(value, found, path + "/" + key));
        } else if (node instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                collectWildcards(items.get(i), found, path + "[" + i + "]");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static String json(Object value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value).toString();
    }
}
