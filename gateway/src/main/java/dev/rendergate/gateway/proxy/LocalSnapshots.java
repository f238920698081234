package dev.rendergate.gateway.proxy;

import java.util.Map;
import java.util.Optional;

/**
 * Cache hits a farm in the same process hands over directly. {@code rendergate up} runs the farm inside
 * the gateway's process, where a loopback HTTP exchange per crawler hit would cost more CPU than
 * everything else on the path; with this the gateway answers a fresh hit on its own event loop. A miss,
 * a stale snapshot or a URL the farm refuses still goes to the farm over HTTP, which renders,
 * revalidates or explains the refusal exactly as for a remote farm.
 */
@FunctionalInterface
public interface LocalSnapshots {

    /**
     * Looks up a fresh snapshot; never blocks, renders or resolves a name.
     *
     * @param publicUrl the page's absolute URL
     * @param device    the device label the edge chose ({@code mobile} or {@code desktop})
     * @return the farm's answer for a fresh hit, or empty to ask the farm over HTTP
     */
    Optional<Answer> freshHit(String publicUrl, String device);

    /**
     * The farm's response for a hit, as its HTTP server would send it.
     *
     * @param status  the HTTP status
     * @param headers the farm's response headers, header-safe
     * @param body    the page; shared, never modified
     */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }
}
