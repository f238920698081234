package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.AsciiCase;
import dev.rendergate.edge.detect.BotClass;
import dev.rendergate.edge.verify.VerificationMode;
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

    /** Reads every setting first and builds the configuration once (each copy re-validates it). */
    static EdgeConfig apply(EdgeConfig base, Map<String, String> settings) {
        String farmDomain = orDefault(text(settings, "farmDomain"), base.farmDomain());
        String farmPortText = text(settings, "farmPort");
        int farmPort = farmPortText == null ? base.farmPort() : number("farmPort", farmPortText);
        String protocolText = text(settings, "farmProtocol");
        String farmProtocol = protocolText == null ? base.farmProtocol() : AsciiCase.lower(protocolText);
        String farmToken = orDefault(text(settings, "farmToken"), base.farmToken());
        String classesText = text(settings, "prerenderClasses");
        Set<BotClass> classes = classesText == null ? base.prerenderClasses() : botClasses(classesText);
        String extraText = text(settings, "extraAssetExtensions");
        Set<String> extensions = base.assetExtensions();
        if (extraText != null) {
            extensions = new LinkedHashSet<>(extensions);
            for (String extension : split(extraText)) {
                extensions.add(extension.startsWith(".") ? extension.substring(1) : extension);
            }
        }
        String prefixesText = text(settings, "skipPathPrefixes");
        List<String> prefixes = prefixesText == null ? base.skipPathPrefixes() : split(prefixesText);
        String timeoutText = text(settings, "farmReadTimeoutSeconds");
        int timeout = timeoutText == null ? base.farmReadTimeoutSeconds() : number("farmReadTimeoutSeconds", timeoutText);
        String spaShell = orDefault(text(settings, "spaShell"), base.spaShell());
        String verificationText = text(settings, "crawlerVerification");
        VerificationMode verification = verificationText == null
                ? base.crawlerVerification() : VerificationMode.fromLabel(verificationText);
        return new EdgeConfig(farmDomain, farmPort, farmProtocol, farmToken, classes, extensions, prefixes, timeout,
                spaShell, verification);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String text(Map<String, String> settings, String key) {
        String value = settings.get(key);
        // trim().isEmpty(), not isBlank(): see EdgeConfig.requireText.
        return value == null || value.trim().isEmpty() ? null : value.trim();
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
