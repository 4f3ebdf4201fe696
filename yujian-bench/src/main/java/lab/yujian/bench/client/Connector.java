package lab.yujian.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Opens sessions on a small event-loop group (epoll where available): every connection is a channel on
 * one of {@code ioThreads} threads, never a thread or a client object of its own. Sessions may bind to a
 * source address of their own, so that more than one address's ephemeral ports can be used.
 */
public final class Connector implements AutoCloseable {

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final URI url;
    private final InetSocketAddress remote;
    private final InetSocketAddress source;
    private final Dialect dialect;
    private final WireStats wire = new WireStats();

    public Connector(URI url, String sourceAddress, int ioThreads, Dialect dialect) {
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(group).channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        this.url = url;
        this.remote = new InetSocketAddress(url.getHost(), url.getPort());
        this.source = new InetSocketAddress(sourceAddress, 0);
        this.dialect = dialect;
    }

    public WireStats wire() {
        return wire;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Starts opening {@code session}; {@code receiveBuffer} above 0 sets SO_RCVBUF before the connect, so that
     * a stalled session's window, and so what the server can push into it, stays small.
     */
    public ChannelFuture open(Session session, SessionListener listener, int receiveBuffer) {
        Bootstrap b = bootstrap.clone();
        if (receiveBuffer > 0) {
            b.option(ChannelOption.SO_RCVBUF, receiveBuffer);
        }
        b.handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                var handshaker = WebSocketClientHandshakerFactory.newHandshaker(url, WebSocketVersion.V13, "v12.stomp",
                        false, new DefaultHttpHeaders(), 1 << 20, true, false, 10_000, false, false);
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                        new StompWebSocketHandler(session, handshaker, new StompDispatcher(session, dialect, listener), wire));
            }
        });
        ChannelFuture future = b.connect(remote, source);
        future.addListener(f -> {
            if (!f.isSuccess()) {
                session.failed(true);
                session.markClosed();
                listener.error(session, "connect: " + f.cause());
                listener.closed(session, -1);
            }
        });
        return future;
    }

    /** Channels are closed by their sessions; this ends the event loops. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
