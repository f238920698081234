package dev.rendergate.farm;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.egress.EgressLimits;
import dev.rendergate.farm.egress.EgressPolicy;
import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.ChromiumEngine;
import dev.rendergate.farm.render.EnginePool;
import dev.rendergate.farm.render.HtmlUnitEngine;
import dev.rendergate.farm.render.RenderEngine;
import dev.rendergate.farm.render.RenderPipeline;
import dev.rendergate.farm.render.RenderSettings;
import dev.rendergate.farm.render.auto.AutoEngine;
import dev.rendergate.farm.render.auto.AutoSettings;
import dev.rendergate.farm.render.auto.RouteKnowledge;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the engine pool for the configured engine mode; the one place that knows which engines exist. */
final class EngineWiring {
    private static final Logger LOG = LoggerFactory.getLogger(EngineWiring.class);
    /** How long a route stays with Chromium before HtmlUnit is tried on it again. */
    static final Duration RELEARN_AFTER = Duration.ofHours(6);
    /** What {@code /ready} and the start-up log say when {@code auto} has no Chromium. */
    static final String NO_CHROMIUM = "no Chromium: pages HtmlUnit cannot run will fail "
            + "(install Debian's chromium package, or point --chromium at a Chromium executable)";

    private final FarmConfig config;
    private final FarmMetrics metrics;
    private final RenderSettings settings;
    private final SubrequestPolicy policy;
    private final EgressPolicy egressPolicy;
    private final BiConsumer<URI, Device> renderAgain;
    private AutoEngine.Factory auto;

    /**
     * @param renderAgain renders a page again and replaces its snapshot (when {@code auto} found HtmlUnit's answer
     *                    for its route wrong)
     */
    EngineWiring(FarmConfig config, AddressGuard addresses, FarmMetrics metrics, BiConsumer<URI, Device> renderAgain) {
        this.config = config;
        this.metrics = metrics;
        this.renderAgain = renderAgain;
        this.settings = new RenderSettings(config.renderTimeout(), config.timeoutStatus(), config.networkIdle(),
                config.appRootSelector(), config.allowedOrigins(), config.publicOrigin());
        this.policy = new SubrequestPolicy(config.allowedOrigins(), addresses);
        this.egressPolicy = new EgressPolicy(config.allowedOrigins(), addresses);
    }

    /**
     * The pipeline for the configured mode.
     *
     * @throws IllegalStateException when {@code chromium} is asked for and no Chromium is installed or it cannot start
     */
    RenderPipeline pipeline() {
        org.htmlunit.Cache scripts = HtmlUnitEngine.sharedCache(config.poolSize());
        EgressProxy egress = new EgressProxy(egressPolicy, EgressLimits.DEFAULTS, metrics);
        Supplier<RenderEngine> htmlUnit = () -> new HtmlUnitEngine(settings, policy, metrics, scripts, egress).warmUp();
        Optional<ChromiumEngine> chromium = config.engine() == EngineMode.HTMLUNIT ? Optional.empty() : chromium(egress);
        List<AutoCloseable> shared = new ArrayList<>();
        chromium.ifPresent(shared::add);
        Supplier<RenderEngine> factory = switch (config.engine()) {
            case HTMLUNIT -> htmlUnit;
            case AUTO -> {
                chromium.ifPresentOrElse(ChromiumEngine::startInBackground,
                        () -> LOG.warn("event=engine-auto-without-chromium {}", NO_CHROMIUM));
                AutoSettings autoSettings = new AutoSettings(config.effectiveProbeBudget(), config.renderTimeout(),
                        config.agreementsNeeded(), config.recheckEvery(), RELEARN_AFTER);
                auto = new AutoEngine.Factory(htmlUnit, chromium.map(ChromiumEngine::sharedView),
                        knowledge(autoSettings), autoSettings, metrics, renderAgain);
                shared.add(auto);
                yield auto::create;
            }
            case CHROMIUM -> {
                ChromiumEngine engine = chromium.orElseThrow(() -> new IllegalStateException(
                        "engine chromium: no Chromium executable found (install the 'chromium' package, or point "
                                + "--chromium at one) or use --engine htmlunit|auto"));
                try {
                    engine.start();
                } catch (RuntimeException e) {
                    throw new IllegalStateException("engine chromium: cannot start Chromium: " + e.getMessage(), e);
                }
                yield engine::sharedView;
            }
        };
        shared.add(egress); // closed last: the engines above would otherwise see their proxy vanish mid-render
        EnginePool pool = new EnginePool(factory, config.poolSize(), config.queueSize(),
                config.maxRendersPerEngine(), config.timeoutStatus(), config.renderTimeout(), metrics);
        Optional<String> missing = Optional.ofNullable(
                config.engine() == EngineMode.AUTO && chromium.isEmpty() ? NO_CHROMIUM : null);
        return new RenderPipeline(pool, settings, () -> closeAll(shared),
                () -> chromium.map(ChromiumEngine::launchSettled).orElse(true),
                () -> chromium.isPresent() ? chromium.get().problem() : missing);
    }

    /** The route knowledge of {@code auto}, or null in the other modes (for the status endpoint). */
    RouteKnowledge routes() {
        return auto == null ? null : auto.knowledge();
    }

    private RouteKnowledge knowledge(AutoSettings settings) {
        Clock clock = Clock.systemUTC();
        return config.redisUri() == null ? RouteKnowledge.local(clock, settings)
                : RouteKnowledge.shared(clock, settings, URI.create(config.redisUri()));
    }

    private Optional<ChromiumEngine> chromium(EgressProxy egress) {
        String configured = config.chromium();
        if (FarmConfig.NO_CHROMIUM.equals(configured)) {
            return Optional.empty();
        }
        if (configured == null) {
            return ChromiumEngine.ifInstalled(config.poolSize(), settings, policy, metrics, egress);
        }
        Path exe = Path.of(configured);
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("--chromium " + configured + ": not an executable file "
                    + "(give the path of Chromium, or 'none' to render with HtmlUnit alone)");
        }
        return Optional.of(ChromiumEngine.at(exe, config.poolSize(), settings, policy, metrics, egress));
    }

    private static void closeAll(List<AutoCloseable> closeables) throws Exception {
        Exception first = null;
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
