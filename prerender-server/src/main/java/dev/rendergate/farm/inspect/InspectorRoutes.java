package dev.rendergate.farm.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.http.FarmJson;
import dev.rendergate.farm.http.FarmRoute;
import dev.rendergate.farm.prerender.Prerenderer;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.render.PoolSaturatedException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SEO inspector under {@code /inspect}: the page (sign-in, list, detail), its static files, and the JSON API
 * the page and scripts use. Every page and API answer needs a signed-in session or the token (see
 * {@link InspectorAuth}); a request from another site is refused with 403 whatever it carries.
 */
public final class InspectorRoutes implements FarmRoute {
    private static final Logger LOG = LoggerFactory.getLogger(InspectorRoutes.class);
    static final String PREFIX = "/inspect";
    private static final String API = PREFIX + "/api/";
    private static final int MAX_BODY_BYTES = 16 * 1024;
    /** Renders the inspector may run at once; more answer 503 (crawlers come first). */
    private static final int CONCURRENT_ACTIONS = 2;

    private final Prerenderer farm;
    private final SnapshotIndex index;
    private final InspectorAuth auth;
    private final CrawlReportSource crawlReport;
    private final Clock clock;
    private final Semaphore actions = new Semaphore(CONCURRENT_ACTIONS);

    /**
     * @param farm        renders for the actions
     * @param index       the history the list and detail read
     * @param token       the farm's token; {@code null} turns the inspector off
     * @param crawlReport the gateway's recent traffic report, when the farm runs inside {@code up}
     * @param clock       the wall clock (sessions, ages)
     */
    public InspectorRoutes(Prerenderer farm, SnapshotIndex index, String token, CrawlReportSource crawlReport,
                           Clock clock) {
        this.farm = farm;
        this.index = index;
        this.auth = new InspectorAuth(token, clock);
        this.crawlReport = crawlReport;
        this.clock = clock;
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        String path = exchange.getRequestPath();
        if (InspectorAuth.fromAnotherSite(exchange)) {
            FarmJson.fail(exchange, 403, "cross-site", "the inspector refuses requests from other sites");
            return;
        }
        if (!auth.enabled()) {
            FarmJson.fail(exchange, 403, "inspector-off", "the inspector needs the farm to have a token (--token)");
            return;
        }
        try {
            if (path.startsWith(PREFIX + "/assets/")) {
                InspectorAssets.serve(exchange, path.substring((PREFIX + "/assets/").length()));
            } else if (path.equals(PREFIX + "/sign-in")) {
                signIn(exchange);
            } else if (path.equals(PREFIX + "/sign-out")) {
                signOut(exchange);
            } else {
                authenticated(exchange, path);
            }
        } catch (IllegalArgumentException e) {
            FarmJson.fail(exchange, 400, "bad-request", e.getMessage());
        }
    }

    private void authenticated(HttpServerExchange exchange, String path) throws IOException {
        InspectorAuth.Caller caller = auth.caller(exchange);
        boolean api = path.startsWith(API);
        if (caller == InspectorAuth.Caller.NONE) {
            if (api) {
                FarmJson.fail(exchange, 401, "unauthorized", "sign in at " + PREFIX + " or send X-Prerender-Token");
            } else {
                redirect(exchange, PREFIX + "/sign-in");
            }
            return;
        }
        boolean unsafe = !exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD);
        if (unsafe && caller == InspectorAuth.Caller.SESSION
                && !"1".equals(exchange.getRequestHeaders().getFirst(InspectorAuth.CSRF_HEADER))) {
            FarmJson.fail(exchange, 403, "csrf", "actions from the page must send " + InspectorAuth.CSRF_HEADER + ": 1");
            return;
        }
        if (!api) {
            if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
                InspectorAssets.servePage(exchange, "index.html", 200);
            } else {
                FarmJson.fail(exchange, 404, "not-found", "no inspector page at " + path);
            }
            return;
        }
        api(exchange, path.substring(API.length()));
    }

    private void api(HttpServerExchange exchange, String rest) throws IOException {
        List<String> parts = Arrays.asList(rest.split("/", -1));
        boolean get = exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
        boolean post = exchange.getRequestMethod().equals(Methods.POST);
        if (rest.equals("snapshots") && get) {
            FarmJson.send(exchange, 200, index.list(SnapshotQuery.from(name -> param(exchange, name))));
        } else if (rest.equals("render") && post) {
            renderAs(exchange);
        } else if (rest.equals("crawlers") && get) {
            FarmJson.send(exchange, 200, Arrays.stream(CrawlerProfile.values())
                    .map(p -> Map.of("label", p.label(), "name", p.displayName(), "device", p.device().label())).toList());
        } else if (rest.equals("crawl-report") && get) {
            Optional<?> report = crawlReport.report();
            if (report.isEmpty()) {
                FarmJson.fail(exchange, 404, "no-traffic-log", "the crawl report of recent traffic needs the farm to "
                        + "run inside 'rendergate up'; for a log file use 'rendergate crawl-report'");
            } else {
                FarmJson.send(exchange, 200, report.get());
            }
        } else if (parts.size() >= 2 && parts.get(0).equals("snapshots")) {
            snapshot(exchange, parts.get(1), parts.size() == 2 ? "" : String.join("/", parts.subList(2, parts.size())),
                    get, post);
        } else {
            FarmJson.fail(exchange, 404, "not-found", "no inspector API at " + exchange.getRequestPath());
        }
    }

    private void snapshot(HttpServerExchange exchange, String id, String action, boolean get, boolean post)
            throws IOException {
        Optional<Versions> found = index.get(id);
        if (found.isEmpty()) {
            FarmJson.fail(exchange, 404, "unknown-snapshot", "no snapshot " + id + " is kept on this farm node");
            return;
        }
        Versions v = found.get();
        boolean previous = "previous".equals(param(exchange, "version"));
        SnapshotRecord chosen = previous ? v.previous() : v.current();
        switch (action) {
            case "" -> requireGet(exchange, get, () -> detail(exchange, v.current(), v.previous(), "current"));
            case "previous" -> requireGet(exchange, get, () -> {
                if (v.previous() == null) {
                    FarmJson.fail(exchange, 404, "no-previous", "only one render of this page is kept so far");
                } else {
                    detail(exchange, v.previous(), null, "previous");
                }
            });
            case "diff" -> requireGet(exchange, get, () -> {
                if (v.previous() == null) {
                    FarmJson.fail(exchange, 404, "no-previous", "only one render of this page is kept so far");
                } else {
                    FarmJson.send(exchange, 200, SnapshotDiff.of(v.previous(), v.current()));
                }
            });
            case "html", "preview" -> requireGet(exchange, get, () -> {
                if (chosen == null) {
                    FarmJson.fail(exchange, 404, "no-previous", "only one render of this page is kept so far");
                } else if (action.equals("html")) {
                    InspectorAssets.sendText(exchange, chosen.html());
                } else {
                    InspectorAssets.sendPreview(exchange, chosen.url(), chosen.html());
                }
            });
            case "recache" -> {
                if (!post) {
                    methodNotAllowed(exchange, "POST");
                } else {
                    render(exchange, v.current().url(), v.current().device(), null);
                }
            }
            default -> FarmJson.fail(exchange, 404, "not-found", "no inspector API at " + exchange.getRequestPath());
        }
    }

    private void detail(HttpServerExchange exchange, SnapshotRecord record, SnapshotRecord previous, String version) {
        FarmJson.send(exchange, 200, SnapshotDetail.of(record, index.problems(record), previous, version, clock.instant()));
    }

    private void renderAs(HttpServerExchange exchange) throws IOException {
        JsonNode body = FarmJson.parse(readBody(exchange));
        String url = body.path("url").asText("");
        CrawlerProfile crawler = CrawlerProfile.fromLabel(body.path("as").asText(null));
        if (url.isBlank() || crawler == null) {
            throw new IllegalArgumentException("give {\"url\": absolute page URL, \"as\": one of "
                    + Arrays.stream(CrawlerProfile.values()).map(CrawlerProfile::label).toList() + "}");
        }
        render(exchange, url.trim(), crawler.device(), crawler);
    }

    private void render(HttpServerExchange exchange, String url, Device device,
                        CrawlerProfile crawler) {
        if (!actions.tryAcquire()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            FarmJson.fail(exchange, 503, "inspector-busy", CONCURRENT_ACTIONS + " inspector renders are already running");
            return;
        }
        try {
            URI target = URI.create(url);
            RenderResult result = farm.recache(target, device);
            CacheKey key = CacheKey.of(target, device, farm.keyRules());
            LOG.info("event=inspector-render url={} device={} as={} status={} reason={}", key.url(), device.label(),
                    crawler == null ? "-" : crawler.label(), result.status(), result.reason() == null ? "-" : result.reason());
            if (!result.ok()) {
                FarmJson.fail(exchange, 502, "render-failed", "the render failed: " + result.reason());
                return;
            }
            if (crawler != null) {
                index.markRenderedAs(key, crawler.label());
            }
            Optional<Versions> v = index.get(key);
            if (v.isEmpty()) {
                FarmJson.fail(exchange, 500, "not-kept", "the render is not in the inspector's history (full?)");
                return;
            }
            detail(exchange, v.get().current(), v.get().previous(), "current");
        } catch (RejectedRequestException e) {
            FarmJson.fail(exchange, e.status(), e.reason(), e.getMessage());
        } catch (PoolSaturatedException e) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            FarmJson.fail(exchange, 503, "overloaded", "all render engines are busy; try again shortly");
        } finally {
            actions.release();
        }
    }

    private void signIn(HttpServerExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals(Methods.GET)) {
            if (auth.caller(exchange) == InspectorAuth.Caller.SESSION) {
                redirect(exchange, PREFIX);
            } else {
                InspectorAssets.servePage(exchange, "sign-in.html", 200);
            }
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            methodNotAllowed(exchange, "GET, POST");
            return;
        }
        String token = formField(readBody(exchange), "token");
        if (!auth.tokenAccepted(token)) {
            LOG.info("event=inspector-sign-in result=refused");
            InspectorAssets.servePage(exchange, "sign-in.html", 401);
            return;
        }
        LOG.info("event=inspector-sign-in result=ok");
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, InspectorAuth.sessionCookie(exchange, auth.newSession()));
        redirect(exchange, PREFIX);
    }

    private void signOut(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            methodNotAllowed(exchange, "POST");
            return;
        }
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, InspectorAuth.clearedCookie(exchange));
        redirect(exchange, PREFIX + "/sign-in");
    }

    private interface Answer {
        void run() throws IOException;
    }

    private static void requireGet(HttpServerExchange exchange, boolean get, Answer answer) throws IOException {
        if (get) {
            answer.run();
        } else {
            methodNotAllowed(exchange, "GET, HEAD");
        }
    }

    private static void methodNotAllowed(HttpServerExchange exchange, String allowed) {
        exchange.getResponseHeaders().put(Headers.ALLOW, allowed);
        FarmJson.fail(exchange, 405, "method-not-allowed", exchange.getRequestMethod() + " is not allowed here");
    }

    private static void redirect(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(303);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.endExchange();
    }

    private static String param(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? null : values.peekFirst();
    }

    private static String readBody(HttpServerExchange exchange) throws IOException {
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try (InputStream in = exchange.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("the body may be at most " + MAX_BODY_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
