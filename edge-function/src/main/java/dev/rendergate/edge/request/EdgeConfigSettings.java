package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.BotClass;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies string settings (build properties, flags) on top of an {@link EdgeConfig}, with errors that
 * name the setting and its bad value.
 */
final class EdgeConfigSettings {

    private EdgeConfigSettings() {
    }

    static EdgeConfig apply(EdgeConfig base, Map<String, String> settings) {
        EdgeConfig config = base;
        String value;
        if ((value = text(settings, "farmDomain")) != null) {
            config = config.withFarmDomain(value);
        }
        if ((value = text(settings, "farmPort")) != null) {
            config = config.withFarmPort(number("farmPort", value));
        }
        if ((value = text(settings, "farmProtocol")) != null) {
            config = config.withFarmProtocol(AsciiCase.lower(value));
        }
        if ((value = text(settings, "farmToken")) != null) {
            config = config.withFarmToken(value);
        }
        if ((value = text(settings, "prerenderClasses")) != null) {
            config = config.withPrerenderClasses(botClasses(value));
        }
        if ((value = text(settings, "extraAssetExtensions")) != null) {
            Set<String> extensions = new LinkedHashSet<>(config.assetExtensions());
            for (String extension : split(value)) {
                extensions.add(extension.startsWith(".") ? extension.substring(1) : extension);
            }
            config = config.withAssetExtensions(extensions);
        }
        if ((value = text(settings, "skipPathPrefixes")) != null) {
            config = config.withSkipPathPrefixes(split(value));
        }
        if ((value = text(settings, "farmReadTimeoutSeconds")) != null) {
            config = config.withFarmReadTimeoutSeconds(number("farmReadTimeoutSeconds", value));
        }
        if ((value = text(settings, "spaShell")) != null) {
            config = config.withSpaShell(value);
        }
        return config;
    }

    private static String text(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }

    private static Set<BotClass> botClasses(String value) {
        Set<BotClass> classes = new LinkedHashSet<>();
        for (String label : split(value)) {
            if (label.equals("none")) {
                continue;
            }
            BotClass botClass = BotClass.fromLabel(label);
            if (botClass == null) {
                throw new IllegalArgumentException(
                        "prerenderClasses: unknown class '" + label + "' (search, social, ai, tool or none)");
            }
            classes.add(botClass);
        }
        return classes;
    }

    private static List<String> split(String value) {
        // indexOf rather than String.split: split compiles a regex, which the JS build would have to carry
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String trimmed = value.substring(start, end).trim();
            if (!trimmed.isEmpty()) {
                parts.add(AsciiCase.lower(trimmed));
            }
            start = end + 1;
        }
        return parts;
    }
}
