package dev.rendergate.farm;

import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.AutoEngine;
import dev.rendergate.farm.render.ChromiumEngine;
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

    /**
     * The pipeline for the configured mode.
     *
     * @throws IllegalStateException when {@code chromium} is asked for and no Chromium is installed or it cannot start
     */
    RenderPipeline pipeline() {
        Supplier<RenderEngine> htmlUnit = () -> new HtmlUnitEngine(settings, policy, metrics).warmUp();
        Optional<ChromiumEngine> chromium = config.engine() == EngineMode.HTMLUNIT ? Optional.empty()
                : ChromiumEngine.ifInstalled(config.poolSize(), settings, policy, metrics);
        Supplier<RenderEngine> factory = switch (config.engine()) {
            case HTMLUNIT -> htmlUnit;
            case AUTO -> {
                chromium.ifPresent(ChromiumEngine::startInBackground);
                EngineMemory memory = new EngineMemory();
                yield () -> new AutoEngine(htmlUnit.get(), chromium.map(ChromiumEngine::sharedView), memory,
                        metrics);
            }
            case CHROMIUM -> {
                ChromiumEngine engine = chromium.orElseThrow(() -> new IllegalStateException(
                        "engine chromium: no Chromium executable found (install the 'chromium' package) "
                                + "or use --engine htmlunit|auto"));
                try {
                    engine.start();
                } catch (RuntimeException e) {
                    throw new IllegalStateException("engine chromium: cannot start Chromium: " + e.getMessage(), e);
                }
                yield engine::sharedView;
            }
        };
        EnginePool pool = new EnginePool(factory, config.poolSize(), config.queueSize(),
                config.maxRendersPerEngine(), config.timeoutStatus(), config.renderTimeout(), metrics);
        return new RenderPipeline(pool, settings, chromium.orElse(null),
                () -> chromium.map(ChromiumEngine::launchSettled).orElse(true));
    }
}
