package dev.rendergate.farm.render.chromium;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's OS process and its whole tree: started with a fresh profile directory and its DevTools
 * pipe, and killed (gracefully, then forcibly, with every descendant) on close.
 */
final class BrowserProcess {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserProcess.class);
    private static final long EXIT_POLL_MS = 20;
    private static final int KEPT_ERROR_LINES = 5;
    private static final String PROFILE_PREFIX = "rendergate-chromium-";
    /** {@code $0} is the browser, {@code $@} its flags; its stdin and stdout become the pipe and then /dev/null. */
    private static final String PIPE_WRAPPER = "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null";
    private static final List<String> FLAGS = List.of(
            "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--disable-breakpad", "--mute-audio",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--no-default-browser-check",
            // One --disable-features flag only: Chromium honours the last. Without the back/forward
            // cache off, every page left for about:blank keeps its renderer process alive.
            "--disable-features=BackForwardCache,Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
            "--remote-debugging-pipe");

    private final Process process;
    private final Path profileDir;
    private final Thread shutdownHook;
    private final Process watchdog;
    private final ArrayDeque<String> lastErrors = new ArrayDeque<>();

    private BrowserProcess(Process process, Path profileDir, Process watchdog) {
        this.process = process;
        this.watchdog = watchdog;
        this.profileDir = profileDir;
        this.shutdownHook = new Thread(() -> kill(Duration.ZERO), "chromium-kill-on-exit");
    }

    /**
     * Starts the browser with its DevTools pipe on fds 3 and 4. Java cannot give a child those descriptors, so a
     * shell maps the child's stdin and stdout onto them and then replaces itself with the browser (same PID).
     */
    static BrowserProcess start(ChromiumOptions options, ChromiumSandbox sandbox, List<String> proxyFlags) {
        Path profile = createProfile(options.profileParent());
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", PIPE_WRAPPER));
        command.add(options.executable().toString());
        command.addAll(FLAGS);
        command.addAll(sandbox.flags());
        command.addAll(options.extraFlags());
        // Last, so no extra flag can point the browser past the egress proxy.
        command.addAll(proxyFlags);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            deleteTree(profile);
            throw new ChromiumException("cannot start " + options.executable() + ": " + e.getMessage(), e);
        }
        BrowserProcess browser = new BrowserProcess(process, profile, startWatchdog(process.pid(), profile));
        Thread reader = new Thread(browser::drainStderr, "chromium-stderr-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        Runtime.getRuntime().addShutdownHook(browser.shutdownHook);
        return browser;
    }

    /** A fresh profile directory; a full disk or a parent that is not a writable directory says where and what to do. */
    private static Path createProfile(Path parent) {
        try {
            return parent == null ? Files.createTempDirectory(PROFILE_PREFIX) : Files.createTempDirectory(parent, PROFILE_PREFIX);
        } catch (IOException | RuntimeException e) {
            String where = parent == null ? System.getProperty("java.io.tmpdir") : parent.toString();
            throw new ChromiumException("cannot create Chromium's profile directory in " + where + " (" + e
                    + "): free disk space there, or make it a writable directory", e);
        }
    }

    /** What the browser writes on its fd 4. */
    InputStream fromBrowser() {
        return process.getInputStream();
    }

    /** What the browser reads on its fd 3. */
    OutputStream toBrowser() {
        return process.getOutputStream();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code grace} for the browser to exit, then terminates and finally kills the whole tree. */
    void kill(Duration grace) {
        if (watchdog != null) {
            // Stopped first, so it can never act on a PID that is reused once the browser is gone.
            watchdog.destroyForcibly();
        }
        Set<ProcessHandle> tree = tree();
        // Only the browser itself gets the grace period: once it has exited, its helpers are orphans
        // that would otherwise linger for seconds.
        awaitExit(Set.of(process.toHandle()), grace);
        tree.addAll(tree());
        tree.forEach(ProcessHandle::destroy);
        // Chromium's zygotes ignore SIGTERM, so this wait is short before the SIGKILL.
        awaitExit(tree, Duration.ofMillis(500));
        tree.addAll(tree());
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(2));
        tree.stream().filter(ProcessHandle::isAlive)
                .forEach(p -> LOG.warn("Chromium process {} survived SIGKILL", p.pid()));
        deleteTree(profileDir);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException alreadyGoneOrShuttingDown) {
                // nothing to undo
            }
        }
    }

    /**
     * A shell that outlives a JVM killed outright (SIGKILL, the OOM killer), when no shutdown hook runs:
     * its stdin is a pipe from this JVM, so it reads end-of-file once the JVM is gone, and then kills
     * the browser (its helpers follow) and removes the profile. Without a shell it is simply absent.
     */
    private static Process startWatchdog(long browserPid, Path profile) {
        try {
            return new ProcessBuilder("/bin/sh", "-c",
                    "read -r _; kill -KILL \"$1\" 2>/dev/null; sleep 2; rm -rf \"$2\"",
                    "rendergate-chromium-watchdog", Long.toString(browserPid), profile.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn("no watchdog for Chromium pid {}: {}", browserPid, e.getMessage());
            return null;
        }
    }

    /** The browser and its living descendants, snapshotted now (children reparent once it dies). */
    private Set<ProcessHandle> tree() {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        ProcessHandle root = process.toHandle();
        root.descendants().forEach(tree::add);
        if (root.isAlive()) {
            tree.add(root);
        }
        return tree;
    }

    /** Polls rather than using {@code onExit()}, which for orphans (not our children) polls only slowly. */
    private static void awaitExit(Set<ProcessHandle> tree, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(EXIT_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The browser's last lines on stderr (why it exited at start, usually), oldest first. */
    List<String> lastErrors() {
        synchronized (lastErrors) {
            return List.copyOf(lastErrors);
        }
    }

    /** Reads to the end, so the pipe never fills and blocks the browser; only the last few lines are kept. */
    private void drainStderr() {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                LOG.trace("chromium pid={} stderr: {}", process.pid(), line);
                synchronized (lastErrors) {
                    if (lastErrors.size() == KEPT_ERROR_LINES) {
                        lastErrors.removeFirst();
                    }
                    lastErrors.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                }
            }
        } catch (IOException e) {
            LOG.debug("chromium pid={} stderr closed: {}", process.pid(), e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("profile directory not fully deleted: {}", e.getMessage());
        }
    }
}
