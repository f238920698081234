package dev.rendergate.edge.lambda;

import dev.rendergate.edge.request.CloudFrontFarm;

/**
 * The build step that refuses a Lambda@Edge package CloudFront would reject: it reads the bundled
 * settings ({@link EdgeBuildConfig}) and fails, naming each bad setting and its fix, before the bundle
 * is compiled. Run by the edge-function module's build; exits non-zero on a bad setting.
 */
public final class BundledConfigCheck {

    private BundledConfigCheck() {
    }

    /**
     * @param args ignored
     * @throws IllegalArgumentException naming every setting CloudFront would reject
     */
    public static void main(String[] args) {
        CloudFrontFarm.check(EdgeBuildConfig.edgeConfig());
    }
}
