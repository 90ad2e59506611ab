package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.junit.jupiter.api.Test;

/** The send-buffer cap on a real loopback connection, through Jetty's end point as an event socket has it. */
class StallWatchTest {
    @Test
    void aLargeSendBufferIsHeldToTheCap() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open();
                SocketChannel client = SocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.connect(server.getLocalAddress());
            try (SocketChannel accepted = server.accept()) {
                // as large as autotuning makes it on loopback (4 MB), without having to send megabytes first
                accepted.setOption(StandardSocketOptions.SO_SNDBUF, 2 * 1024 * 1024);
                assertThat(accepted.getOption(StandardSocketOptions.SO_SNDBUF))
                        .as("send buffer before")
                        .isGreaterThan(2 * StallWatch.SEND_BUFFER_BYTES);

                StallWatch.limitSendBuffer(new SocketChannelEndPoint(accepted, null, null, null));

                // Linux doubles what it is asked for (bookkeeping); other systems take it as is
                assertThat(accepted.getOption(StandardSocketOptions.SO_SNDBUF))
                        .as("send buffer after")
                        .isLessThanOrEqualTo(2 * StallWatch.SEND_BUFFER_BYTES);
            }
        }
    }
}
