package dev.rendergate.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One request and its response: the route that answers writes through it and calls a {@code finish}
 * method exactly once with the future of the last write, so the access log, keep-alive and the drain
 * count see every request.
 */
public final class Exchange {

    private final ChannelHandlerContext ctx;
    private final HttpRequest request;
    private final long startNanos;
    private final Consumer<Exchange> onComplete;
    private boolean keepAlive;
    private String route = "static";
    private String verdict = "human";
    private int status;
    private long bytes;
    private String farmCache;
    private long farmRenderMs = -1;
    private String crawlerClass;
    private CrawlerAnswer crawlerAnswer;
    private boolean finished;

    public Exchange(ChannelHandlerContext ctx, HttpRequest request, long startNanos, boolean keepAlive,
                    Consumer<Exchange> onComplete) {
        this.ctx = Objects.requireNonNull(ctx);
        this.request = Objects.requireNonNull(request);
        this.startNanos = startNanos;
        this.keepAlive = keepAlive;
        this.onComplete = Objects.requireNonNull(onComplete);
    }

    public ChannelHandlerContext ctx() {
        return ctx;
    }

    public HttpRequest request() {
        return request;
    }

    public boolean isHead() {
        return HttpMethod.HEAD.equals(request.method());
    }

    public boolean keepAlive() {
        return keepAlive;
    }

    /** Makes this the connection's last response (e.g. after a broken stream or while draining). */
    public void closeAfterResponse() {
        keepAlive = false;
    }

    public long startNanos() {
        return startNanos;
    }

    public String route() {
        return route;
    }

    public Exchange route(String value) {
        route = value;
        return this;
    }

    public String verdict() {
        return verdict;
    }

    public Exchange verdict(String value) {
        verdict = value;
        return this;
    }

    public int status() {
        return status;
    }

    public long bytes() {
        return bytes;
    }

    /** The farm's cache result ({@code HIT}, {@code MISS}, {@code STALE}) when the farm answered, else null. */
    public String farmCache() {
        return farmCache;
    }

    /** How long the farm's render of the answer took (of the cached render on a hit), or -1. */
    public long farmRenderMs() {
        return farmRenderMs;
    }

    /** Records what the farm said about its answer, from its {@code X-Rendergate-Cache} and render-time headers. */
    public void farmAnswer(String cache, String renderMs) {
        farmCache = cache;
        try {
            farmRenderMs = renderMs == null ? -1 : Long.parseLong(renderMs.trim());
        } catch (NumberFormatException e) {
            farmRenderMs = -1;
        }
    }

    /** Marks this a crawler's request sent to the farm, of the edge's crawler class ({@code search}, {@code ai} ...). */
    public Exchange crawler(String botClass) {
        crawlerClass = botClass;
        return this;
    }

    /** The crawler class when the edge sent this request to the farm, else null. */
    public String crawlerClass() {
        return crawlerClass;
    }

    /** Records how a crawler's request was answered; the last call wins (a shell that cannot be sent becomes a 503). */
    public void answeredBy(CrawlerAnswer answer) {
        crawlerAnswer = answer;
    }

    /** How a crawler's request was answered, or null when it ended before any answer (the crawler left). */
    public CrawlerAnswer crawlerAnswer() {
        return crawlerAnswer;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Sets {@code Connection} on a response to match this exchange's keep-alive decision. */
    public <R extends HttpResponse> R prepare(R response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    /** Writes a short plain-text response (errors, health) and finishes. */
    public void sendText(HttpResponseStatus status, String text, HttpHeaders extra) {
        ByteBuf body = Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                isHead() ? Unpooled.EMPTY_BUFFER : body);
        if (extra != null) {
            response.headers().set(extra);
        }
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (!response.headers().contains(HttpHeaderNames.CACHE_CONTROL)) {
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        }
        long length = isHead() ? 0 : body.readableBytes();
        if (isHead()) {
            body.release();
        }
        finish(ctx.writeAndFlush(prepare(response)), status.code(), length);
    }

    /**
     * Records the outcome and, once {@code last} completes, closes a non-keep-alive connection and
     * reports completion. Later calls are ignored so a race between a timeout and a late answer
     * cannot answer twice.
     */
    public void finish(ChannelFuture last, int statusCode, long bodyBytes) {
        if (finished) {
            return;
        }
        finished = true;
        status = statusCode;
        bytes = bodyBytes;
        last.addListener((ChannelFutureListener) f -> {
            if (!keepAlive || !f.isSuccess()) {
                f.channel().close();
            }
            onComplete.accept(this);
        });
    }
}
