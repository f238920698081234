package dev.rendergate.gateway.crawler;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** The two DNS questions forward-confirmed reverse DNS asks; tests give their own answers. */
public interface HostResolver {

    /**
     * @param address an IP address literal
     * @return the names its PTR records give; empty when it has none
     * @throws IOException when the lookup fails
     */
    List<String> namesOf(String address) throws IOException;

    /**
     * @param host a host name
     * @return the address literals its A and AAAA records give
     * @throws IOException when the lookup fails
     */
    List<String> addressesOf(String host) throws IOException;

    /** @return the system resolver ({@link InetAddress}) */
    static HostResolver system() {
        return new HostResolver() {
            @Override
            public List<String> namesOf(String address) throws IOException {
                // A literal never reaches DNS here; getHostName then asks for the PTR record and gives the
                // literal back when there is none.
                InetAddress literal = InetAddress.getByName(address);
                String name = literal.getHostName();
                return name.equals(literal.getHostAddress()) ? List.of() : List.of(name);
            }

            @Override
            public List<String> addressesOf(String host) throws IOException {
                List<String> addresses = new ArrayList<>();
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    addresses.add(address.getHostAddress());
                }
                return addresses;
            }
        };
    }
}
