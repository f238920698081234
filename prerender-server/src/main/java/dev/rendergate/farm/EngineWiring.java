package dev.rendergate.farm;

import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.AutoEngine;
import dev.rendergate.farm.render.EngineMemory;
import dev.rendergate.farm.render.EnginePool;
import dev.rendergate.farm.render.HtmlUnitEngine;
import dev.rendergate.farm.render.RenderEngine;
import dev.rendergate.farm.render.RenderPipeline;
import dev.rendergate.farm.render.RenderSettings;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the engine pool for the configured engine mode; the one place that knows which engines exist. */
final class EngineWiring {
    private final FarmConfig config;
    private final FarmMetrics metrics;
    private final RenderSettings settings;
    private final SubrequestPolicy policy;

    EngineWiring(FarmConfig config, AddressGuard addresses, FarmMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.settings = new RenderSettings(config.renderTimeout(), config.timeoutStatus(), config.networkIdle(),
                config.appRootSelector(), config.allowedOrigins(), config.publicOrigin());
        this.policy = new SubrequestPolicy(config.allowedOrigins(), addresses);
    }

    RenderPipeline pipeline() {
        EnginePool pool = new EnginePool(engineFactory(), config.poolSize(), config.queueSize(),
                config.maxRendersPerEngine(), config.timeoutStatus(), config.renderTimeout(), metrics);
        return new RenderPipeline(pool, settings);
    }

    private Supplier<RenderEngine> engineFactory() {
        Supplier<RenderEngine> htmlUnit = () -> new HtmlUnitEngine(settings, policy, metrics);
        return switch (config.engine()) {
            case HTMLUNIT -> htmlUnit;
            case AUTO -> {
                EngineMemory memory = new EngineMemory();
                Optional<RenderEngine> chromium = Optional.empty();
                yield () -> new AutoEngine(htmlUnit.get(), chromium, memory);
            }
            case CHROMIUM -> throw new IllegalStateException(
                    "engine chromium: the Chromium engine is not available in this build; use htmlunit or auto");
        };
    }
}
