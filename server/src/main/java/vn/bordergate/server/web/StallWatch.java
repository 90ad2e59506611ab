package vn.bordergate.server.web;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a workstation's socket is still taking what is sent to it. The server sees the client read only when
 * the kernel accepts more of a frame, and the kernel wakes a blocked writer only after about a third of the socket's
 * send buffer has drained. Left to autotune, that buffer grows to 4 MB on loopback: a client reading 0.6 MB/s
 * steadily then completed nothing for 2.4 s at a time and was dropped as stalled (one reading ~140 KB/s: 10 s).
 * Holding the buffer at {@link #SEND_BUFFER_BYTES} makes a reader's progress visible every ~250 KB it takes (this
 * buffer and the client's receive window; 1.5 s at ~130 KB/s), so "no frame completed for {@link #STALL_NANOS}"
 * singles out a client that stopped, not one that reads slowly (down to some 25 KB/s in a loopback probe).
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
    private static final AtomicBoolean COARSE_LOGGED = new AtomicBoolean();

    /**
     * Since the current frame was handed to the network ({@link System#nanoTime}); 0 when none waits. At most one
     * frame is written at a time and {@link #taken} clears this before the next is handed.
     */
    private volatile long waitingSince;

    private volatile long bytesTaken;

    /** A frame was handed to the network. */
    void handed() {
        waitingSince = System.nanoTime() | 1; // never 0, which means "nothing waiting"
    }

    /** The network took a whole frame. */
    void taken(int bytes) {
        bytesTaken += bytes; // only the thread completing the current frame writes it
        waitingSince = 0;
    }

    /** How long the current frame has waited to be completed; 0 when nothing waits. */
    long stalledNanos() {
        long since = waitingSince;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    long bytesTaken() {
        return bytesTaken;
    }

    /** Holds the send buffer of the session's connection at {@link #SEND_BUFFER_BYTES}, where it can. */
    static void limitSendBuffer(CoreSession core) {
        limitSendBuffer(
                core instanceof WebSocketCoreSession session && session.getConnection() != null
                        ? session.getConnection().getEndPoint()
                        : null);
    }

    /** Holds the send buffer of the end point's socket at {@link #SEND_BUFFER_BYTES}, where it can. */
    static void limitSendBuffer(EndPoint endPoint) {
        Object transport = endPoint;
        // a TLS end point's transport is the plain end point beneath it
        for (int depth = 0; transport instanceof EndPoint beneath && depth < 4; depth++) {
            transport = beneath.getTransport();
        }
        String why = "not a network channel";
        if (transport instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER_BYTES);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                why = e.toString();
            }
        }
        // still correct, only coarser: progress then shows only every ~1.4 MB a reader takes, so one under some
        // 150 KB/s may be dropped as stalled. Operators must know, once; the rest only when debugging.
        if (COARSE_LOGGED.compareAndSet(false, true)) {
            LOG.info(
                    "event socket send buffer left to the kernel ({}: {}): slow workstations may be dropped as stalled",
                    transport,
                    why);
        } else {
            LOG.debug("event socket send buffer left to the kernel ({}: {})", transport, why);
        }
    }
}
