package dev.rendergate.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.EdgeLambda;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.LambdaEdgeEventType;
import software.amazon.awscdk.services.cloudfront.OriginRequestCookieBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.experimental.EdgeFunction;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOriginWithOACProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The site at the edge: a private, versioned, encrypted bucket that only the distribution can read (Origin
 * Access Control), the SPA uploaded into it, and the CloudFront distribution with the Lambda@Edge
 * function on viewer-request and origin-request of the default behaviour. The function finds the farm
 * and its token in the S3 origin's custom headers ({@code X-Rendergate-Farm}, {@code X-Prerender-Token}),
 * set here from the load balancer's DNS name and the Secrets Manager secret, so the package carries
 * neither. There is no 404 to {@code /index.html} error response: the function does the SPA fallback,
 * so the farm's real 404s stay 404s.
 */
final class SiteDistribution extends Construct {

    /** Marker headers in the cache key: crawler and person responses never share an entry. */
    static final List<String> CACHE_KEY_HEADERS = List.of("X-Rendergate-Bot", "X-Rendergate-Class",
            "X-Rendergate-Device");
    /** Marker headers the farm needs but that must not split the cache. */
    static final List<String> FORWARDED_HEADERS = List.of("X-Rendergate-Ua", "X-Rendergate-Host");

    private final Bucket bucket;
    private final EdgeFunction edgeFunction;

    SiteDistribution(Construct scope, String id, InfraConfig config) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Site")
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        edgeFunction = EdgeFunction.Builder.create(this, "EdgeFunction")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromAsset(config.edgeZip().toString()))
                // The viewer-request quotas: 128 MB, 5 s.
                .memorySize(128)
                .timeout(Duration.seconds(5))
                .description("rendergate edge: crawler detection (viewer-request) and farm routing (origin-request)")
                .build();
    }

    /** Second step: the distribution, once the farm's address is known. */
    Distribution distribute(InfraConfig config, String farmUrl, ISecret token) {
        Map<String, String> farmHeaders = new LinkedHashMap<>();
        farmHeaders.put("X-Rendergate-Farm", farmUrl);
        farmHeaders.put("X-Prerender-Token", token.getSecretValue().unsafeUnwrap());
        BehaviorOptions.Builder site = BehaviorOptions.builder()
                .origin(S3BucketOrigin.withOriginAccessControl(bucket, S3BucketOriginWithOACProps.builder()
                        .customHeaders(farmHeaders)
                        .build()))
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_GET_HEAD_OPTIONS)
                .cachePolicy(cachePolicy())
                .originRequestPolicy(originRequestPolicy())
                .responseHeadersPolicy(securityHeaders())
                .compress(true)
                .edgeLambdas(List.of(
                        EdgeLambda.builder().eventType(LambdaEdgeEventType.VIEWER_REQUEST)
                                .functionVersion(edgeFunction.getCurrentVersion()).build(),
                        EdgeLambda.builder().eventType(LambdaEdgeEventType.ORIGIN_REQUEST)
                                .functionVersion(edgeFunction.getCurrentVersion()).build()));
        Distribution.Builder builder = Distribution.Builder.create(this, "Distribution")
                .comment("rendergate: the SPA for people, prerendered HTML for crawlers")
                .defaultBehavior(site.build())
                .defaultRootObject("index.html")
                .priceClass(PriceClass.PRICE_CLASS_100)
                .additionalBehaviors(routes(config));
        if (!config.domainName().isEmpty()) {
            builder.domainNames(List.of(config.domainName()))
                    .certificate(Certificate.fromCertificateArn(this, "Certificate", config.certificateArn()));
        }
        Distribution built = builder.build();
        upload(config, built);
        return built;
    }

    private CachePolicy cachePolicy() {
        return CachePolicy.Builder.create(this, "SiteCache")
                .comment("rendergate: crawler markers in the key, so crawlers and people never share an entry")
                .headerBehavior(CacheHeaderBehavior.allowList(CACHE_KEY_HEADERS.toArray(String[]::new)))
                .queryStringBehavior(CacheQueryStringBehavior.all())
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .defaultTtl(Duration.days(1))
                .minTtl(Duration.seconds(0))
                .maxTtl(Duration.days(365))
                .build();
    }

    private OriginRequestPolicy originRequestPolicy() {
        return OriginRequestPolicy.Builder.create(this, "SiteOriginRequest")
                .comment("rendergate: the original User-Agent and Host and the query reach the farm")
                .headerBehavior(OriginRequestHeaderBehavior.allowList(FORWARDED_HEADERS.toArray(String[]::new)))
                .queryStringBehavior(OriginRequestQueryStringBehavior.all())
                .cookieBehavior(OriginRequestCookieBehavior.none())
                .build();
    }

    private ResponseHeadersPolicy securityHeaders() {
        return ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("rendergate: security headers on every response")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365)).includeSubdomains(true).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.SAMEORIGIN).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN).override(true).build())
                        .build())
                .build();
    }

    /** Other services behind the same edge: their own origins, nothing cached, the function not run. */
    private static Map<String, BehaviorOptions> routes(InfraConfig config) {
        Map<String, BehaviorOptions> behaviors = new LinkedHashMap<>();
        config.routes().forEach((pattern, domain) -> behaviors.put(pattern, BehaviorOptions.builder()
                .origin(HttpOrigin.Builder.create(domain).build())
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .build()));
        return behaviors;
    }

    /**
     * The SPA into the bucket: files under {@code assets/} (hashed names, as Vite and most bundlers write
     * them) cached for a year, HTML never without revalidation, the rest for five minutes. The HTML goes
     * last and invalidates the distribution, so people never get an index naming assets not yet there.
     */
    private void upload(InfraConfig config, Distribution target) {
        String site = config.siteDir().toString();
        BucketDeployment hashed = deployment("HashedAssets", site, List.of("*"), List.of("assets/*"),
                "public, max-age=31536000, immutable");
        BucketDeployment other = deployment("OtherFiles", site, List.of("assets/*", "*.html"), List.of(),
                "public, max-age=300");
        BucketDeployment html = BucketDeployment.Builder.create(this, "Html")
                .sources(List.of(Source.asset(site)))
                .destinationBucket(bucket)
                .exclude(List.of("*"))
                .include(List.of("*.html"))
                .cacheControl(List.of(CacheControl.fromString("no-cache")))
                .prune(false)
                .distribution(target)
                .distributionPaths(List.of("/*"))
                .memoryLimit(512)
                .build();
        html.getNode().addDependency(hashed, other);
    }

    private BucketDeployment deployment(String id, String site, List<String> exclude, List<String> include,
            String cacheControl) {
        return BucketDeployment.Builder.create(this, id)
                .sources(List.of(Source.asset(site)))
                .destinationBucket(bucket)
                .exclude(exclude)
                .include(include)
                .cacheControl(List.of(CacheControl.fromString(cacheControl)))
                .prune(false)
                .memoryLimit(512)
                .build();
    }

    EdgeFunction edgeFunction() {
        return edgeFunction;
    }
}
