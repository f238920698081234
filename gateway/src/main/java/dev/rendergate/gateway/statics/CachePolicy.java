package dev.rendergate.gateway.statics;

import java.util.regex.Pattern;

/**
 * The {@code Cache-Control} of a static file: a year and {@code immutable} for names that carry a
 * content hash (a new build gets new names), {@code no-cache} (revalidate with the ETag every time)
 * for HTML and for everything else, so an unhashed {@code app.js} is never stale after a deploy. The
 * origin site applies it too when the origin sends none (S3 sends none unless told to).
 */
public final class CachePolicy {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "public, no-cache";
    static final String HTML = "no-cache";

    /**
     * A hash segment before the extension: {@code app.3f9a1c2b.js} (hex, 8+ characters) or Vite's
     * {@code index-BkX9z_1a.js} (8 base64url characters mixing upper case, lower case and digits).
     * Deliberately strict: a false positive would pin a changing file in caches for a year, a false
     * negative only costs a revalidation.
     */
    private static final Pattern HASHED = Pattern.compile(
            ".*[.\\-](?:[0-9a-fA-F]{8,64}|(?=[A-Za-z0-9_\\-]{0,7}[0-9])(?=[A-Za-z0-9_\\-]{0,7}[A-Z])"
                    + "(?=[A-Za-z0-9_\\-]{0,7}[a-z])[A-Za-z0-9_\\-]{8})\\.[A-Za-z0-9]+$");

    private CachePolicy() {
    }

    static boolean isHashed(String fileName) {
        return fileName.length() < 256 && HASHED.matcher(fileName).matches();
    }

    /**
     * @param fileName    the file's name, without its folder
     * @param contentType its content type; empty when unknown
     * @return the {@code Cache-Control} value for it
     */
    public static String of(String fileName, String contentType) {
        if (contentType.startsWith("text/html")) {
            return HTML;
        }
        return isHashed(fileName) ? IMMUTABLE : REVALIDATE;
    }
}
