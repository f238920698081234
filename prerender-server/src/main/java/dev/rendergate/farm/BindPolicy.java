package dev.rendergate.farm;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a farm may listen: on loopback with or without a token (local development, {@code up}), anywhere else
 * only with a token of at least {@link #MIN_TOKEN_LENGTH} characters. A farm without a token renders, recaches
 * and empties its cache for anyone who reaches its port, so an address other machines can reach needs one
 * long enough not to be guessed.
 */
public final class BindPolicy {

    /** The shortest token a farm listening off loopback accepts (e.g. {@code openssl rand -hex 24} gives 48). */
    public static final int MIN_TOKEN_LENGTH = 32;

    private BindPolicy() {
    }

    /**
     * Checks the bind address and the token of {@code config}.
     *
     * @throws IllegalArgumentException naming the address, what is missing and the two ways to fix it
     */
    public static void check(FarmConfig config) {
        String bind = config.bindHost();
        if (loopbackOnly(bind)) {
            return;
        }
        String token = config.token();
        if (token == null) {
            throw new IllegalArgumentException("the farm would listen on " + bind + ", reachable from other machines, "
                    + "without a token: anyone reaching the port could render, recache and empty the cache. " + fix());
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the farm would listen on " + bind + ", reachable from other machines, "
                    + "with a token of " + token.length() + " characters; it needs at least " + MIN_TOKEN_LENGTH + ". "
                    + fix());
        }
    }

    /** True when every address {@code host} names is a loopback address (a name that does not resolve is not). */
    static boolean loopbackOnly(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String fix() {
        return "Set a token of at least " + MIN_TOKEN_LENGTH + " characters (e.g. openssl rand -hex 24) in "
                + "RENDERGATE_TOKEN or a file named by --token-file / RENDERGATE_TOKEN_FILE, or listen on loopback only "
                + "with --bind 127.0.0.1 (RENDERGATE_BIND)";
    }
}
