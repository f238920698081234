package dev.rendergate.gateway.statics;

import java.util.Locale;

/** Reads {@code Accept-Encoding}: whether a coding is acceptable, honouring {@code q=0} and {@code *}. */
final class AcceptEncoding {

    private static final int MAX_HEADER = 1024;

    private AcceptEncoding() {
    }

    static boolean accepts(String header, String coding) {
        if (header == null || header.isEmpty() || header.length() > MAX_HEADER) {
            return false;
        }
        float explicit = -1;
        float wildcard = -1;
        for (String item : header.split(",")) {
            String[] parts = item.split(";");
            if (parts.length == 0) {
                continue; // an item of semicolons only
            }
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            float q = quality(parts);
            if (name.equals(coding)) {
                explicit = q;
            } else if (name.equals("*")) {
                wildcard = q;
            }
        }
        return explicit >= 0 ? explicit > 0 : wildcard > 0;
    }

    private static float quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Float.parseFloat(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
