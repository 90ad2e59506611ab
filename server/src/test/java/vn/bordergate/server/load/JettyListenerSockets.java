package vn.bordergate.server.load;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/**
 * The listener JVM's WebSocket client: Jetty's own core client ({@link WebSocketCoreClient}, the server's Jetty
 * version) on a few selector threads. Each text message is handed on as a {@link Latin1View} of its bytes: no
 * UTF-8 decoding, no per-message futures, no copy unless a message comes in several frames (or Jetty hands a
 * payload without a backing array). {@code java.net.http}'s client cost the listener JVM about four times more
 * per envelope, which on the shared two cores showed up as fan-out lag. What is measured does not change:
 * every message is handed on whole, in order, and the receiver still reads every envelope's sequence number
 * and {@code sentAt}.
 */
final class JettyListenerSockets implements AutoCloseable {
    /** Told on Jetty's threads; one socket's calls come one at a time, in order. */
    interface Receiver {
        void message(int index, CharSequence text);

        /** The server closed the socket or it failed. */
        void lost(int index);
    }

    /** Far above any batch the server sends: big frames must not be refused or split. */
    private static final long MAX_MESSAGE = 256L * 1024 * 1024;

    private static final int INPUT_BUFFER = 128 * 1024;

    private final URI uri;
    private final String token;
    private final Receiver receiver;
    private final HttpClient http;
    private final WebSocketCoreClient client;
    private final Set<Handler> open = ConcurrentHashMap.newKeySet();
    private final Configuration.ConfigurationCustomizer configuration = new Configuration.ConfigurationCustomizer();
    private volatile boolean closing;

    /** {@code threads} selector threads, plus a few pool threads for Jetty's housekeeping. */
    JettyListenerSockets(URI uri, String token, int threads, Receiver receiver) throws Exception {
        this.uri = uri;
        this.token = token;
        this.receiver = receiver;
        QueuedThreadPool pool = new QueuedThreadPool(2 * threads + 4, threads + 1);
        pool.setName("listener-ws");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        // Jetty's default pool keeps no buffer over 64 KB: each read of a 128 KB input buffer allocated a new one, some
        // 3 GB/s for 500 sockets, and the serial collector then stopped the listener JVM for a Full GC several times a
        // second (session 20: 25 s of pauses in a 60 s run, up to 450 ms each), which the fan-out latency counted
        ByteBufferPool buffers = new ArrayByteBufferPool(0, 4096, INPUT_BUFFER);
        ClientConnector connector = new ClientConnector();
        connector.setSelectors(threads);
        connector.setExecutor(pool);
        connector.setByteBufferPool(buffers);
        this.http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setExecutor(pool);
        http.setByteBufferPool(buffers);
        http.setUseInputDirectByteBuffers(false); // frame payloads over heap arrays, read without a copy
        http.setConnectTimeout(30_000);
        http.setIdleTimeout(0);
        http.setMaxConnectionsPerDestination(Integer.MAX_VALUE);
        WebSocketComponents components = new WebSocketComponents(null, null, buffers, null, null, pool);
        this.client = new WebSocketCoreClient(http, components);
        // read big batch frames in few reads, straight from the read buffer (Jetty's default is 4 KB, and a frame
        // bigger than the buffer is first copied into one of its own); big frames are neither refused nor split
        configuration.setInputBufferSize(INPUT_BUFFER);
        configuration.setMaxFrameSize(MAX_MESSAGE);
        configuration.setMaxTextMessageSize(MAX_MESSAGE);
        configuration.setAutoFragment(false);
        configuration.setIdleTimeout(Duration.ZERO); // quiet phases of the benchmark are not a reason to close
        try {
            client.start();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Opens socket {@code index}; completes when the handshake is done. */
    CompletableFuture<Void> connect(int index) {
        Handler handler = new Handler(index);
        CoreClientUpgradeRequest request = CoreClientUpgradeRequest.from(client, uri, handler);
        request.headers(h -> h.put("Authorization", "Bearer " + token));
        request.setConfiguration(configuration);
        try {
            return client.connect(request).thenApply(session -> null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    int openCount() {
        return open.size();
    }

    @Override
    public void close() {
        closing = true;
        try {
            client.stop(); // and with it the HTTP client, its selectors and pool
        } catch (Exception e) {
            // the JVM is ending anyway
        }
    }

    /** One socket: the text of a message that came in several frames. */
    private final class Handler implements FrameHandler {
        final int index;
        final Latin1View view = new Latin1View();
        CoreSession session;
        byte[] bytes = new byte[0];
        int fragmentLength;
        boolean fragmented;
        boolean gone;

        Handler(int index) {
            this.index = index;
        }

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession; // configured before the upgrade (see the constructor)
            open.add(this);
            callback.succeeded();
            coreSession.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            byte opcode = frame.getOpCode();
            try {
                if (opcode == OpCode.TEXT || opcode == OpCode.CONTINUATION) {
                    text(frame.getPayload(), opcode == OpCode.CONTINUATION, frame.isFin());
                }
                // Jetty answers pings and close frames itself once the callback completes
                callback.succeeded();
            } catch (RuntimeException e) {
                callback.failed(e);
                return;
            }
            if (opcode != OpCode.CLOSE) {
                session.demand();
            }
        }

        private void text(ByteBuffer payload, boolean continuation, boolean fin) {
            if (!continuation) {
                fragmentLength = 0;
                fragmented = false;
            }
            int length = payload == null ? 0 : payload.remaining();
            if (fin && !fragmented) {
                if (length == 0) {
                    receiver.message(index, view.over(bytes, 0, 0));
                } else if (payload.hasArray()) {
                    receiver.message(
                            index, view.over(payload.array(), payload.arrayOffset() + payload.position(), length));
                } else {
                    ensure(length);
                    payload.get(payload.position(), bytes, 0, length);
                    receiver.message(index, view.over(bytes, 0, length));
                }
                return;
            }
            fragmented = true;
            ensure(fragmentLength + length);
            if (length > 0) {
                payload.get(payload.position(), bytes, fragmentLength, length);
            }
            fragmentLength += length;
            if (fin) {
                fragmented = false;
                receiver.message(index, view.over(bytes, 0, fragmentLength));
            }
        }

        private void ensure(int capacity) {
            if (capacity > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, capacity));
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded(); // onClosed follows
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
            open.remove(this);
            synchronized (this) {
                if (gone) {
                    return;
                }
                gone = true;
            }
            if (!closing) {
                receiver.lost(index);
            }
        }
    }
}
