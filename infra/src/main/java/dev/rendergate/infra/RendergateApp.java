package dev.rendergate.infra;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.StageSynthesisOptions;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The CDK app: {@code RendergateData} (network, shared cache) and {@code Rendergate} (site, edge function,
 * farm, alarms), both in us-east-1. {@code cdk deploy --all} runs it through {@code infra/cdk.json};
 * {@code main} synthesizes the CloudFormation templates into {@code cdk.out} without AWS access.
 */
public final class RendergateApp {

    private RendergateApp() {
    }

    /** The two stacks of an app. */
    record Stacks(DataStack data, RendergateStack main) {
    }

    /**
     * Adds the stacks to an app.
     *
     * @param app    the app, whose context holds the settings
     * @param repo   the repository root
     * @param env    the process environment
     * @return the stacks
     */
    static Stacks define(App app, Path repo, Map<String, String> env) {
        InfraConfig config = InfraConfig.from(repo, key -> app.getNode().tryGetContext(key), env);
        StackProps props = StackProps.builder()
                .env(Environment.builder().account(config.account()).region(InfraConfig.REGION).build())
                .description("rendergate: edge prerendering for a single-page app")
                .build();
        DataStack data = new DataStack(app, "RendergateData", props, config);
        RendergateStack main = new RendergateStack(app, "Rendergate", props, config, data);
        main.addDependency(data);
        return new Stacks(data, main);
    }

    /**
     * Synthesizes the app; the repository root is the working directory's parent (cdk runs in infra/)
     * unless {@code RENDERGATE_REPO} says otherwise.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path repo = Path.of(env.getOrDefault("RENDERGATE_REPO", "..")).toAbsolutePath().normalize();
        App app = new App(AppProps.builder().build());
        try {
            define(app, repo, env);
        } catch (IllegalArgumentException e) {
            System.err.println("rendergate deploy: " + e.getMessage());
            System.exit(2);
        }
        CloudAssembly assembly = synth(app, !"false".equals(env.get("CDK_VALIDATION")));
        if ("1".equals(env.get("RENDERGATE_DRY_RUN"))) {
            System.out.print(DryRunReport.of(assembly));
        }
    }

    /**
     * Synthesizes the templates.
     *
     * @param app        the app with its stacks
     * @param validation whether CDK validates every construct first ({@code CDK_VALIDATION=false} skips it:
     *                   much faster, for repeated test synthesis; deploys keep it on)
     */
    static CloudAssembly synth(App app, boolean validation) {
        return app.synth(StageSynthesisOptions.builder().skipValidation(!validation).build());
    }
}
