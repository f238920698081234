package dev.rendergate.gateway.proxy;

import dev.rendergate.gateway.http.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One request to an upstream and the streaming of its answer to the viewer. All state changes run on
 * the viewer connection's event loop; the JDK client's callbacks hop onto it. A single deadline covers
 * the whole call: before the response head it becomes a failure (the caller's fallback), after it the
 * connection is cut, since a status already sent cannot be taken back. With a body idle time (files of
 * any size) the deadline covers the call until the response head, and after it only the gaps between
 * chunks: a large file to a slow viewer may take long, a stalled one may not. Every failure of the upstream,
 * before or during its answer, is reported to {@code errors} with its reason.
 */
final class ProxyCall implements Flow.Subscriber<List<ByteBuffer>> {

    /** Response headers copied from the upstream; hop-by-hop and framing headers are ours to set. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "proxy-authorization", "content-length", ":status", "date",
            "server");

    private enum State { WAITING, STREAMING, DONE }

    private final Exchange ex;
    private final EventExecutor loop;
    private final String failurePrefix;
    private final Predicate<HttpResponse<?>> isFailure;
    private final Consumer<UpstreamFailure> onFailure;
    private final Consumer<String> errors;
    private final Consumer<HttpHeaders> decorate;
    private State state = State.WAITING;
    private CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> pending;
    private ScheduledFuture<?> deadline;
    private final long bodyIdleNanos;
    private Flow.Subscription subscription;
    private int status;
    private long bytes;
    private final GenericFutureListener<Future<Void>> closeListener;

    ProxyCall(Exchange ex, String failurePrefix, Predicate<HttpResponse<?>> isFailure,
              Consumer<UpstreamFailure> onFailure, Consumer<String> errors, Consumer<HttpHeaders> decorate) {
        this(ex, failurePrefix, isFailure, onFailure, errors, decorate, null);
    }

    /** {@code bodyIdle} non-null: after the response head, the deadline is this long without a chunk sent. */
    ProxyCall(Exchange ex, String failurePrefix, Predicate<HttpResponse<?>> isFailure,
              Consumer<UpstreamFailure> onFailure, Consumer<String> errors, Consumer<HttpHeaders> decorate,
              Duration bodyIdle) {
        this.bodyIdleNanos = bodyIdle == null ? 0 : bodyIdle.toNanos();
        this.ex = ex;
        this.loop = ex.ctx().executor();
        this.closeListener = f -> loop.execute(this::clientGone);
        this.failurePrefix = failurePrefix;
        this.isFailure = isFailure;
        this.onFailure = onFailure;
        this.errors = errors;
        this.decorate = decorate;
    }

    /** The JDK client for an upstream: HTTP/1.1, redirects passed on rather than followed, callbacks on {@code callbacks}. */
    static HttpClient client(Duration connectTimeout, Executor callbacks) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(callbacks)
                .build();
    }

    void start(HttpClient client, HttpRequest request, Duration timeout) {
        deadline = loop.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ex.ctx().channel().closeFuture().addListener(closeListener);
        pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher());
        pending.whenComplete((response, error) -> loop.execute(() -> onHead(response, error)));
    }

    private void onHead(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, Throwable error) {
        if (state != State.WAITING) {
            if (response != null) {
                response.body().subscribe(new Discard());
            }
            return;
        }
        if (error != null) {
            fail(new UpstreamFailure(failurePrefix + reasonOf(error), 0));
            return;
        }
        if (isFailure.test(response)) {
            response.body().subscribe(new Discard());
            // The upstream's own reason header is not ours to repeat: the failure is named by who failed.
            fail(new UpstreamFailure(failurePrefix + "error", response.statusCode()));
            return;
        }
        state = State.STREAMING;
        status = response.statusCode();
        restartBodyIdle();
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        copyHeaders(response, head.headers());
        if (status == 304 || status == 204) {
            // No body follows: no framing header either.
            head.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        }
        decorate.accept(head.headers());
        ex.prepare(head);
        if (ex.isHead()) {
            response.body().subscribe(new Discard());
            ex.ctx().write(head);
            finish(ex.ctx().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            return;
        }
        ex.ctx().write(head);
        response.body().subscribe(this);
    }

    private static void copyHeaders(HttpResponse<?> from, HttpHeaders to) {
        from.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                to.add(name, values);
            }
        });
        from.headers().firstValue("content-length").ifPresentOrElse(
                length -> to.set(HttpHeaderNames.CONTENT_LENGTH, length),
                () -> to.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED));
    }

    /** {@code timeout}, {@code unreachable} or {@code error}, from what the JDK client failed with. */
    static String reasonOf(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "timeout";
        }
        return cause instanceof ConnectException ? "unreachable" : "error";
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        loop.execute(() -> {
            subscription = s;
            if (state == State.STREAMING) {
                s.request(1);
            } else {
                s.cancel();
            }
        });
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        loop.execute(() -> {
            if (state != State.STREAMING) {
                return;
            }
            ByteBuf buf = Unpooled.wrappedBuffer(chunk.toArray(ByteBuffer[]::new));
            bytes += buf.readableBytes();
            // Ask for the next chunk only once this one is on the wire: the viewer sets the pace.
            ex.ctx().writeAndFlush(new DefaultHttpContent(buf)).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess() && state == State.STREAMING) {
                    restartBodyIdle();
                    subscription.request(1);
                }
            });
        });
    }

    @Override
    public void onComplete() {
        loop.execute(() -> {
            if (state == State.STREAMING) {
                finish(ex.ctx().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            }
        });
    }

    @Override
    public void onError(Throwable error) {
        loop.execute(() -> {
            if (state == State.STREAMING) {
                errors.accept(failurePrefix + "error");
            }
            cut();
        });
    }

    /** With a body idle time, progress moves the deadline; without one, the call's deadline stands. */
    private void restartBodyIdle() {
        if (bodyIdleNanos > 0) {
            deadline.cancel(false);
            deadline = loop.schedule(this::expire, bodyIdleNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void done() {
        state = State.DONE;
        deadline.cancel(false);
        ex.ctx().channel().closeFuture().removeListener(closeListener);
    }

    private void finish(ChannelFuture last) {
        done();
        ex.finish(last, status, bytes);
    }

    private void fail(UpstreamFailure failure) {
        errors.accept(failure.reason());
        done();
        pending.cancel(true);
        onFailure.accept(failure);
    }

    private void expire() {
        if (state == State.WAITING) {
            fail(new UpstreamFailure(failurePrefix + "timeout", 0));
        } else if (state == State.STREAMING) {
            errors.accept(failurePrefix + "timeout");
            cut();
        }
    }

    /** The answer broke after its head was sent: the only honest signal left is closing the connection. */
    private void cut() {
        if (state == State.DONE) {
            return;
        }
        done();
        if (subscription != null) {
            subscription.cancel();
        }
        ex.closeAfterResponse();
        ex.finish(ex.ctx().close(), status, bytes);
    }

    private void clientGone() {
        if (state == State.DONE) {
            return;
        }
        if (state == State.WAITING) {
            pending.cancel(true);
        }
        cut();
    }

    /** Drops a body nobody will read (cancelling closes that one upstream connection). */
    private static final class Discard implements Flow.Subscriber<List<ByteBuffer>> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
