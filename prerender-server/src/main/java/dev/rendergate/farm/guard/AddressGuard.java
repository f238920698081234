package dev.rendergate.farm.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses destinations whose host resolves to any non-public address, unless the exact {@code host:port} is a
 * configured exception (local development: the {@code up} origin on 127.0.0.1).
 */
public final class AddressGuard {

    /** Resolves a host name to all its addresses; the JDK resolver in production, a table in tests. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> exceptions;
    private final HostResolver resolver;

    public AddressGuard(Set<String> exceptions, HostResolver resolver) {
        this.exceptions = Set.copyOf(exceptions.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
        this.resolver = resolver;
    }

    /** A guard using the JDK resolver. */
    public static AddressGuard system(Set<String> exceptions) {
        return new AddressGuard(exceptions, InetAddress::getAllByName);
    }

    /** The outcome of one {@link #check}: the addresses that were checked, or why none may be contacted. */
    public record Checked(Optional<String> refusal, List<InetAddress> addresses) {
        public Checked {
            addresses = List.copyOf(addresses);
        }

        /** A refusal for {@code reason}, with no address. */
        public static Checked refused(String reason) {
            return new Checked(Optional.of(reason), List.of());
        }
    }

    /**
     * Why {@code host:port} must not be contacted ({@code private-address:loopback}, {@code unknown-host}), or
     * empty when it may. Every resolved address must be public: one private answer is enough to refuse.
     */
    public Optional<String> refusal(String host, int port) {
        return check(host, port).refusal();
    }

    /**
     * Resolves {@code host} once and checks every answer, as {@link #refusal} does; an allowed result carries the
     * addresses it checked, so a caller that connects to one of them contacts exactly what was checked (a second
     * lookup could answer differently: DNS rebinding).
     */
    public Checked check(String host, int port) {
        String h = stripBrackets(host.toLowerCase(Locale.ROOT));
        boolean exception = exceptions.contains(h + ":" + port) || exceptions.contains("[" + h + "]:" + port);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(h);
        } catch (UnknownHostException e) {
            return Checked.refused("unknown-host");
        }
        if (addresses == null || addresses.length == 0) {
            return Checked.refused("unknown-host");
        }
        if (!exception) {
            for (InetAddress a : addresses) {
                AddressClass c = AddressClass.of(a);
                if (!c.isPublic()) {
                    return Checked.refused("private-address:" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }
        return new Checked(Optional.empty(), Arrays.asList(addresses));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
