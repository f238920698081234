package dev.rendergate.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The fixture site and gateways over it, on ephemeral loopback ports. */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture site folder (from the test classpath). */
    static Path site() {
        try {
            return Path.of(Fixtures.class.getResource("/site/index.html").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the fixture site under {@code dir}. */
    static Path copyOfSite(Path dir) {
        Path source = site();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static GatewayConfig config(Path site) {
        return GatewayConfig.defaults(site).withPort(0).withBindHost("127.0.0.1").withWorkerThreads(2);
    }

    /** A gateway serving the site from an HTTP origin. */
    static GatewayConfig originConfig(java.net.URI origin) {
        return GatewayConfig.defaults(SiteSource.origin(origin)).withPort(0).withBindHost("127.0.0.1").withWorkerThreads(2);
    }

    static Gateway start(GatewayConfig config) {
        return Gateway.create(config).start();
    }
}
