package dev.rendergate.farm.testing;

import dev.rendergate.farm.egress.EgressLimits;
import dev.rendergate.farm.egress.EgressPolicy;
import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.UrlGuard;
import dev.rendergate.farm.metrics.FarmMetrics;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The farm's egress proxy for tests that drive an engine directly: renders may reach the given loopback origins. */
public final class TestEgress {
    private TestEgress() {
    }

    /** A proxy that lets renders reach exactly {@code origins} ({@code http://127.0.0.1:port}), loopback as they are. */
    public static EgressProxy allowing(String... origins) {
        Set<String> exceptions = Stream.of(origins).map(URI::create)
                .map(u -> u.getHost() + ":" + UrlGuard.effectivePort(u)).collect(Collectors.toSet());
        return new EgressProxy(new EgressPolicy(List.of(origins), AddressGuard.system(exceptions)),
                EgressLimits.DEFAULTS, new FarmMetrics());
    }
}
