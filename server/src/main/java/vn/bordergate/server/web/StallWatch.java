package vn.bordergate.server.web;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a workstation's socket is still taking what is sent to it. The server sees the client read only when
 * the kernel accepts more of a frame, and the kernel wakes a blocked writer only after about a third of the socket's
 * send buffer has drained. Left to autotune, that buffer grows to 4 MB on loopback: a client reading 0.6 MB/s
 * steadily then completed nothing for 2.4 s at a time and was dropped as stalled (one reading 140 KB/s: 10 s).
 * Holding the buffer at {@link #SEND_BUFFER_BYTES} makes a reader's progress visible every ~250 KB it takes (this
 * buffer and the client's receive window; 1.5 s at 140 KB/s), so "nothing taken for {@link #STALL_NANOS}" singles
 * out a client that stopped, not one that reads slowly (down to some 25 KB/s).
 */
final class StallWatch {
    /**
     * Asked of the kernel for each event socket (Linux doubles it): ample for a LAN and for frames of at most 64 KB,
     * and it also keeps a stalled client's unsent bytes in the kernel small.
     */
    static final int SEND_BUFFER_BYTES = 64 * 1024;

    /**
     * Longer than a healthy workstation starved of CPU on a busy host stops reading; a client that takes nothing
     * for this long while it is far behind has stopped.
     */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(StallWatch.class);

    /** Since when bytes have waited for the network with none taken ({@link System#nanoTime}); 0 when none wait. */
    private volatile long waitingSince;

    private volatile long bytesTaken;

    /** A frame was handed to the network. */
    void handed() {
        if (waitingSince == 0) {
            waitingSince = System.nanoTime() | 1; // never 0, which means "nothing waiting"
        }
    }

    /** The network took a whole frame. */
    void taken(int bytes) {
        bytesTaken += bytes; // only the thread completing the current frame writes it
        waitingSince = 0;
    }

    /** How long bytes have waited with none taken; 0 when nothing waits. */
    long stalledNanos() {
        long since = waitingSince;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    long bytesTaken() {
        return bytesTaken;
    }

    /** Holds the send buffer of the session's connection at {@link #SEND_BUFFER_BYTES}, where it can. */
    static void limitSendBuffer(CoreSession core) {
        Object transport = core instanceof WebSocketCoreSession session && session.getConnection() != null
                ? session.getConnection().getEndPoint()
                : null;
        // a TLS end point's transport is the plain end point beneath it
        for (int depth = 0; transport instanceof EndPoint endPoint && depth < 4; depth++) {
            transport = endPoint.getTransport();
        }
        if (transport instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER_BYTES);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("event socket send buffer not set: {}", e.toString());
            }
        }
        // still correct, only coarser: a very slow reader may then look stalled
        LOG.debug("event socket send buffer left to the kernel ({})", transport);
    }
}
