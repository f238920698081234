package dev.rendergate.farm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fixture app ready to be served: a copy of its built files (with the second-host app's {@code config.json}
 * pointing at its API server, which this starts on another loopback port) and, on request, a static server for it.
 */
public final class FixtureSite implements AutoCloseable {
    private final FixtureApp app;
    private final Path copy;
    private final SpaServer api;
    private SpaServer site;

    private FixtureSite(FixtureApp app, Path copy, SpaServer api) {
        this.app = app;
        this.copy = copy;
        this.api = api;
    }

    /** Copies the app's files and starts the API host it needs, if any. */
    public static FixtureSite of(FixtureApp app) {
        try {
            Path copy = Files.createTempDirectory("rendergate-fixture-" + app.name().toLowerCase());
            copyTree(app.dist(), copy);
            SpaServer api = null;
            if (app == FixtureApp.SECOND_HOST) {
                api = SpaServer.startWithCors(FixtureApp.secondHostApi());
                Files.writeString(copy.resolve("config.json"), "{\"apiOrigin\": \"" + api.origin() + "\"}\n");
            }
            return new FixtureSite(app, copy, api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixtureApp app() {
        return app;
    }

    /** The folder to serve (a gateway's {@code --site}). */
    public Path folder() {
        return copy;
    }

    /** The API host's origin ({@code http://127.0.0.1:port}), for the second-host app. */
    public Optional<String> apiOrigin() {
        return Optional.ofNullable(api).map(SpaServer::origin);
    }

    /** The API host's {@code host:port}, which may resolve to loopback (a private-address exception). */
    public Optional<String> apiHostPort() {
        return Optional.ofNullable(api).map(a -> "127.0.0.1:" + a.port());
    }

    /** Serves the site on a loopback port as a static host with an SPA fallback does; returns its origin. */
    public synchronized String serve() {
        if (site == null) {
            try {
                site = SpaServer.start(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return site.origin();
    }

    @Override
    public synchronized void close() {
        if (site != null) {
            site.close();
        }
        if (api != null) {
            api.close();
        }
        try (Stream<Path> walk = Files.walk(copy)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
