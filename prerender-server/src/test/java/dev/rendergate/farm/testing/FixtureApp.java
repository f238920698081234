package dev.rendergate.farm.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixture SPAs of {@code static-site/fixture-apps}, built the way teams build them, each with its built files
 * committed. Every app is the same clinic directory, so one set of expectations ({@link FixturePages}) holds for all.
 */
public enum FixtureApp {
    /** React 18 + react-router built by Vite: ES modules, a lazy route chunk; sets {@code prerenderReady}. */
    REACT_VITE("react/dist"),
    /** The same React app built with {@code @vitejs/plugin-legacy}: module chunks plus nomodule SystemJS ones. */
    REACT_LEGACY("react/dist-legacy"),
    /** Vue 3 single-file components built by Vite; never sets {@code prerenderReady} (network-idle path). */
    VUE_VITE("vue/dist"),
    /** One classic script of plain ES2020: classes, async/await, {@code ?.}, {@code ??}, fetch. */
    ES2020("es2020/dist"),
    /** ES5 whose data comes from a second origin named in {@code /config.json}, read with CORS. */
    SECOND_HOST("second-host/dist"),
    /** ES5 whose reviews section is a custom element: HtmlUnit, without custom elements, renders the page without it. */
    WEB_COMPONENT("web-component/dist");

    private final String dist;

    FixtureApp(String dist) {
        this.dist = dist;
    }

    /** The app's built files. */
    public Path dist() {
        return root().resolve(dist);
    }

    /** The folder of the second-host app's API, served on an origin of its own. */
    public static Path secondHostApi() {
        return root().resolve("second-host/api-host");
    }

    /** The fixture-apps folder, seen from a module directory (tests) or the repository root. */
    public static Path root() {
        Path fromModule = Path.of("..", "static-site", "fixture-apps");
        return (Files.isDirectory(fromModule) ? fromModule : Path.of("static-site", "fixture-apps"))
                .toAbsolutePath().normalize();
    }
}
