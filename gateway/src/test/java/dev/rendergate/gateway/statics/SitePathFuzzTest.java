package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests of the gateway's path check over hostile request paths, against a real site folder with a
 * secret file beside it and a symlink pointing at that secret: parsing never throws, a path the gateway
 * accepts resolves inside the folder and holds no dot-segment, backslash, colon or control character, and no
 * path reaches a file outside the folder.
 */
class SitePathFuzzTest {

    @TempDir
    Path temp;

    private Path root;
    private StaticSite site;

    @BeforeEach
    void folderWithSecretBeside() throws IOException {
        root = Files.createDirectories(temp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<p>home</p>");
        Files.createDirectories(root.resolve("assets"));
        Files.writeString(root.resolve("assets/app.3f9a.js"), "app()");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<p>docs</p>");
        Files.writeString(root.resolve("caf\u00e9.txt"), "caf\u00e9");
        Files.writeString(root.resolve(".env"), "SECRET=1");
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("a"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("api"), temp);
        site = StaticSite.of(root, 64 * 1024, 1 << 20);
    }

    @Test
    void parse_acceptedPath_staysInsideTheSiteFolder() {
        Path realRoot = realRoot();
        Property.forAll(HostileText.path()).tries(4_000).check(raw -> {
            if (SitePath.parse(raw) instanceof SitePath.Key key) {
                String relative = key.relative();
                assertThat(relative).doesNotStartWith("/").doesNotContain("\\", ":", "//");
                assertThat(relative.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).as("no control character").isTrue();
                for (String segment : relative.split("/")) {
                    assertThat(segment).isNotIn(".", "..");
                }
                assertThat(realRoot.resolve(relative).normalize().startsWith(realRoot)).as("inside the folder").isTrue();
            }
        });
    }

    @Test
    void find_anyPath_servesOnlyFilesInsideTheSiteFolder() {
        Path realRoot = realRoot();
        Property.forAll(Gen.oneOf(HostileText.path(), Gen.of("/a", "/api/secret.txt", "/.env", "/caf%C3%A9.txt")))
                .tries(4_000).check(raw -> {
                    Optional<StaticFile> file = site.find(raw);
                    if (file.isPresent()) {
                        Path served = file.get().path().toRealPath();
                        assertThat(served).startsWith(realRoot);
                        assertThat(Files.readString(served, StandardCharsets.UTF_8)).isNotIn("secret", "SECRET=1");
                    }
                });
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
