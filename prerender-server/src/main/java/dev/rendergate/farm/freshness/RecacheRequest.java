package dev.rendergate.farm.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.http.FarmJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code POST /recache} asks for: some URLs or one URL prefix, for one device or for every device
 * that is cached, optionally naming the build that triggered it.
 *
 * @param urls   absolute page URLs, as sent (validated by the farm's guard when rendered)
 * @param prefix a URL prefix whose cached snapshots are meant, or {@code null}
 * @param device  the device to recache, or {@code null} for every cached device
 * @param buildId the site build (deploy) that triggered the recache, recorded in the new snapshots, or
 *                {@code null}
 */
public record RecacheRequest(List<String> urls, String prefix, Device device, String buildId) {

    /** Most URLs one request may name, and most cached pages one prefix recaches. */
    public static final int MAX_URLS = 1_000;
    /** Longest build id accepted: it is stored with every snapshot it names. */
    public static final int MAX_BUILD_ID = 128;

    public RecacheRequest {
        urls = List.copyOf(urls);
        if (urls.isEmpty() == (prefix == null)) {
            throw new IllegalArgumentException("give either url/urls or prefix, not both and not neither");
        }
        if (urls.size() > MAX_URLS) {
            throw new IllegalArgumentException("at most " + MAX_URLS + " urls per request, got " + urls.size());
        }
        buildId = checkedBuildId(buildId);
    }

    /** A request that names no build. */
    public RecacheRequest(List<String> urls, String prefix, Device device) {
        this(urls, prefix, device, null);
    }

    /**
     * Reads a JSON body ({@code {"url": ..., "urls": [...], "prefix": ..., "device": ..., "buildId": ...}}) or a
     * form-encoded one ({@code url=...&url=...&prefix=...&device=...&buildId=...}), chosen by the content type.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static RecacheRequest parse(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean json = type.startsWith("application/json") || (!type.startsWith("application/x-www-form-urlencoded")
                && body.stripLeading().startsWith("{"));
        return json ? fromJson(body) : fromForm(body);
    }

    private static RecacheRequest fromJson(String body) {
        JsonNode root = FarmJson.parse(body);
        if (!root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        List<String> urls = new ArrayList<>();
        if (present(root, "url")) {
            urls.add(text(root.get("url"), "url"));
        }
        if (present(root, "urls")) {
            JsonNode list = root.get("urls");
            if (!list.isArray()) {
                throw new IllegalArgumentException("urls must be a list of strings");
            }
            if (list.size() > MAX_URLS) {
                throw new IllegalArgumentException("at most " + MAX_URLS + " urls per request, got " + list.size());
            }
            list.forEach(u -> urls.add(text(u, "urls")));
        }
        String prefix = present(root, "prefix") ? text(root.get("prefix"), "prefix") : null;
        String device = present(root, "device") ? text(root.get("device"), "device") : null;
        String buildId = present(root, "buildId") ? text(root.get("buildId"), "buildId") : null;
        return new RecacheRequest(urls, prefix, device(device), buildId);
    }

    private static boolean present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    private static RecacheRequest fromForm(String body) {
        List<String> urls = new ArrayList<>();
        String prefix = null;
        String device = null;
        String buildId = null;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (name) {
                case "url", "urls" -> {
                    if (urls.size() >= MAX_URLS) {
                        throw new IllegalArgumentException("at most " + MAX_URLS + " urls per request");
                    }
                    urls.add(value);
                }
                case "prefix" -> prefix = value;
                case "device" -> device = value;
                case "buildId" -> buildId = value;
                default -> { } // unknown fields are ignored, as in JSON
            }
        }
        return new RecacheRequest(urls, prefix, device(device), buildId);
    }

    /** {@code null} for none; otherwise 1..128 characters of letters, digits and {@code . _ - : / +}. */
    static String checkedBuildId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.trim();
        if (id.length() > MAX_BUILD_ID || !id.matches("[A-Za-z0-9._:/+-]+")) {
            throw new IllegalArgumentException("buildId must be 1.." + MAX_BUILD_ID
                    + " letters, digits or . _ - : / +");
        }
        return id;
    }

    /** Parses a device label strictly: null or blank means every device. */
    static Device device(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "mobile" -> Device.MOBILE;
            case "desktop" -> Device.DESKTOP;
            default -> throw new IllegalArgumentException("device must be mobile or desktop, got '" + label + "'");
        };
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
