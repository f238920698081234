package dev.rendergate.gateway.statics;

import java.util.Locale;
import java.util.Map;

/** Content types by file extension, and which of them are worth compressing. */
final class ContentTypes {

    private static final String UTF8 = "; charset=utf-8";
    private static final String OCTETS = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF8),
            Map.entry("htm", "text/html" + UTF8),
            Map.entry("js", "text/javascript" + UTF8),
            Map.entry("mjs", "text/javascript" + UTF8),
            Map.entry("cjs", "text/javascript" + UTF8),
            Map.entry("css", "text/css" + UTF8),
            Map.entry("json", "application/json" + UTF8),
            Map.entry("map", "application/json" + UTF8),
            Map.entry("webmanifest", "application/manifest+json" + UTF8),
            Map.entry("xml", "application/xml" + UTF8),
            Map.entry("txt", "text/plain" + UTF8),
            Map.entry("csv", "text/csv" + UTF8),
            Map.entry("md", "text/markdown" + UTF8),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"));

    private ContentTypes() {
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The type for a file name; unknown extensions are bytes, never guessed. */
    static String of(String fileName) {
        return BY_EXTENSION.getOrDefault(extension(fileName), OCTETS);
    }

    /** Text-like types shrink under gzip; images, fonts (woff2 is already compressed) and media do not. */
    static boolean compressible(String contentType) {
        return contentType.startsWith("text/")
                || contentType.startsWith("application/json")
                || contentType.startsWith("application/manifest+json")
                || contentType.startsWith("application/xml")
                || contentType.startsWith("application/wasm")
                || contentType.startsWith("image/svg+xml")
                || contentType.startsWith("font/ttf")
                || contentType.startsWith("font/otf")
                || contentType.startsWith("image/x-icon");
    }
}
