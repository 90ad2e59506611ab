package vn.bordergate.server.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Workstations subscribed to {@code /api/events}, in a JVM of their own so that receiving the events does
 * not share the load generator's heap and threads (it still shares the machine's cores: the benchmark
 * reports this JVM's CPU time). The sockets are spread over several HTTP clients (each has one selector
 * thread). Per envelope it records the lag from the server's {@code sentAt} to receipt, and checks that
 * each socket gets consecutive sequence numbers. A socket the server closes is counted and reconnected.
 *
 * <p>Driven over stdin/stdout by {@link EventListeners}: prints {@code READY n}, answers each {@code
 * interval} line with {@code INTERVAL envelopes messages chars gaps disorder malformed drops
 * reconnects lostWhileDropped histogram(base64)}, each {@code count} line with {@code COUNT n} (envelopes
 * since the start), ends on {@code close} or when stdin closes. Every way out ends the JVM: a reconnect
 * task or socket left behind must never keep it (and the parent waiting on its stdout) alive.
 */
public final class ListenerMain {
    private final List<HttpClient> clients = new ArrayList<>();
    private final URI uri;
    private final String token;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "reconnects");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentHashMap.KeySetView<WebSocket, Boolean> open = ConcurrentHashMap.newKeySet();
    private final Recorder lag = new Recorder(3);
    private final AtomicLong envelopes = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong chars = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong disorder = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong reconnected = new AtomicLong();
    /** Envelopes a socket's index missed between its drop and the first envelope after its reconnect. */
    private final AtomicLong lostWhileDropped = new AtomicLong();
    /** Highest seq each socket index has received (kept across reconnects), -1 before the first. */
    private final AtomicLongArray lastSeen;

    private final AtomicLong total = new AtomicLong();
    private volatile boolean closing;
    /** Jetty's client ({@link JettyListenerSockets}), or null when the sockets are {@code java.net.http}'s. */
    private final JettyListenerSockets wires;
    /** With {@link #wires}: each index's current connection. */
    private final Socket[] wired;

    private ListenerMain(URI uri, String token, int sockets, int clientCount, boolean wire) throws Exception {
        this.uri = uri;
        this.token = token;
        this.lastSeen = new AtomicLongArray(sockets);
        for (int i = 0; i < sockets; i++) {
            lastSeen.set(i, -1);
        }
        this.wired = new Socket[sockets];
        if (wire) {
            this.wires = new JettyListenerSockets(uri, token, clientCount, new JettyListenerSockets.Receiver() {
                @Override
                public void message(int index, CharSequence text) {
                    wired[index].record(text);
                }

                @Override
                public void lost(int index) {
                    drops.incrementAndGet();
                    reconnectLater(index, 100);
                }
            });
        } else {
            this.wires = null;
            for (int i = 0; i < clientCount; i++) {
                clients.add(HttpClient.newHttpClient());
            }
        }
    }

    /**
     * Arguments: events URI (ws://…/api/events?batch=1), bearer token, sockets, HTTP clients (selector threads
     * with {@code wire}), and optionally the client: {@code wire} (Jetty's core client, {@link JettyListenerSockets}) or {@code
     * jdk} ({@code java.net.http}, the default before session 14).
     */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            e.printStackTrace();
            Runtime.getRuntime().halt(2);
        });
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        boolean wire = args.length > 4 && args[4].equals("wire");
        ListenerMain listeners = new ListenerMain(URI.create(args[0]), args[1], count, Integer.parseInt(args[3]), wire);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(listeners.connect(i));
            if (pending.size() >= 50) {
                pending.forEach(f -> f.orTimeout(60, TimeUnit.SECONDS).join());
                pending.clear();
            }
        }
        pending.forEach(f -> f.orTimeout(60, TimeUnit.SECONDS).join());
        out.println("READY " + (wire ? listeners.wires.openCount() : listeners.open.size()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("close"); line = in.readLine()) {
            if (line.equals("interval")) {
                out.println(listeners.interval());
            } else if (line.equals("count")) {
                out.println("COUNT " + listeners.total.get());
            }
        }
        listeners.closing = true;
        listeners.open.forEach(WebSocket::abort);
        if (wire) {
            listeners.wires.close();
        }
    }

    private CompletableFuture<WebSocket> connect(int index) {
        if (wires != null) {
            wired[index] = new Socket(index);
            return wires.connect(index).thenApply(session -> null);
        }
        return clients.get(index % clients.size())
                .newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, new Socket(index))
                .toCompletableFuture()
                .whenComplete((socket, failure) -> {
                    if (socket != null) {
                        open.add(socket);
                    }
                });
    }

    private void reconnectLater(int index, long delayMillis) {
        if (closing) {
            return;
        }
        reconnects.schedule(
                () -> connect(index).whenComplete((socket, failure) -> {
                    if (failure != null) {
                        reconnectLater(index, 1000);
                    } else {
                        reconnected.incrementAndGet();
                    }
                }),
                delayMillis,
                TimeUnit.MILLISECONDS);
    }

    private String interval() {
        Histogram h = lag.getIntervalHistogram();
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        h.encodeIntoCompressedByteBuffer(buffer);
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return String.join(
                " ",
                "INTERVAL",
                Long.toString(envelopes.getAndSet(0)),
                Long.toString(messages.getAndSet(0)),
                Long.toString(chars.getAndSet(0)),
                Long.toString(gaps.getAndSet(0)),
                Long.toString(disorder.getAndSet(0)),
                Long.toString(malformed.getAndSet(0)),
                Long.toString(drops.getAndSet(0)),
                Long.toString(reconnected.getAndSet(0)),
                Long.toString(lostWhileDropped.getAndSet(0)),
                Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * One workstation's connection; a new one after each reconnect. Gaps within a connection count as
     * gaps; what a reconnected socket missed while it was away counts as lost while dropped.
     */
    private final class Socket implements WebSocket.Listener {
        private final int index;
        private final StringBuilder partial = new StringBuilder();
        private long lastSeq = -1;
        private boolean gone;

        Socket(int index) {
            this.index = index;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else if (partial.length() > 0) {
                record(partial.append(data));
                partial.setLength(0);
            } else {
                record(data);
            }
            webSocket.request(1);
            return null;
        }

        private void record(CharSequence message) {
            Instant received = Instant.now();
            long now = received.getEpochSecond() * 1_000_000 + received.getNano() / 1000;
            messages.incrementAndGet();
            chars.addAndGet(message.length());
            int[] recorded = {0}; // counted with the latencies, also when the array turns unreadable halfway
            try {
                EnvelopeScan.scan(message, (seq, sentAt) -> {
                    lag.recordValue(Math.max(1, now - sentAt));
                    recorded[0]++;
                    if (lastSeq < 0) {
                        long before = lastSeen.get(index); // after a reconnect: what was missed meanwhile
                        if (before >= 0 && seq > before + 1) {
                            lostWhileDropped.addAndGet(seq - before - 1);
                        }
                    } else if (seq > lastSeq + 1) {
                        gaps.addAndGet(seq - lastSeq - 1);
                    } else if (seq <= lastSeq) {
                        disorder.incrementAndGet();
                    }
                    lastSeq = Math.max(lastSeq, seq);
                    lastSeen.accumulateAndGet(index, seq, Math::max);
                });
            } catch (IllegalArgumentException e) {
                malformed.incrementAndGet();
            } finally {
                envelopes.addAndGet(recorded[0]);
                total.addAndGet(recorded[0]);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost(webSocket);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(webSocket);
        }

        private synchronized void lost(WebSocket webSocket) {
            open.remove(webSocket);
            if (!gone && !closing) {
                gone = true;
                drops.incrementAndGet();
                webSocket.abort();
                reconnectLater(index, 100);
            }
        }
    }
}
