package dev.rendergate.farm;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads {@code RENDERGATE_*} variables into a {@link FarmConfig}; every error names the variable and its value. */
final class FarmConfigReader {
    private static final String PREFIX = "RENDERGATE_";
    private final Map<String, String> env;

    FarmConfigReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    FarmConfig read(FarmConfig base) {
        FarmConfig c = base;
        c = apply(c, "BIND", s -> s, FarmConfig::withBindHost);
        c = apply(c, "PORT", Integer::parseInt, FarmConfig::withPort);
        c = apply(c, "ALLOW_ORIGIN", FarmConfigReader::list, FarmConfig::withAllowedOrigins);
        c = apply(c, "TOKEN", s -> s, FarmConfig::withToken);
        c = apply(c, "ENGINE", EngineMode::fromLabel, FarmConfig::withEngine);
        c = apply(c, "POOL", Integer::parseInt, FarmConfig::withPoolSize);
        c = apply(c, "QUEUE", Integer::parseInt, FarmConfig::withQueueSize);
        c = apply(c, "RENDER_TIMEOUT", FarmConfig::parseDuration, FarmConfig::withRenderTimeout);
        c = apply(c, "TIMEOUT_STATUS", Integer::parseInt, FarmConfig::withTimeoutStatus);
        c = apply(c, "NETWORK_IDLE", FarmConfig::parseDuration, FarmConfig::withNetworkIdle);
        c = apply(c, "MAX_RENDERS_PER_ENGINE", Integer::parseInt, FarmConfig::withMaxRendersPerEngine);
        c = apply(c, "CACHE_MAX_BYTES", Long::parseLong, FarmConfig::withCacheMaxBytes);
        c = apply(c, "CACHE_TTL", FarmConfig::parseDuration, FarmConfig::withCacheTtl);
        c = apply(c, "REDIS_URI", s -> s, FarmConfig::withRedisUri);
        c = apply(c, "PRIVATE_EXCEPTIONS", s -> new LinkedHashSet<>(list(s)), FarmConfig::withPrivateAddressExceptions);
        c = apply(c, "PUBLIC_ORIGIN", s -> s, FarmConfig::withPublicOrigin);
        c = apply(c, "APP_ROOT", s -> s, FarmConfig::withAppRootSelector);
        return c;
    }

    private <T> FarmConfig apply(FarmConfig c, String name, Function<String, T> parse,
                                 java.util.function.BiFunction<FarmConfig, T, FarmConfig> set) {
        String raw = env.get(PREFIX + name);
        if (raw == null) {
            return c;
        }
        try {
            return set.apply(c, parse.apply(raw));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(PREFIX + name + ": bad value '" + raw + "' (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> list(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
