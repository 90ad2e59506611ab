package vn.bordergate.server.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Many workstations subscribed to {@code /api/events}, run by {@link ListenerMain} in child JVMs (not in
 * the load generator's: receiving 100-200 MB/s of events there made the benchmark measure itself). Each
 * envelope's fan-out latency is its receive time minus the {@code sentAt} the server stamped when the
 * event was published (same host, same clock). Reports envelopes, messages, sequence gaps, sockets the
 * server dropped (the children reconnect them) and the CPU time the listener JVMs used in the interval.
 * Every read of a child's answer has a time limit, and a shutdown hook destroys the children should this
 * JVM end without {@link #close}: a stalled or hung child fails the benchmark instead of hanging it.
 */
final class EventListeners implements AutoCloseable {
    private static final String EOF = "\u0000end of output";
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final Thread destroyChildren = new Thread(this::destroyAll, "destroy listener JVMs");
    private final long serverPid;
    private int connected;
    private long listenerCpuNanos;
    private long serverCpuNanos;
    private long drops;
    private long intervalStart = System.nanoTime();

    /** A child JVM; its stdout is read by a daemon thread into {@code lines} so reads can time out. */
    private record Child(Process process, BlockingQueue<String> lines, PrintStream in) {
        static Child of(Process process) {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader out = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line = out.readLine(); line != null; line = out.readLine()) {
                                lines.add(line);
                            }
                        } catch (IOException e) {
                            // the child is gone: EOF below
                        }
                        lines.add(EOF);
                    },
                    "listener JVM output");
            reader.setDaemon(true);
            reader.start();
            return new Child(process, lines, new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8));
        }

        /** The child's next line; fails if it ended or gave none in time. */
        String answer(String request, Duration within) {
            if (!request.isEmpty()) {
                in.println(request);
            }
            String line;
            try {
                line = lines.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a listener JVM", e);
            }
            if (line == null) {
                throw new IllegalStateException("listener JVM gave no answer to '" + request + "' within " + within);
            }
            if (line.equals(EOF)) {
                lines.add(EOF); // ended for good
                throw new IllegalStateException("listener JVM ended (answering '" + request + "')");
            }
            return line;
        }
    }

    private EventListeners(long serverPid) {
        this.serverPid = serverPid;
    }

    /**
     * {@code count} sockets over {@code jvms} child JVMs with {@code httpClients} HTTP clients each; their
     * error output goes to {@code logs}/listeners-N.log.
     */
    static EventListeners connect(
            URI base, String token, int count, int jvms, int httpClients, String transport, long serverPid, Path logs)
            throws IOException {
        EventListeners listeners = new EventListeners(serverPid);
        Runtime.getRuntime().addShutdownHook(listeners.destroyChildren); // last resort; removed by close()
        String uri = base.toString().replaceFirst("^http", "ws") + "/api/events?batch=1";
        try {
            for (int j = 0; j < jvms; j++) {
                int share = count / jvms + (j < count % jvms ? 1 : 0);
                Process process = new ProcessBuilder(listenerJvm(logs, j, uri, token, share, httpClients, transport))
                        .redirectError(logs.resolve("listeners-" + j + ".log").toFile())
                        .start();
                listeners.children.add(Child.of(process));
            }
            for (Child child : listeners.children) {
                String ready = child.answer("", READY_WITHIN);
                if (!ready.startsWith("READY ")) {
                    throw new IllegalStateException("listener JVM did not connect: " + ready + " (see " + logs + ")");
                }
                listeners.connected += Integer.parseInt(ready.substring(6).trim());
            }
            listeners.interval();
            return listeners;
        } catch (IOException | RuntimeException e) {
            listeners.close(); // no JVM left behind
            throw e;
        }
    }

    /**
     * The child's command line: a small serial-GC heap with a GC log ({@code listeners-gc.log}, listener JVM 0), plus
     * {@code -Dload.listenerJvm="..."} (a flight recording, say; space-separated).
     */
    private static List<String> listenerJvm(
            Path logs, int jvm, String uri, String token, int share, int httpClients, String transport) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-Xlog:gc:file=" + logs.resolve(jvm == 0 ? "listeners-gc.log" : "listeners-gc-" + jvm + ".log")));
        String extra = System.getProperty("load.listenerJvm", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                ListenerMain.class.getName(),
                uri,
                token,
                Integer.toString(share),
                Integer.toString(httpClients),
                transport));
        return command;
    }

    int size() {
        return connected;
    }

    /** Sockets the server closed (too slow to keep up) since the start; each was reconnected. */
    long drops() {
        return drops;
    }

    /**
     * Waits until the listeners have received what was published so far: until their envelope count has
     * not grown for {@code quiet}, at most {@code atMost}. Call before {@link #interval} so that a phase's
     * late envelopes are counted in that phase, not the next.
     */
    void settle(Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long last = -1;
        long stillSince = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            long received = 0;
            for (Child child : children) {
                String line = child.answer("count", ANSWER_WITHIN);
                if (!line.startsWith("COUNT ")) {
                    throw new IllegalStateException("listener JVM gave no count: " + line);
                }
                received += Long.parseLong(line.substring(6).trim());
            }
            long now = System.nanoTime();
            if (received != last) {
                last = received;
                stillSince = now;
            } else if (now - stillSince >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** What the listeners received since the previous call, and the CPU time used meanwhile. */
    Interval interval() throws IOException {
        Histogram lag = new Histogram(3);
        long[] sums = new long[9];
        for (Child child : children) {
            String line = child.answer("interval", ANSWER_WITHIN);
            if (!line.startsWith("INTERVAL ")) {
                throw new IllegalStateException("listener JVM gave no interval: " + line);
            }
            String[] f = line.split(" ");
            for (int i = 0; i < sums.length; i++) {
                sums[i] += Long.parseLong(f[i + 1]);
            }
            try {
                lag.add(Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(f[10])), 0));
            } catch (DataFormatException e) {
                throw new IllegalStateException("listener JVM sent an unreadable histogram", e);
            }
        }
        long listenerCpu = 0;
        for (Child child : children) {
            listenerCpu += cpuNanos(child.process().toHandle());
        }
        long serverCpu =
                ProcessHandle.of(serverPid).map(EventListeners::cpuNanos).orElse(0L);
        long now = System.nanoTime();
        Interval interval = new Interval(
                sums[0],
                sums[1],
                sums[2],
                sums[3],
                sums[4],
                sums[5],
                sums[6],
                sums[7],
                sums[8],
                lag,
                (now - intervalStart) / 1e9,
                (listenerCpu - listenerCpuNanos) / 1e9,
                (serverCpu - serverCpuNanos) / 1e9);
        listenerCpuNanos = listenerCpu;
        serverCpuNanos = serverCpu;
        intervalStart = now;
        drops += sums[6];
        return interval;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * {@code envelopes}: received by all listeners; {@code messages}: WebSocket messages carrying them;
     * {@code gaps}: sequence numbers a connected socket never got; {@code lostWhileDropped}: those a
     * dropped socket missed until its reconnect delivered again; CPU in seconds over the interval's {@code
     * intervalSeconds} (the phase and the wait for its last envelopes).
     */
    record Interval(
            long envelopes,
            long messages,
            long chars,
            long gaps,
            long disorder,
            long malformed,
            long drops,
            long reconnects,
            long lostWhileDropped,
            Histogram latencyMicros,
            double intervalSeconds,
            double listenerCpuSeconds,
            double serverCpuSeconds) {
        String line(String name, double seconds) {
            Histogram h = latencyMicros;
            return String.format(
                    "%-34s %9.0f envelopes/s to all  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms"
                            + "  envelopes %d in %d messages (%.0f MB/s of text); gaps %d, out of order %d, unreadable %d, dropped %d,"
                            + " reconnected %d, lost while dropped %d; CPU: listener JVMs %.1f s (%.2f cores), server %.1f s (%.2f cores)",
                    name,
                    envelopes / seconds,
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0,
                    envelopes,
                    messages,
                    chars / seconds / 1e6,
                    gaps,
                    disorder,
                    malformed,
                    drops,
                    reconnects,
                    lostWhileDropped,
                    listenerCpuSeconds,
                    listenerCpuSeconds / intervalSeconds,
                    serverCpuSeconds,
                    serverCpuSeconds / intervalSeconds);
        }
    }

    @Override
    public void close() {
        for (Child child : children) {
            child.in().println("close");
        }
        for (Child child : children) {
            try {
                if (!child.process().waitFor(10, TimeUnit.SECONDS)) {
                    child.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.process().destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(destroyChildren);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }

    private void destroyAll() {
        children.forEach(child -> child.process().destroyForcibly());
    }
}
