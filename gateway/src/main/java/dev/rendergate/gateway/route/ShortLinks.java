package dev.rendergate.gateway.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Short links {@code /s/<code>} → 301 to a target, from a mapping file of {@code code=target} lines
 * ({@code #} comments and blank lines allowed). Targets are absolute http(s) URLs or site paths; a
 * bad line fails loading with its line number, so a typo never silently drops links.
 */
public final class ShortLinks {

    static final String PREFIX = "/s/";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_LINKS = 100_000;

    private final Map<String, String> targets;

    ShortLinks(Map<String, String> targets) {
        this.targets = Map.copyOf(targets);
    }

    /** Loads a mapping file; the message of a failure names the file and the line. */
    public static ShortLinks load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read short-link file " + file, e);
        }
        Map<String, String> targets = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String code = eq < 0 ? "" : line.substring(0, eq).strip();
            String target = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (!CODE.matcher(code).matches() || !validTarget(target)) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected code=target (code [A-Za-z0-9_-], target http(s) URL or /path), got " + line);
            }
            if (targets.size() >= MAX_LINKS) {
                throw new IllegalArgumentException(file + ": more than " + MAX_LINKS + " short links");
            }
            targets.put(code, target);
        }
        return new ShortLinks(targets);
    }

    private static boolean validTarget(String target) {
        if (target.startsWith("/") && !target.startsWith("//")) {
            return target.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
        }
        try {
            URI uri = URI.create(target);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The target of {@code /s/<code>}, if the path is a known short link. */
    Optional<String> resolve(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String code = path.substring(PREFIX.length());
        return CODE.matcher(code).matches() ? Optional.ofNullable(targets.get(code)) : Optional.empty();
    }

    int size() {
        return targets.size();
    }
}
