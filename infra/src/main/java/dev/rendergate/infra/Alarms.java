package dev.rendergate.infra;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms an operator acts on: the farm's 5xx rate, its p95 response time against the render budget,
 * its queue depth, unhealthy farm tasks, and Lambda@Edge errors CloudFront reports for the distribution.
 * They notify an SNS topic, mailed to the configured address when there is one.
 */
final class Alarms extends Construct {

    Alarms(Construct scope, String id, InfraConfig config, FarmService farm, Distribution distribution) {
        super(scope, id);
        Topic topic = Topic.Builder.create(this, "Topic").displayName("rendergate alarms").build();
        if (!config.alarmEmail().isEmpty()) {
            topic.addSubscription(EmailSubscription.Builder.create(config.alarmEmail()).build());
        }
        ApplicationTargetGroup targets = farm.targetGroup();
        SnsAction notify = new SnsAction(topic);

        alarm("FarmErrorRate", "farm answers more than 5% 5xx", MathExpression.Builder.create()
                .expression("100 * errors / MAX([requests, 1])")
                .usingMetrics(Map.of("errors", targets.getMetrics().httpCodeTarget(
                                software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget.TARGET_5XX_COUNT),
                        "requests", targets.getMetrics().requestCount()))
                .period(Duration.minutes(1))
                .build(), 5, 3, notify);
        alarm("FarmRenderP95", "farm p95 response time above 80% of the render budget",
                targets.getMetrics().targetResponseTime(software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                        .statistic("p95").period(Duration.minutes(1)).build()),
                config.renderTimeoutSeconds() * 0.8, 5, notify);
        alarm("FarmQueueDepth", "renders waiting for an engine, per task, for 5 minutes", FarmService.queueDepth(),
                32, 5, notify);
        alarm("FarmUnhealthyTasks", "farm tasks failing /ready", targets.getMetrics().unhealthyHostCount(
                software.amazon.awscdk.services.cloudwatch.MetricOptions.builder().statistic("Maximum")
                        .period(Duration.minutes(1)).build()), 1, 3, notify);
        alarm("EdgeFunctionErrors", "Lambda@Edge errors: the function threw, or CloudFront rejected its result",
                MathExpression.Builder.create()
                        .expression("execution + validation")
                        .usingMetrics(Map.of("execution", cloudFront("LambdaExecutionError", distribution),
                                "validation", cloudFront("LambdaValidationError", distribution)))
                        .period(Duration.minutes(1))
                        .build(), 1, 1, notify);
    }

    private static Metric cloudFront(String name, Distribution distribution) {
        return Metric.Builder.create()
                .namespace("AWS/CloudFront")
                .metricName(name)
                .dimensionsMap(Map.of("DistributionId", distribution.getDistributionId(), "Region", "Global"))
                .statistic("Sum")
                .period(Duration.minutes(1))
                .build();
    }

    private void alarm(String id, String description, IMetric metric, double threshold, int periods, SnsAction notify) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription("rendergate: " + description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
    }
}
