package dev.rendergate.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Decides, from a request's head and before its body is buffered, whether the gateway will hold that body: only a
 * route that proxies bodies ({@link Handler#acceptsBody}) gets one, up to the body limit, while the server-wide
 * {@link BodyBudget} has room. A refused request goes on to the {@link Dispatcher} as a failed head without its body,
 * so the refusal is answered in order; nothing more is read from the connection (HTTP/1.1) or stream (HTTP/2), which
 * then closes. One instance per HTTP/1.1 connection or HTTP/2 stream, installed before the aggregator.
 *
 * <p>A request without {@code Content-Length} or {@code Transfer-Encoding} costs three header look-ups here, and on
 * HTTP/1.1 goes on whole (head and empty body in one message), so the aggregator passes it as it is.
 */
final class BodyGate extends ChannelDuplexHandler {

    /** How long a refused HTTP/1.1 connection keeps reading (and dropping) after its answer before it closes. */
    static final long LINGER_MILLIS = 1_000;

    private final Handler handler;
    private final long maxBodyBytes;
    private final BodyBudget.Account account;
    private final boolean lingerOnClose;
    private HttpRequest head;
    /** The head judged last has neither {@code Content-Length} nor {@code Transfer-Encoding}. */
    private boolean announcesNoBody;
    /** An HTTP/1.1 head without a body, held until the decoder's end of it arrives (in the same read). */
    private DefaultHttpRequest bodyless;
    private boolean accepted;
    private long bodyBytes;
    private boolean discarding;
    private boolean lingering;

    /** {@code lingerOnClose}: an HTTP/1.1 connection, whose close after a refusal drains before it resets. */
    BodyGate(Handler handler, long maxBodyBytes, BodyBudget.Account account, boolean lingerOnClose) {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        this.account = account;
        this.lingerOnClose = lingerOnClose;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (discarding) {
            ReferenceCountUtil.release(msg);
            return;
        }
        // The HTTP/1.1 decoder's two messages of a request without a body, told apart without an interface type
        // check: on JDK 17 checks of one class against several interfaces from two event loops contend
        // (JDK-8180450); with interface checks here static files measured ~0.95x main's requests/s, without ~1.0x.
        if (msg == LastHttpContent.EMPTY_LAST_CONTENT) {
            head = null;
            if (bodyless != null) {
                DefaultHttpRequest held = bodyless;
                bodyless = null;
                ctx.fireChannelRead(whole(held));
                return;
            }
            ctx.fireChannelRead(msg);
            return;
        }
        if (bodyless != null) {
            // Not the end the decoder always sends next; the aggregator takes the head as it came.
            DefaultHttpRequest held = bodyless;
            bodyless = null;
            ctx.fireChannelRead(held);
        }
        if (msg.getClass() == DefaultHttpRequest.class) {
            DefaultHttpRequest request = (DefaultHttpRequest) msg;
            head = request;
            accepted = false;
            bodyBytes = 0;
            Refusal refusal = admit(request.headers(), request);
            if (refusal != null) {
                refuse(ctx, request, refusal);
                return;
            }
            if (announcesNoBody && request.decoderResult().isSuccess()
                    && !request.headers().contains(HttpHeaderNames.EXPECT)) {
                bodyless = request;
                return;
            }
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            head = request;
            accepted = false;
            bodyBytes = 0;
            // A full request (HTTP/2 HEADERS with END_STREAM) has no body to come.
            Refusal refusal = msg instanceof LastHttpContent ? null : admit(request.headers(), request);
            if (refusal != null) {
                refuse(ctx, request, refusal);
                return;
            }
        } else if (msg instanceof HttpContent content && content.content().isReadable() && !take(ctx, content)) {
            return;
        }
        if (msg instanceof LastHttpContent) {
            head = null;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * A head without a body as the aggregator would make it: the same head, an empty body, no trailers, and the
     * {@code Content-Length: 0} it sets on every request it aggregates; its work (a composite buffer, the message
     * it wraps, header look-ups) is spared on the common request of a person or crawler.
     */
    private static FullHttpRequest whole(DefaultHttpRequest head) {
        FullHttpRequest request = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
                Unpooled.EMPTY_BUFFER, head.headers(), EmptyHttpHeaders.INSTANCE);
        request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return request;
    }

    /** Judges a head that announces a body; one that does not is judged at its first body byte (HTTP/2). */
    private Refusal admit(HttpHeaders headers, HttpRequest request) {
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        boolean transferEncoding = headers.get(HttpHeaderNames.TRANSFER_ENCODING) != null;
        announcesNoBody = length == null && !transferEncoding;
        if (!transferEncoding && (length == null || length.equals("0"))) {
            return null;
        }
        if (!request.decoderResult().isSuccess()) {
            return null;
        }
        if (!handler.acceptsBody(request)) {
            return refusalOfBody(request);
        }
        long declared = length == null ? -1 : HttpUtil.getContentLength(request, -1L);
        if (declared > maxBodyBytes) {
            return Refusal.BODY_TOO_LARGE;
        }
        if (declared > 0 && !account.fits(declared)) {
            return Refusal.MEMORY_BUDGET;
        }
        accepted = true;
        return null;
    }

    /** Reserves a piece of a body; false when it was refused instead (the request then ends failed). */
    private boolean take(ChannelHandlerContext ctx, HttpContent content) {
        int n = content.content().readableBytes();
        if (!accepted) {
            accepted = head != null && head.decoderResult().isSuccess() && handler.acceptsBody(head);
        }
        Refusal refusal = !accepted ? (head == null ? Refusal.BODY_NOT_ACCEPTED : refusalOfBody(head))
                : bodyBytes + n > maxBodyBytes ? Refusal.BODY_TOO_LARGE
                : !account.tryReserve(n) ? Refusal.MEMORY_BUDGET : null;
        if (refusal != null) {
            content.release();
            startDiscarding();
            // Ends the aggregation with the failure: the Dispatcher answers it after what is ahead of it.
            LastHttpContent end = new DefaultLastHttpContent();
            end.setDecoderResult(DecoderResult.failure(refusal.asCause()));
            ctx.fireChannelRead(end);
            return false;
        }
        bodyBytes += n;
        return true;
    }

    private static Refusal refusalOfBody(HttpRequest request) {
        HttpMethod method = request.method();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? Refusal.BODY_NOT_ACCEPTED
                : Refusal.METHOD_NOT_ALLOWED;
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest head, Refusal refusal) {
        startDiscarding();
        // The head goes on without its body: no 100 Continue, no length for the aggregator to wait for or judge.
        head.headers().remove(HttpHeaderNames.EXPECT).remove(HttpHeaderNames.CONTENT_LENGTH)
                .remove(HttpHeaderNames.TRANSFER_ENCODING);
        head.setDecoderResult(DecoderResult.failure(refusal.asCause()));
        ctx.fireChannelRead(head);
    }

    /**
     * Ends reading for good (the connection closes after the answers it owes): what still arrives is dropped, and on
     * HTTP/1.1 the close lingers.
     */
    void stopReading() {
        startDiscarding();
    }

    private void startDiscarding() {
        head = null;
        bodyless = null;
        discarding = true;
        lingering = lingerOnClose;
    }

    /**
     * Closing while the client still sends its body would answer it with a reset, which can destroy the refusal
     * before the client reads it: after a refusal the close sends FIN, drops what still arrives for a moment, then
     * closes.
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!lingering || !(ctx.channel() instanceof SocketChannel socket) || !socket.isActive()
                || socket.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = false;
        socket.shutdownOutput().addListener(f -> {
            socket.config().setAutoRead(true);
            ctx.executor().schedule(() -> ctx.close(promise), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        account.releaseAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        account.releaseAll();
    }
}
