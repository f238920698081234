package dev.rendergate.gateway.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
import java.util.Date;

/** Adds {@code Date} and {@code Server} to every response; the date string is formatted once a second. */
@ChannelHandler.Sharable
final class StandardHeaders extends ChannelOutboundHandlerAdapter {

    // As AsciiString the encoder copies their bytes instead of converting characters.
    private static final AsciiString SERVER = AsciiString.cached("rendergate");
    private static volatile long second;
    private static volatile AsciiString date = new AsciiString(DateFormatter.format(new Date()));

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            response.headers().set(HttpHeaderNames.DATE, now()).set(HttpHeaderNames.SERVER, SERVER);
        }
        ctx.write(msg, promise);
    }

    private static AsciiString now() {
        long nowSecond = System.currentTimeMillis() / 1000;
        if (nowSecond != second) {
            date = new AsciiString(DateFormatter.format(new Date(nowSecond * 1000)));
            second = nowSecond;
        }
        return date;
    }
}
