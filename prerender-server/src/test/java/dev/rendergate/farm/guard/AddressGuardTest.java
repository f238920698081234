package dev.rendergate.farm.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    /** A resolver table instead of DNS: names that point where an attacker wants. */
    private static final Map<String, String[]> DNS = Map.of(
            "public.example", new String[] {"93.184.216.34"},
            "rebind.example", new String[] {"93.184.216.34", "10.0.0.5"},
            "metadata.example", new String[] {"169.254.169.254"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private final AddressGuard guard = new AddressGuard(Set.of("localhost:8080"), host -> {
        String[] ips = DNS.get(host);
        if (ips == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getByName(ips[i]);
        }
        return out;
    });

    @Test
    void publicName_isAllowed() {
        assertThat(guard.refusal("public.example", 443)).isEmpty();
    }

    @Test
    void nameWithOnePrivateAnswer_isRefused() {
        assertThat(guard.refusal("rebind.example", 443)).hasValue("private-address:private");
    }

    @Test
    void nameResolvingToMetadata_isRefused() {
        assertThat(guard.refusal("metadata.example", 80)).hasValue("private-address:metadata");
    }

    @Test
    void exception_appliesToExactHostAndPortOnly() {
        assertThat(guard.refusal("localhost", 8080)).isEmpty();
        assertThat(guard.refusal("LOCALHOST", 8080)).isEmpty();
        assertThat(guard.refusal("localhost", 8081)).hasValue("private-address:loopback");
    }

    @Test
    void unknownHost_isRefused() {
        assertThat(guard.refusal("nowhere.example", 80)).hasValue("unknown-host");
    }

    @Test
    void ipLiterals_areClassifiedWithoutDns() {
        AddressGuard system = AddressGuard.system(Set.of());
        assertThat(system.refusal("127.0.0.1", 80)).hasValue("private-address:loopback");
        assertThat(system.refusal("[::1]", 80)).hasValue("private-address:loopback");
        assertThat(system.refusal("169.254.169.254", 80)).hasValue("private-address:metadata");
    }
}
