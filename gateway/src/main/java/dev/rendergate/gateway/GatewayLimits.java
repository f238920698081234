package dev.rendergate.gateway;

/**
 * Request size limits and the bounds on what clients can make the gateway hold; each breach is answered with its own
 * status and reason ({@code X-Rendergate-Reason}) and the gateway keeps serving.
 *
 * @param maxUriLength      request line length (method + URI + version); longer → 414
 * @param maxHeaderBytes    all header lines together; larger → 431
 * @param maxBodyBytes      request body on routes that proxy one (service routes); larger → 413. Every other route
 *                          (files, pages, crawler renders, short links) takes no body: 413 before it is read
 * @param smallFileBytes    files up to this size are kept in memory (with their gzip form)
 * @param fileCacheBytes    total bytes of that in-memory file cache
 * @param maxConnections    client connections open at once; one more gets 503 and is closed
 * @param maxHttp2Streams   concurrent streams per HTTP/2 connection (SETTINGS_MAX_CONCURRENT_STREAMS); one more is
 *                          reset with REFUSED_STREAM
 * @param maxPipelined      HTTP/1.1 requests kept waiting behind the one being answered; the gateway stops reading at
 *                          this bound and answers a request beyond it with 503 and closes
 * @param maxPipelinedBytes request bodies kept waiting behind the one being answered, together
 * @param bodyMemoryBytes   request bodies held at once over all connections; a body beyond → 503 + Retry-After
 */
public record GatewayLimits(int maxUriLength, int maxHeaderBytes, int maxBodyBytes, int smallFileBytes,
                            long fileCacheBytes, int maxConnections, int maxHttp2Streams, int maxPipelined,
                            int maxPipelinedBytes, long bodyMemoryBytes) {

    public GatewayLimits {
        if (maxUriLength < 64 || maxHeaderBytes < 256 || maxBodyBytes < 0 || smallFileBytes < 0
                || fileCacheBytes < 0) {
            throw new IllegalArgumentException("implausible limits: " + maxUriLength + "/" + maxHeaderBytes
                    + "/" + maxBodyBytes + "/" + smallFileBytes + "/" + fileCacheBytes);
        }
        require(maxConnections >= 1, "max connections must be >= 1, got " + maxConnections);
        require(maxHttp2Streams >= 1, "max HTTP/2 streams must be >= 1, got " + maxHttp2Streams);
        require(maxPipelined >= 0, "max pipelined requests must be >= 0, got " + maxPipelined);
        require(maxPipelinedBytes >= 0, "max pipelined body bytes must be >= 0, got " + maxPipelinedBytes);
        require(bodyMemoryBytes >= maxBodyBytes, "body memory (" + bodyMemoryBytes
                + " bytes) must hold at least one request body of the maximum size (" + maxBodyBytes + " bytes)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * 8 KiB request line, 16 KiB headers, 1 MiB body, files up to 1 MiB cached within 64 MiB; 1,024 connections,
     * 32 streams per HTTP/2 connection, 4 pipelined requests with 64 KiB of bodies, 64 MiB of request bodies in all.
     */
    public static GatewayLimits defaults() {
        return new GatewayLimits(8 * 1024, 16 * 1024, 1024 * 1024, 1024 * 1024, 64L * 1024 * 1024,
                1024, 32, 4, 64 * 1024, 64L * 1024 * 1024);
    }

    public GatewayLimits withMaxUriLength(int value) {
        return new GatewayLimits(value, maxHeaderBytes, maxBodyBytes, smallFileBytes, fileCacheBytes,
                maxConnections, maxHttp2Streams, maxPipelined, maxPipelinedBytes, bodyMemoryBytes);
    }

    public GatewayLimits withMaxHeaderBytes(int value) {
        return new GatewayLimits(maxUriLength, value, maxBodyBytes, smallFileBytes, fileCacheBytes,
                maxConnections, maxHttp2Streams, maxPipelined, maxPipelinedBytes, bodyMemoryBytes);
    }

    public GatewayLimits withMaxBodyBytes(int value) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, value, smallFileBytes, fileCacheBytes,
                maxConnections, maxHttp2Streams, maxPipelined, maxPipelinedBytes, bodyMemoryBytes);
    }

    public GatewayLimits withFileCache(int smallFile, long total) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, maxBodyBytes, smallFile, total,
                maxConnections, maxHttp2Streams, maxPipelined, maxPipelinedBytes, bodyMemoryBytes);
    }

    public GatewayLimits withMaxConnections(int value) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, maxBodyBytes, smallFileBytes, fileCacheBytes,
                value, maxHttp2Streams, maxPipelined, maxPipelinedBytes, bodyMemoryBytes);
    }

    public GatewayLimits withMaxHttp2Streams(int value) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, maxBodyBytes, smallFileBytes, fileCacheBytes,
                maxConnections, value, maxPipelined, maxPipelinedBytes, bodyMemoryBytes);
    }

    /** At most {@code requests} pipelined requests with {@code bodyBytes} of bodies wait behind the current one. */
    public GatewayLimits withMaxPipelined(int requests, int bodyBytes) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, maxBodyBytes, smallFileBytes, fileCacheBytes,
                maxConnections, maxHttp2Streams, requests, bodyBytes, bodyMemoryBytes);
    }

    public GatewayLimits withBodyMemoryBytes(long value) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, maxBodyBytes, smallFileBytes, fileCacheBytes,
                maxConnections, maxHttp2Streams, maxPipelined, maxPipelinedBytes, value);
    }
}
