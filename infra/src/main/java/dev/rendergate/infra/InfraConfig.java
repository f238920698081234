package dev.rendergate.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a deployment chooses, from CDK context ({@code cdk deploy -c rendergate:farmMaxTasks=8}, or the
 * {@code context} of {@code infra/cdk.json}): every key has a default that deploys.
 *
 * @param repo                 the repository root (the app finds the site and the edge zip from it)
 * @param account              the AWS account; {@code CDK_DEFAULT_ACCOUNT} when deploying
 * @param siteDir              the SPA's built files, uploaded to the bucket
 * @param edgeZip              the TeaVM-built Lambda@Edge package
 * @param domainName           the site's own domain name; empty for the distribution's name
 * @param certificateArn       an ACM certificate in us-east-1 for {@code domainName}; empty with it
 * @param farmMinTasks         farm tasks always running
 * @param farmMaxTasks         farm tasks at most
 * @param farmCpu              Fargate CPU units per task (1024 = 1 vCPU)
 * @param farmMemoryMiB        Fargate memory per task
 * @param renderTimeoutSeconds the farm's render budget; the load balancer drains for longer than this
 * @param redisNodeType        ElastiCache node type
 * @param routes               other services behind the edge: path pattern to origin domain name
 * @param alarmEmail           where alarms are mailed; empty for none
 */
public record InfraConfig(
        Path repo,
        String account,
        Path siteDir,
        Path edgeZip,
        String domainName,
        String certificateArn,
        int farmMinTasks,
        int farmMaxTasks,
        int farmCpu,
        int farmMemoryMiB,
        int renderTimeoutSeconds,
        String redisNodeType,
        Map<String, String> routes,
        String alarmEmail) {

    /** The context key prefix of every setting. */
    public static final String PREFIX = "rendergate:";
    /** The app's region: Lambda@Edge functions and CloudFront's metrics live in us-east-1. */
    public static final String REGION = "us-east-1";

    /**
     * Reads the settings, each under {@value #PREFIX}, with its default.
     *
     * @param repo    the repository root
     * @param context the CDK context lookup (null when a key is unset)
     * @param env     the process environment (for {@code CDK_DEFAULT_ACCOUNT})
     * @return the validated configuration
     * @throws IllegalArgumentException naming every bad setting, its value and the fix
     */
    public static InfraConfig from(Path repo, Function<String, Object> context, Map<String, String> env) {
        Settings s = new Settings(context);
        InfraConfig config = new InfraConfig(
                repo,
                s.text("account", env.getOrDefault("CDK_DEFAULT_ACCOUNT", "123456789012")),
                repo.resolve(s.text("siteDir", "static-site/site")).normalize(),
                repo.resolve(s.text("edgeZip", "edge-function/target/lambda-edge.zip")).normalize(),
                s.text("domainName", ""),
                s.text("certificateArn", ""),
                s.number("farmMinTasks", 2),
                s.number("farmMaxTasks", 6),
                s.number("farmCpu", 2048),
                s.number("farmMemoryMiB", 4096),
                s.number("renderTimeoutSeconds", 10),
                s.text("redisNodeType", "cache.t4g.small"),
                s.routes("routes"),
                s.text("alarmEmail", ""));
        s.problems.addAll(config.problems());
        if (!s.problems.isEmpty()) {
            throw new IllegalArgumentException("bad infra settings (set them with cdk -c " + PREFIX
                    + "NAME=VALUE or in infra/cdk.json):\n  - " + String.join("\n  - ", s.problems));
        }
        return config;
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(siteDir) || !Files.isRegularFile(siteDir.resolve("index.html"))) {
            problems.add(PREFIX + "siteDir=" + siteDir + " must be a folder with your built SPA's index.html"
                    + " (e.g. the dist/ of a Vite build)");
        }
        if (!Files.isRegularFile(edgeZip)) {
            problems.add(PREFIX + "edgeZip=" + edgeZip + " does not exist: build it with mvn -pl edge-function package"
                    + " (./rendergate deploy does)");
        }
        if (domainName.isEmpty() != certificateArn.isEmpty()) {
            problems.add(PREFIX + "domainName and " + PREFIX + "certificateArn go together (was '" + domainName
                    + "' and '" + certificateArn + "'): give both, or neither to use the cloudfront.net name");
        }
        if (!certificateArn.isEmpty() && !certificateArn.startsWith("arn:aws:acm:us-east-1:")) {
            problems.add(PREFIX + "certificateArn=" + certificateArn + " must be an ACM certificate in us-east-1"
                    + " (CloudFront only uses certificates from there)");
        }
        if (farmMinTasks < 1 || farmMaxTasks < farmMinTasks) {
            problems.add(PREFIX + "farmMinTasks=" + farmMinTasks + " and farmMaxTasks=" + farmMaxTasks
                    + " must be 1 <= min <= max (two or more tasks keep a deploy rolling without a gap)");
        }
        if (!List.of(1024, 2048, 4096, 8192).contains(farmCpu)) {
            problems.add(PREFIX + "farmCpu=" + farmCpu + " must be 1024, 2048, 4096 or 8192 (Fargate CPU units;"
                    + " Chromium needs at least 1 vCPU)");
        }
        if (farmMemoryMiB < 2 * farmCpu || farmMemoryMiB > 8 * farmCpu) {
            problems.add(PREFIX + "farmMemoryMiB=" + farmMemoryMiB + " must be 2-8 times farmCpu=" + farmCpu
                    + " MiB (Fargate's memory range for that CPU)");
        }
        if (renderTimeoutSeconds < 1 || renderTimeoutSeconds > 50) {
            problems.add(PREFIX + "renderTimeoutSeconds=" + renderTimeoutSeconds + " must be 1-50 (CloudFront waits"
                    + " 30 s for the farm by default; keep the render budget under it)");
        }
        if (!redisNodeType.startsWith("cache.")) {
            problems.add(PREFIX + "redisNodeType=" + redisNodeType + " must be an ElastiCache node type such as"
                    + " cache.t4g.small");
        }
        if (!alarmEmail.isEmpty() && (alarmEmail.indexOf('@') < 1 || alarmEmail.indexOf(' ') >= 0)) {
            problems.add(PREFIX + "alarmEmail=" + alarmEmail + " must be an e-mail address");
        }
        return problems;
    }

    /** Reads context values and collects what cannot be read. */
    private static final class Settings {
        final Function<String, Object> context;
        final List<String> problems = new ArrayList<>();

        Settings(Function<String, Object> context) {
            this.context = context;
        }

        String text(String key, String fallback) {
            Object value = context.apply(PREFIX + key);
            return value == null ? fallback : String.valueOf(value).trim();
        }

        int number(String key, int fallback) {
            String value = text(key, String.valueOf(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problems.add(PREFIX + key + "=" + value + " must be a whole number");
                return fallback;
            }
        }

        /** {@code /api/*=api.example.com,/s/*=links.example.com}. */
        Map<String, String> routes(String key) {
            Map<String, String> routes = new LinkedHashMap<>();
            for (String entry : text(key, "").split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                String pattern = eq < 0 ? "" : entry.substring(0, eq).trim();
                String origin = eq < 0 ? "" : entry.substring(eq + 1).trim();
                if (!pattern.startsWith("/") || pattern.equals("/*") || origin.isEmpty() || origin.contains("/")
                        || origin.contains(":")) {
                    problems.add(PREFIX + key + " entry '" + entry.trim() + "' must be PATH_PATTERN=DOMAIN, e.g."
                            + " /api/*=api.example.com (a DNS name, served over HTTPS; not the default /*)");
                    continue;
                }
                routes.put(pattern, origin);
            }
            return routes;
        }
    }
}
