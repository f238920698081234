package dev.rendergate.farm.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Chromium processes under this JVM, found by their command lines, to kill as a fault would. */
final class ChromiumProcesses {
    private ChromiumProcesses() {
    }

    /** Browser processes (no {@code --type=}) that are this JVM's direct children. */
    static List<ProcessHandle> browsers() {
        return ProcessHandle.current().children()
                .filter(p -> commandLine(p).contains("chromium") && !commandLine(p).contains("--type="))
                .filter(p -> !commandLine(p).contains("watchdog"))
                .toList();
    }

    /** Renderer processes ({@code --type=renderer}) anywhere below this JVM. */
    static List<ProcessHandle> renderers() {
        return ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).contains("--type=renderer"))
                .toList();
    }

    /** SIGKILL, as the OOM killer or a crash would. */
    static void kill(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Read from {@code /proc}: Chromium rewrites its helpers' argument area, and the JDK then reports only the
     * executable, without the {@code --type=} that tells a renderer from the browser.
     */
    private static String commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | UncheckedIOException e) {
            return p.info().commandLine().orElse("");
        }
    }
}
