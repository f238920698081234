package dev.rendergate.gateway.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback encoder writing each event as one JSON object per line, for Loki and friends:
 * {@code {"ts":"2026-01-01T00:00:00.123Z","level":"INFO","logger":"rendergate.access","msg":"...",
 * "route":"static",...}}. Key-value pairs become fields (numbers and booleans unquoted); a throwable
 * becomes {@code "error":"Class: message"} without the stack, which stays in plain-text logs.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NONE = new byte[0];
    private static final List<String> RESERVED = List.of("ts", "level", "logger", "msg", "error");

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"ts\":\"").append(Instant.ofEpochMilli(event.getTimeStamp())).append('"');
        field(json, "level", event.getLevel().toString());
        field(json, "logger", event.getLoggerName());
        field(json, "msg", event.getFormattedMessage());
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (pair.key != null && !RESERVED.contains(pair.key)) {
                    field(json, pair.key, pair.value);
                }
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            field(json, "error", error.getClassName() + ": " + error.getMessage());
        }
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder json, String key, Object value) {
        json.append(',');
        quote(json, key);
        json.append(':');
        if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value == null) {
            json.append("null");
        } else {
            quote(json, value.toString());
        }
    }

    static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
