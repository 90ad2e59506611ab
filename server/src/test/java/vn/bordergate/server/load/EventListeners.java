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
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Many workstations subscribed to {@code /api/events}, run by {@link ListenerMain} in child JVMs (not in
 * the load generator's: receiving 100-200 MB/s of events there made the benchmark measure itself). Each
 * envelope's fan-out latency is its receive time minus the {@code sentAt} the server stamped when the
 * event was published (same host, same clock). Reports envelopes, messages, sequence gaps, sockets the
 * server dropped (the children reconnect them) and the CPU time the listener JVMs used in the interval.
 */
final class EventListeners implements AutoCloseable {
    private final List<Child> children = new ArrayList<>();
    private final long serverPid;
    private int connected;
    private long listenerCpuNanos;
    private long serverCpuNanos;
    private long drops;
    private long intervalStart = System.nanoTime();

    private record Child(Process process, BufferedReader out, PrintStream in) {}

    private EventListeners(long serverPid) {
        this.serverPid = serverPid;
    }

    /**
     * {@code count} sockets over {@code jvms} child JVMs with {@code httpClients} HTTP clients each; their
     * error output goes to {@code logs}/listeners-N.log.
     */
    static EventListeners connect(
            URI base, String token, int count, int jvms, int httpClients, long serverPid, Path logs)
            throws IOException {
        EventListeners listeners = new EventListeners(serverPid);
        String uri = base.toString().replaceFirst("^http", "ws") + "/api/events?batch=1";
        for (int j = 0; j < jvms; j++) {
            int share = count / jvms + (j < count % jvms ? 1 : 0);
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx384m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ListenerMain.class.getName(),
                            uri,
                            token,
                            Integer.toString(share),
                            Integer.toString(httpClients))
                    .redirectError(logs.resolve("listeners-" + j + ".log").toFile())
                    .start();
            listeners.children.add(new Child(
                    process,
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
                    new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8)));
        }
        try {
            for (Child child : listeners.children) {
                String ready = child.out().readLine();
                if (ready == null || !ready.startsWith("READY ")) {
                    throw new IllegalStateException("listener JVM did not connect: " + ready + " (see " + logs + ")");
                }
                listeners.connected += Integer.parseInt(ready.substring(6).trim());
            }
            listeners.interval();
            return listeners;
        } catch (IOException | RuntimeException e) {
            listeners.children.forEach(child -> child.process().destroyForcibly()); // no JVM left behind
            throw e;
        }
    }

    int size() {
        return connected;
    }

    /** Sockets the server closed (too slow to keep up) since the start; each was reconnected. */
    long drops() {
        return drops;
    }

    /** What the listeners received since the previous call, and the CPU time used meanwhile. */
    Interval interval() throws IOException {
        Histogram lag = new Histogram(3);
        long[] sums = new long[8];
        for (Child child : children) {
            child.in().println("interval");
            String line = child.out().readLine();
            if (line == null || !line.startsWith("INTERVAL ")) {
                throw new IllegalStateException("listener JVM gave no interval: " + line);
            }
            String[] f = line.split(" ");
            for (int i = 0; i < sums.length; i++) {
                sums[i] += Long.parseLong(f[i + 1]);
            }
            try {
                lag.add(Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(f[9])), 0));
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
     * {@code gaps}: sequence numbers a socket never got (outside reconnects); CPU in seconds over the
     * interval's {@code intervalSeconds} (the phase and the pause after it).
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
            Histogram latencyMicros,
            double intervalSeconds,
            double listenerCpuSeconds,
            double serverCpuSeconds) {
        String line(String name, double seconds) {
            Histogram h = latencyMicros;
            return String.format(
                    "%-34s %9.0f envelopes/s to all  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms"
                            + "  envelopes %d in %d messages (%.0f MB/s of text); gaps %d, out of order %d, unreadable %d, dropped %d,"
                            + " reconnected %d; CPU: listener JVMs %.1f s (%.2f cores), server %.1f s (%.2f cores)",
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
    }
}
