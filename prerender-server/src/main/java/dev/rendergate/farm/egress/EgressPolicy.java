package dev.rendergate.farm.egress;

import dev.rendergate.farm.guard.AddressGuard;
import java.util.List;
import java.util.Set;

/**
 * What the egress proxy lets a render reach: an allowed origin whose name resolves to public addresses only (or a
 * configured private-address exception). The same allow-list and address rules as the farm's front door.
 */
public final class EgressPolicy {
    private final Set<String> allowedOrigins;
    private final AddressGuard addresses;

    public EgressPolicy(List<String> allowedOrigins, AddressGuard addresses) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.addresses = addresses;
    }

    /**
     * Checks one target, resolving its name exactly once. A plain request must go to an allowed {@code http}
     * origin; a tunnel to the host and port of an allowed {@code https} origin, or of an {@code http} one (a
     * WebSocket to {@code ws://} is tunnelled too).
     */
    AddressGuard.Checked check(ProxyTarget target) {
        String suffix = "://" + target.host() + ":" + target.port();
        boolean allowed = allowedOrigins.contains("http" + suffix)
                || (target.tunnel() && allowedOrigins.contains("https" + suffix));
        if (!allowed) {
            return AddressGuard.Checked.refused("origin-not-allowed");
        }
        return addresses.check(target.host(), target.port());
    }
}
