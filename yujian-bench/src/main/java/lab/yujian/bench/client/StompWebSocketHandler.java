package lab.yujian.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * The client end of one connection: finishes the WebSocket handshake, sends CONNECT, subscribes once
 * CONNECTED, and feeds every data message's payload (text, binary or continuation) to the session's
 * {@link StompParser}. It answers WebSocket pings and records the close code it sees.
 */
final class StompWebSocketHandler extends SimpleChannelInboundHandler<Object> {

    private final Session session;
    private final WebSocketClientHandshaker handshaker;
    private final StompDispatcher dispatcher;
    private final WireStats wire;
    private StompParser parser;

    StompWebSocketHandler(Session session, WebSocketClientHandshaker handshaker, StompDispatcher dispatcher, WireStats wire) {
        this.session = session;
        this.handshaker = handshaker;
        this.dispatcher = dispatcher;
        this.wire = wire;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session.channel(ctx.channel());
        parser = new StompParser(ctx.alloc(), dispatcher);
        handshaker.handshake(ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (!handshaker.isHandshakeComplete()) {
            handshaker.finishHandshake(ctx.channel(), (FullHttpResponse) msg);
            session.state(Session.State.OPEN);
            session.send(dispatcher.dialect().connect(session.user()));
            return;
        }
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
            WebSocketFrame frame = (WebSocketFrame) msg;
            wire.count(frame);
            long framesBefore = parser.frames();
            ByteBuf content = frame.content();
            parser.feed(content);
            wire.parsed(parser.frames() - framesBefore, parser.hasPartial());
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (msg instanceof CloseWebSocketFrame close) {
            session.closeCode(close.statusCode());
            ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(f -> ctx.close());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (session.state() == Session.State.CONNECTING) {
            session.failed(true);
        }
        dispatcher.listener().error(session, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (parser != null) {
            parser.release();
        }
        if (session.state() == Session.State.CONNECTING || session.state() == Session.State.OPEN) {
            session.failed(true);
        }
        session.markClosed();
        dispatcher.listener().closed(session, session.closeCode());
    }
}
