package dev.rendergate.gateway.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Short links {@code /s/<code>} → 301 to a target, from a mapping file of {@code code=target} lines
 * ({@code #} comments and blank lines allowed). Targets are absolute http(s) URLs or site paths; a
 * bad line fails loading with its line number, so a typo never silently drops links.
 */
public final class ShortLinks implements ShortLinkSource {

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
            if (!ShortLinkRules.validCode(code) || !ShortLinkRules.validTarget(target)) {
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

    /** Answers at once, on the caller's thread (the look-up is a map read). */
    @Override
    public void resolve(String code, Executor loop, Consumer<Resolution> then) {
        String target = targets.get(code);
        then.accept(target == null ? new Resolution.Unknown() : new Resolution.Found(target));
    }

    int size() {
        return targets.size();
    }
}
