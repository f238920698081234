package dev.rendergate.farm.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The farm's JSON: one Jackson mapper for every JSON body the farm reads or writes (records as objects, instants
 * as ISO-8601 text, nesting bounded), and the two ways a route answers with JSON.
 */
public final class FarmJson {
    /** Deeper input is refused: no farm body needs more, and deep nesting costs stack. */
    public static final int MAX_DEPTH = 32;

    /** The shared mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FarmJson() {
    }

    /**
     * Parses {@code text} as one JSON value.
     *
     * @throws IllegalArgumentException saying where it is malformed (or too deep)
     */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at offset " + e.getLocation().getCharOffset()), e);
        }
    }

    /** Answers {@code body} as JSON, never cached by a browser or proxy. */
    public static void send(HttpServerExchange exchange, int status, Object body) {
        String json;
        try {
            json = MAPPER.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(json);
    }

    /** Answers a refusal: {@code {"error": reason, "message": message}} and the reason header. */
    public static void fail(HttpServerExchange exchange, int status, String reason, String message) {
        exchange.getResponseHeaders().put(FarmHeaders.REASON, reason);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", reason);
        body.put("message", message);
        send(exchange, status, body);
    }
}
