package vn.bordergate.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.support.ServerProcess;

/**
 * The load benchmark's paced fan-out phase alone (issue 8: 500 workstations get each event with p99 under 100 ms), in
 * a few minutes instead of ~19: a fresh server, 500 listeners in a JVM of their own ({@link EventListeners}), an
 * unmeasured paced warm-up, then plate reads paced at {@code -Dload.pacedReads} (200) per second for {@code
 * -Dload.seconds}. Prints the fan-out line (latency = receipt − the server's {@code sentAt}; gaps, order, unreadable,
 * drops; CPU of both JVMs) and the GC pauses of both JVMs, also to {@code target/bench/fan-out.txt}.
 *
 * <pre>
 * mvn -B -o -Pbench -pl server -am verify -Dtest=FanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.seconds=60
 * </pre>
 *
 * <p>{@code -Dload.serverJvm="..."} and {@code -Dload.listenerJvm="..."} add options (a flight recording, say) to the
 * server's and the listeners' JVM.
 */
@Tag("bench")
class FanOutBenchmark {
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("load.seconds", 60));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("load.warmupSeconds", 15));
    private static final int LISTENERS = Integer.getInteger("load.listeners", 500);
    private static final int CLIENTS = Integer.getInteger("load.clients", 16);
    private static final double PACED = Double.parseDouble(System.getProperty("load.pacedReads", "200"));

    private final List<String> report = new ArrayList<>();

    @Test
    void pacedFanOut() throws Exception {
        Path work = Files.createTempDirectory("bordergate-fanout-");
        Path serverGc = work.resolve("server-gc.log");
        say("fan-out: " + LISTENERS + " listeners, plate reads paced at " + PACED + " /s for " + PHASE.toSeconds()
                + " s after " + WARM_UP.toSeconds() + " s of warm-up; " + BenchProcesses.uptime());
        List<String> serverJvm = new ArrayList<>(List.of("-Xmx512m", "-Xlog:gc:file=" + serverGc));
        String extra = System.getProperty("load.serverJvm", "").trim();
        if (!extra.isEmpty()) {
            serverJvm.addAll(List.of(extra.split("\\s+")));
        }
        List<String> failures = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(
                work.resolve("data"),
                ServerProcess.freePort(),
                ProcessBuilder.Redirect.to(work.resolve("server.log").toFile()),
                serverJvm,
                List.of("--no-cameras"))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            BenchProcesses.awaitDemoDay(work.resolve("server.log"));
            GateTraffic gate = new GateTraffic(server.uri());
            String camera = gate.login("camera");
            String customs = gate.login("customs");
            List<String> cameras = gate.cameras(gate.login("supervisor"));
            try (EventListeners listeners =
                    EventListeners.connect(server.uri(), customs, LISTENERS, 1, 2, "wire", server.pid(), work)) {
                say("event listeners connected: " + listeners.size() + " in 1 JVM of their own, 2 Jetty WebSocket"
                        + " selector threads");
                paced("warm-up (not measured)", WARM_UP, 60_000_000L, listeners, gate, camera, cameras);
                EventListeners.Interval measured =
                        paced("measured", PHASE, 70_000_000L, listeners, gate, camera, cameras);
                if (measured.gaps() + measured.disorder() + measured.malformed() + measured.drops() > 0) {
                    failures.add("envelopes missed, out of order or unreadable, or sockets dropped");
                }
                if (measured.envelopes() == 0) {
                    failures.add("no envelope received");
                }
            }
            say(GcPauses.read(serverGc).line("server"));
            say(GcPauses.read(work.resolve("listeners-gc.log")).line("listener JVM"));
            say("after the run: " + BenchProcesses.uptime() + "; logs in " + work);
        }
        Path out = Path.of("target", "bench", "fan-out.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        assertThat(failures).isEmpty();
    }

    private EventListeners.Interval paced(
            String name,
            Duration length,
            long firstSerial,
            EventListeners listeners,
            GateTraffic gate,
            String camera,
            List<String> cameras)
            throws Exception {
        Run run = PacedLoop.run(
                String.format("%s: plate reads paced at %.0f /s", name, PACED),
                PACED,
                CLIENTS,
                length,
                (c, n) -> gate.plateRead(camera, cameras.get(c % cameras.size()), firstSerial + n));
        say(run.line());
        say("  " + gate.takeFailures());
        long start = System.nanoTime();
        listeners.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
        EventListeners.Interval interval = listeners.interval();
        say(interval.line("  fan-out", run.seconds())
                + String.format("; waited %.1f s for the last envelopes", (System.nanoTime() - start) / 1e9));
        return interval;
    }

    private void say(String line) {
        System.out.println(line);
        report.add(line);
    }
}
