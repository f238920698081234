package dev.rendergate.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/** The app synthesized offline, as the tests see it: its two templates. */
final class Synthesized {

    final RendergateApp.Stacks stacks;
    final Template data;
    final Template main;

    private Synthesized(RendergateApp.Stacks stacks, Template data, Template main) {
        this.stacks = stacks;
        this.data = data;
        this.main = main;
    }

    /** The repository root, from the build (or the module's parent folder). */
    static Path repo() {
        return Path.of(System.getProperty("rendergate.repo", "..")).toAbsolutePath().normalize();
    }

    /**
     * @param settings   context settings without the {@code rendergate:} prefix
     * @param validation whether CDK runs its own construct validation during synthesis
     */
    static Synthesized of(Map<String, String> settings, boolean validation) {
        Map<String, Object> context = new LinkedHashMap<>();
        // Assets are fingerprinted where they are instead of copied into cdk.out: the same templates, faster.
        context.put("aws:cdk:disable-asset-staging", true);
        settings.forEach((key, value) -> context.put(InfraConfig.PREFIX + key, value));
        App app = new App(AppProps.builder().context(context).build());
        RendergateApp.Stacks stacks = RendergateApp.define(app, repo(), Map.of());
        RendergateApp.synth(app, validation);
        return new Synthesized(stacks, Template.fromStack(stacks.data()), Template.fromStack(stacks.main()));
    }
}
