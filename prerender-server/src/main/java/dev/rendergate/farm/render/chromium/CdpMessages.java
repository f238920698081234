package dev.rendergate.farm.render.chromium;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;

/**
 * DevTools messages as JSON: objects become {@code Map<String, Object>}, arrays lists, integers {@code Long},
 * fractions {@code Double}. One string may be as long as a whole message (a page's HTML is one string).
 */
final class CdpMessages {
    private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() { };
    private static final int MAX_NESTING = 200;

    private final ObjectMapper mapper;

    CdpMessages(int maxMessageChars) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxMessageChars)
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.USE_LONG_FOR_INTS).build();
    }

    /** Writes one message built from maps, lists, strings, numbers, booleans and null. */
    byte[] write(Map<String, Object> message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("DevTools message not writable: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads one message; throws {@link IllegalArgumentException} on malformed JSON or a non-object. */
    Map<String, Object> read(byte[] json, int length) {
        try {
            Map<String, Object> message = mapper.readValue(json, 0, length, MESSAGE);
            if (message == null) {
                throw new IllegalArgumentException("DevTools message is null, not an object");
            }
            return message;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed DevTools message: " + e.getMessage(), e);
        }
    }
}
