package dev.rendergate.farm.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import java.net.URI;
import java.time.Duration;

/**
 * A Lettuce client that never makes a request wait on Redis for long: every command and every connect
 * is bounded, commands are refused at once while disconnected, and it reconnects by itself. The farm's
 * shared cache tier and the gateway's short links use it, since both serve requests whatever Redis does.
 */
public final class FailFastRedis {

    private static final Duration MIN_CONNECT = Duration.ofSeconds(1);

    private FailFastRedis() {
    }

    /**
     * @param redisUri {@code redis://host:port[/db]}
     * @param timeout  the bound on each command
     * @return Lettuce's form of the address, carrying the timeout
     */
    public static RedisURI uri(URI redisUri, Duration timeout) {
        RedisURI uri = RedisURI.create(redisUri.toString());
        uri.setTimeout(timeout);
        return uri;
    }

    /**
     * @param resources the client's threads and reconnect policy; the caller shuts them down
     * @param uri       from {@link #uri}: its timeout bounds each command (connecting gets at least a second)
     * @return the client; nothing is connected yet
     */
    public static RedisClient client(ClientResources resources, RedisURI uri) {
        Duration timeout = uri.getTimeout();
        RedisClient client = RedisClient.create(resources, uri);
        Duration connectTimeout = timeout.compareTo(MIN_CONNECT) < 0 ? MIN_CONNECT : timeout;
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
        return client;
    }
}
