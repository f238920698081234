package dev.rendergate.edge.request;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The file extensions that are never pages: requests for them skip classification and rewriting.
 *
 * <p>Grouped by kind so that a missing entry is easy to spot. A request whose last path segment ends
 * in one of these goes to the origin untouched, for crawlers and people alike.
 */
final class AssetExtensions {

    private static final String[] SCRIPTS = {"js", "mjs", "cjs", "jsx", "ts", "tsx", "coffee", "vue", "svelte"};
    private static final String[] STYLES = {"css", "scss", "sass", "less", "styl"};
    private static final String[] IMAGES = {"png", "jpg", "jpeg", "jpe", "jfif", "pjpeg", "gif", "webp", "avif",
        "apng", "svg", "svgz", "ico", "cur", "bmp", "tif", "tiff", "heic", "heif", "jxl", "psd", "raw"};
    private static final String[] FONTS = {"woff", "woff2", "ttf", "otf", "eot", "ttc", "fnt"};
    private static final String[] MEDIA = {"mp3", "mp4", "m4a", "m4v", "m4s", "webm", "ogg", "oga", "ogv", "opus",
        "wav", "flac", "aac", "mid", "midi", "mov", "avi", "mkv", "wmv", "wma", "flv", "mpg", "mpeg", "3gp",
        "3g2", "m3u", "m3u8", "mpd", "vtt", "srt", "weba"};
    private static final String[] ARCHIVES = {"zip", "gz", "tgz", "bz2", "xz", "zst", "br", "7z", "rar", "tar",
        "lz", "lzma", "cab"};
    private static final String[] CODE_AND_MAPS = {"map", "wasm", "swf", "jar", "class"};
    private static final String[] DATA = {"json", "jsonld", "geojson", "topojson", "ndjson", "webmanifest",
        "manifest", "appcache", "xml", "xsl", "xslt", "rss", "atom", "rdf", "txt", "csv", "tsv", "yaml", "yml",
        "toml", "ics", "vcf", "md", "pbf", "glb", "gltf", "bin", "dat", "db", "sqlite", "wgsl", "glsl", "pem",
        "crt", "asc", "sig", "gpx", "kml", "kmz"};
    private static final String[] DOCUMENTS = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
        "odp", "rtf", "epub", "mobi", "ps", "eps", "key", "numbers", "pages"};
    private static final String[] BINARIES = {"exe", "msi", "dmg", "pkg", "apk", "aab", "ipa", "deb", "rpm", "iso",
        "img", "dll", "so", "dylib", "torrent"};

    /** Every extension above, lower case, without the dot. */
    static final Set<String> STANDARD = build();

    private AssetExtensions() {
    }

    private static Set<String> build() {
        Set<String> all = new LinkedHashSet<>();
        for (String[] group : new String[][] {SCRIPTS, STYLES, IMAGES, FONTS, MEDIA, ARCHIVES, CODE_AND_MAPS, DATA,
            DOCUMENTS, BINARIES}) {
            Collections.addAll(all, group);
        }
        return Collections.unmodifiableSet(all);
    }
}
