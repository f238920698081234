package dev.rendergate.farm.render.chromium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether Chromium can keep its sandbox on this machine, and why not when it cannot. The sandbox needs a
 * non-root user and either unprivileged user namespaces or a set-uid {@code chrome-sandbox} helper; as root
 * Chromium refuses to start with it on. Without it a compromised renderer runs with the farm's rights, so the
 * reason is logged at start.
 *
 * @param enabled true to launch with the sandbox
 * @param reason why it is off (empty when on)
 */
record ChromiumSandbox(boolean enabled, String reason) {
    private static final Path PROC = Path.of("/proc");
    private static final List<Path> SETUID_HELPERS = List.of(
            Path.of("/usr/lib/chromium/chrome-sandbox"), Path.of("/opt/google/chrome/chrome-sandbox"));

    /** The facts of the machine the decision rests on, read from {@code /proc} (or made up in tests). */
    record Facts(long uid, Optional<String> unprivilegedUsernsClone, Optional<String> maxUserNamespaces,
                 Optional<String> apparmorRestrictsUserns, boolean setuidHelper) {
    }

    /** The flags that launch the browser accordingly. */
    List<String> flags() {
        return enabled ? List.of() : List.of("--no-sandbox");
    }

    static ChromiumSandbox detect() {
        return decide(readFacts());
    }

    static ChromiumSandbox decide(Facts f) {
        if (f.uid() == 0) {
            return off("the farm runs as root, where Chromium refuses its sandbox; run it as an ordinary user");
        }
        if (f.setuidHelper()) {
            return new ChromiumSandbox(true, "");
        }
        if (f.unprivilegedUsernsClone().filter("0"::equals).isPresent()) {
            return off("kernel.unprivileged_userns_clone is 0 and no set-uid chrome-sandbox is installed");
        }
        if (f.maxUserNamespaces().filter("0"::equals).isPresent()) {
            return off("user.max_user_namespaces is 0 and no set-uid chrome-sandbox is installed");
        }
        if (f.apparmorRestrictsUserns().filter("1"::equals).isPresent()) {
            return off("kernel.apparmor_restrict_unprivileged_userns is 1 and no set-uid chrome-sandbox is installed");
        }
        return new ChromiumSandbox(true, "");
    }

    private static ChromiumSandbox off(String reason) {
        return new ChromiumSandbox(false, reason);
    }

    private static Facts readFacts() {
        long uid;
        try {
            uid = ((Number) Files.getAttribute(PROC.resolve("self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            uid = -1; // not Linux: leave the sandbox to Chromium
        }
        boolean helper = SETUID_HELPERS.stream().anyMatch(ChromiumSandbox::isSetuidRoot);
        return new Facts(uid, sysctl("kernel/unprivileged_userns_clone"), sysctl("user/max_user_namespaces"),
                sysctl("kernel/apparmor_restrict_unprivileged_userns"), helper);
    }

    private static Optional<String> sysctl(String name) {
        try {
            return Optional.of(Files.readString(PROC.resolve("sys").resolve(name)).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isSetuidRoot(Path helper) {
        try {
            int mode = (Integer) Files.getAttribute(helper, "unix:mode");
            int owner = (Integer) Files.getAttribute(helper, "unix:uid");
            return owner == 0 && (mode & 04000) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
