package dev.rendergate.farm.limit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/**
 * The client a render is charged to: the viewer's address as the edge saw it ({@value #HEADER}, which the
 * CloudFront edge function and the gateway set after dropping every {@code x-rendergate-*} header a client
 * sent), else the address of the connection. IPv6 addresses are grouped by their /64, the block one
 * subscriber usually holds, so a client cannot escape its limit by walking its own prefix. A loopback client is
 * not charged: it is a tool on the farm's own host ({@code warm}, {@code up}'s tests), never a viewer the edge saw.
 */
public final class ClientAddress {

    /** The header the edge and the gateway put the viewer's address in. */
    public static final String HEADER = "X-Rendergate-Client-Ip";

    private static final int MAX_LITERAL_LENGTH = 45;

    private ClientAddress() {
    }

    /**
     * The key {@link MissRateLimit} counts under: the forwarded address if it is an IP literal, else the
     * connection's address, else {@code unknown}; null for a loopback client, which is not limited.
     *
     * @param forwarded the {@value #HEADER} value, or null
     * @param source    the connection's peer address, or null
     */
    public static String key(String forwarded, SocketAddress source) {
        InetAddress address = forwarded == null ? null : literal(forwarded.strip());
        if (address == null && source instanceof InetSocketAddress inet) {
            address = inet.getAddress();
        }
        if (address == null) {
            return "unknown";
        }
        return address.isLoopbackAddress() ? null : key(address);
    }

    static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder out = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            out.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
        }
        return out.append(":/64").toString();
    }

    /** An IPv4 dotted quad or an IPv6 literal, parsed without any name lookup; null for anything else. */
    static InetAddress literal(String text) {
        if (text.isEmpty() || text.length() > MAX_LITERAL_LENGTH) {
            return null;
        }
        try {
            if (text.indexOf(':') >= 0) {
                // Brackets make the JDK parse an IPv6 literal or fail; it never asks DNS for one.
                return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
                        ? InetAddress.getByName("[" + text + "]") : null;
            }
            return text.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")
                    ? InetAddress.getByName(text) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
