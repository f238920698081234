package dev.rendergate.edge.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code key=value} lines, the form the build-time configuration takes when it is passed as
 * text (blank lines and {@code #} comments ignored; the first {@code =} splits).
 */
public final class SettingsText {

    private SettingsText() {
    }

    /**
     * @param text the lines
     * @return the settings in order of appearance
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end).trim();
            int equals = line.indexOf('=');
            if (!line.isEmpty() && !line.startsWith("#") && equals > 0) {
                settings.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
            start = end + 1;
        }
        return settings;
    }
}
