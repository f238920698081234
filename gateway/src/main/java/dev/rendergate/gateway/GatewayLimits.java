package dev.rendergate.gateway;

/**
 * Request size limits; each breach is answered with its own 4xx and the gateway keeps serving.
 *
 * @param maxUriLength   request line length (method + URI + version); longer → 414
 * @param maxHeaderBytes all header lines together; larger → 431
 * @param maxBodyBytes   request body on proxied routes; larger → 413
 * @param smallFileBytes files up to this size are kept in memory (with their gzip form)
 * @param fileCacheBytes total bytes of that in-memory file cache
 */
public record GatewayLimits(int maxUriLength, int maxHeaderBytes, int maxBodyBytes, int smallFileBytes,
                            long fileCacheBytes) {

    public GatewayLimits {
        if (maxUriLength < 64 || maxHeaderBytes < 256 || maxBodyBytes < 0 || smallFileBytes < 0
                || fileCacheBytes < 0) {
            throw new IllegalArgumentException("implausible limits: " + maxUriLength + "/" + maxHeaderBytes
                    + "/" + maxBodyBytes + "/" + smallFileBytes + "/" + fileCacheBytes);
        }
    }

    /** 8 KiB request line, 16 KiB headers, 1 MiB body, files up to 1 MiB cached within 64 MiB. */
    public static GatewayLimits defaults() {
        return new GatewayLimits(8 * 1024, 16 * 1024, 1024 * 1024, 1024 * 1024, 64L * 1024 * 1024);
    }

    public GatewayLimits withMaxUriLength(int value) {
        return new GatewayLimits(value, maxHeaderBytes, maxBodyBytes, smallFileBytes, fileCacheBytes);
    }

    public GatewayLimits withMaxHeaderBytes(int value) {
        return new GatewayLimits(maxUriLength, value, maxBodyBytes, smallFileBytes, fileCacheBytes);
    }

    public GatewayLimits withMaxBodyBytes(int value) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, value, smallFileBytes, fileCacheBytes);
    }

    public GatewayLimits withFileCache(int smallFile, long total) {
        return new GatewayLimits(maxUriLength, maxHeaderBytes, maxBodyBytes, smallFile, total);
    }
}
