package vn.bordergate.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.support.ServerProcess;

/**
 * Peak traffic against a real gate server in its own JVM ({@code -Xmx512m}, GC log for honest heap
 * figures) over loopback HTTP and WebSocket, next to the machine's reference points measured in the
 * same run: a bare Jetty handler answering a constant (same Jetty, same client) and bare JDBC inserts
 * into Derby (same disk). Every figure is printed with its ratio to its reference and written to
 * {@code server/target/bench/load.txt}.
 *
 * <pre>
 * mvn -B -o -Pbench -pl server -am verify -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.seconds=60 -Dload.clients=16 -Dload.listeners=500
 * </pre>
 *
 * The listeners run in child JVMs ({@code -Dload.listenerJvms}, default 1) over {@code
 * -Dload.listenerClients} HTTP clients each (default 8), or selector threads of Jetty's WebSocket client (default 2,
 * {@code -Dload.listenerTransport=wire}, the default; {@code jdk} for {@code java.net.http}); {@code -Dload.serverJvm="..."} adds options to
 * the server's JVM (a flight recording, say). With listeners, a last phase sends plate reads at a fixed rate
 * ({@code -Dload.pacedReads}, default 200 per second, 0 skips it) to measure the fan-out below saturation.
 *
 * <p>The {@code wrk} write phases use {@code -Dload.readConnections} (default 64) and {@code
 * -Dload.declarationConnections} (default 16) connections; the bare Derby references run once more with as many clients
 * when that differs from {@code -Dload.clients}, and the phases' ratios are printed against those.
 */
@Tag("bench")
class LoadBenchmark {
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("load.seconds", 15));
    private static final int CLIENTS = Integer.getInteger("load.clients", 16);
    private static final int LISTENERS = Integer.getInteger("load.listeners", 500);
    /**
     * wrk's connections in the write phases: plate reads come from many cameras and each waits for its commit, so
     * the reads in flight bound their rate (16 connections: ~16 / 1.6 ms); each phase's bare reference runs again with
     * as many clients.
     */
    private static final int READ_CONNECTIONS = Integer.getInteger("load.readConnections", 64);

    private static final int DECLARATION_CONNECTIONS = Integer.getInteger("load.declarationConnections", 16);
    /** JVMs the listeners run in (apart from this one) and HTTP clients (selector threads) in each. */
    private static final int LISTENER_JVMS = Integer.getInteger("load.listenerJvms", 1);

    /**
     * The listeners' WebSocket client: {@code wire} (Jetty's core WebSocket client, {@link JettyListenerSockets}; default since session 14) or {@code jdk}
     * ({@code java.net.http}); both check every envelope's sequence and measure receipt − {@code sentAt}.
     */
    private static final String LISTENER_TRANSPORT = System.getProperty("load.listenerTransport", "wire");

    private static final int LISTENER_CLIENTS =
            Integer.getInteger("load.listenerClients", LISTENER_TRANSPORT.equals("wire") ? 2 : 8);

    private final List<String> report = new ArrayList<>();

    @Test
    void peakTraffic() throws Exception {
        Path work = Files.createTempDirectory("bordergate-load-");
        Path gcLog = work.resolve("gc.log");
        say("load: " + PHASE.toSeconds() + " s per phase, " + CLIENTS + " clients, " + LISTENERS + " event listeners; "
                + BenchProcesses.uptime());

        Process bareJetty = BenchProcesses.startBareJetty();
        int barePort = BenchProcesses.portOf(bareJetty);
        try (ServerProcess server = ServerProcess.start(
                work.resolve("data"),
                ServerProcess.freePort(),
                ProcessBuilder.Redirect.to(work.resolve("server.log").toFile()),
                serverJvmOptions(gcLog),
                List.of("--no-cameras"))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            BenchProcesses.awaitDemoDay(work.resolve("server.log"));
            GateTraffic gate = new GateTraffic(server.uri());
            GateTraffic bare = new GateTraffic(URI.create("http://127.0.0.1:" + barePort));
            String enterprise = gate.login("enterprise");
            String enterprise2 = gate.login("enterprise2");
            String camera = gate.login("camera");
            String customs = gate.login("customs");
            String supervisor = gate.login("supervisor");
            List<String> cameras = gate.cameras(supervisor);

            Run jettyRef = ClosedLoop.run("reference: bare Jetty GET", CLIENTS, PHASE, (c, n) -> bare.get("/", null));
            say(jettyRef.line());
            // the HTTP ceiling for a plate read: the same request (JSON body, bearer token) to the bare Jetty
            Run jettyPostRef = ClosedLoop.run(
                    "reference: bare Jetty POST, plate read",
                    CLIENTS,
                    PHASE,
                    (c, n) -> bare.plateRead(camera, cameras.get(c % cameras.size()), n));
            say(jettyPostRef.line());
            Run derbyRef = BareDerbyInserts.run(work, CLIENTS, PHASE);
            say(derbyRef.line());
            Run derbyDeclarationRef = BareDerbyDeclarations.run(work, CLIENTS, PHASE);
            say(derbyDeclarationRef.line());

            Run health = ClosedLoop.run("GET /api/health", CLIENTS, PHASE, (c, n) -> gate.get("/api/health", null));
            sayRatio(health, jettyRef);
            Run queue = ClosedLoop.run(
                    "GET /api/crossings/queue", CLIENTS, PHASE, (c, n) -> gate.get("/api/crossings/queue", supervisor));
            sayRatio(queue, jettyRef);

            try (EventListeners listeners = EventListeners.connect(
                    server.uri(),
                    customs,
                    LISTENERS,
                    LISTENER_JVMS,
                    LISTENER_CLIENTS,
                    LISTENER_TRANSPORT,
                    server.pid(),
                    work)) {
                say("event listeners connected: " + listeners.size() + " in " + LISTENER_JVMS + " JVM(s) of their own, "
                        + LISTENER_CLIENTS
                        + (LISTENER_TRANSPORT.equals("wire") ? " Jetty WebSocket selector threads" : " HTTP clients")
                        + " each");
                // the listener JVM is fresh: warm it (and the fan-out) up with a few seconds of events first
                warmUp(
                        "warm-up (not measured): plate reads",
                        Long.getLong("load.warmupSeconds", 5),
                        listeners,
                        gate,
                        (c, n) -> gate.plateRead(camera, cameras.get(c % cameras.size()), 90_000_000L + n));

                Run declarations = ClosedLoop.run(
                        "POST /api/declarations",
                        CLIENTS,
                        PHASE,
                        (c, n) -> gate.declare(c % 2 == 0 ? enterprise : enterprise2, n));
                sayRatio(declarations, derbyRef);
                say(String.format(
                        "  = %.1f %% of the bare JDBC declaration rows",
                        100 * declarations.perSecond() / derbyDeclarationRef.perSecond()));
                say("  " + gate.takeFailures());
                say(fanOut(listeners, "  fan-out during declarations", declarations));

                // the first warm-up read only undeclared plates: the matched path (half the reads below) would be
                // compiled inside the measured phase, a third of the server's CPU there (JFR, branch readrate)
                warmUp(
                        "warm-up (not measured): plate reads, half of declared plates",
                        Long.getLong("load.matchedWarmupSeconds", 3),
                        listeners,
                        gate,
                        (c, n) -> gate.plateRead(camera, cameras.get(c % cameras.size()), 30_000_000L + n));
                Run reads = ClosedLoop.run(
                        "POST /api/plate-reads",
                        CLIENTS,
                        PHASE,
                        (c, n) -> gate.plateRead(camera, cameras.get(c % cameras.size()), n));
                sayRatio(reads, derbyRef);
                say(String.format(
                        "  = %.1f %% of bare Jetty POST of the same request",
                        100 * reads.perSecond() / jettyPostRef.perSecond()));
                say("  " + gate.takeFailures());
                say(fanOut(listeners, "  fan-out during plate reads", reads));

                Run decisions = ClosedLoop.run(
                        "POST .../steps/DECLARATION/decision", CLIENTS, PHASE, (c, n) -> gate.decide(customs));
                sayRatio(decisions, derbyRef);
                say("  " + gate.takeFailures());
                say(fanOut(listeners, "  fan-out during decisions", decisions));

                AtomicReference<Run> mixedReads = new AtomicReference<>();
                AtomicReference<Run> mixedDecisions = new AtomicReference<>();
                Thread readers = new Thread(() -> mixedReads.set(runQuietly(
                        "mixed: plate reads",
                        CLIENTS / 2,
                        (c, n) -> gate.plateRead(camera, cameras.get(c % cameras.size()), n))));
                Thread officers = new Thread(() -> mixedDecisions.set(
                        runQuietly("mixed: decisions", Math.max(1, CLIENTS / 4), (c, n) -> gate.decide(customs))));
                readers.start();
                officers.start();
                Run mixedDeclarations = ClosedLoop.run(
                        "mixed: declarations",
                        CLIENTS / 2,
                        PHASE,
                        (c, n) -> gate.declare(c % 2 == 0 ? enterprise : enterprise2, 10_000_000L + n));
                readers.join();
                officers.join();
                say(mixedDeclarations.line());
                say(mixedReads.get().line());
                say(mixedDecisions.get().line());
                say("  " + gate.takeFailures());
                say(fanOut(listeners, "  fan-out during mixed", mixedDeclarations));
                // the fan-out's own latency, at a rate the two shared cores can carry beside 500 listeners (the
                // phases above measure it while the server and the listener JVM saturate both cores)
                double paced = Double.parseDouble(System.getProperty("load.pacedReads", "200"));
                if (paced > 0 && listeners.size() > 0) {
                    Run steady = PacedLoop.run(
                            String.format("plate reads paced at %.0f /s", paced),
                            paced,
                            CLIENTS,
                            PHASE,
                            (c, n) -> gate.plateRead(camera, cameras.get(c % cameras.size()), 70_000_000L + n));
                    say(steady.line());
                    say("  " + gate.takeFailures());
                    say(fanOut(listeners, "  fan-out during paced plate reads", steady));
                }
                say(LiveHeap.measure(server.pid(), "with " + listeners.size() + " listeners, after the mixed phase"));
                say("listeners closed by the server (too slow to keep up), each reconnected: " + listeners.drops()
                        + " (gaps count envelopes a connected socket missed; what a dropped socket missed until"
                        + " it was back counts as lost while dropped)");
            }

            if (Wrk.available()) {
                say(Wrk.run("bare Jetty GET /", "http://127.0.0.1:" + barePort + "/", null, 32, PHASE));
                say(Wrk.run("GET /api/health", server.uri() + "/api/health", null, 32, PHASE));
                say(Wrk.run("GET /api/crossings/queue", server.uri() + "/api/crossings/queue", supervisor, 32, PHASE));
                // each write phase against the bare reference with as many clients as wrk has connections
                Run derbyReadRef = sameClients(
                        derbyRef,
                        READ_CONNECTIONS,
                        () -> BareDerbyInserts.run(
                                work.resolve("reference-" + READ_CONNECTIONS), READ_CONNECTIONS, PHASE));
                Run derbyDeclarationRefWrk = sameClients(
                        derbyDeclarationRef,
                        DECLARATION_CONNECTIONS,
                        () -> BareDerbyDeclarations.run(
                                work.resolve("reference-" + DECLARATION_CONNECTIONS), DECLARATION_CONNECTIONS, PHASE));
                WrkWrites.Writes writes = new WrkWrites(
                                work, gate, server.pid(), READ_CONNECTIONS, DECLARATION_CONNECTIONS, PHASE)
                        .run(
                                URI.create("http://127.0.0.1:" + barePort),
                                bareJetty.pid(),
                                camera,
                                cameras,
                                enterprise,
                                enterprise2);
                writes.lines().forEach(this::say);
                say(String.format(
                        "wrk plate reads = %.1f %% of the bare Derby insert with %d clients; wrk declarations = %.1f %%"
                                + " of the bare declaration rows with %d clients",
                        100 * writes.readsPerSecond() / derbyReadRef.perSecond(),
                        READ_CONNECTIONS,
                        100 * writes.declarationsPerSecond() / derbyDeclarationRefWrk.perSecond(),
                        DECLARATION_CONNECTIONS));
            } else {
                say("wrk not installed (apt-get install wrk): outside reference skipped");
            }
            say(GcLog.read(gcLog).line());
            say(LiveHeap.measure(server.pid(), "at the end"));
            say("after the run: " + BenchProcesses.uptime());
        } finally {
            bareJetty.destroy();
            bareJetty.waitFor(10, TimeUnit.SECONDS);
        }
        Path out = Path.of("target", "bench", "load.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        assertThat(report).isNotEmpty();
    }

    /** -Xmx512m and a GC log, plus {@code -Dload.serverJvm="..."} (say a flight recording) to profile. */
    private static List<String> serverJvmOptions(Path gcLog) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog));
        String extra = System.getProperty("load.serverJvm", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /**
     * The fan-out of the phase just ended: first waits until the listeners have received what it
     * published (no new envelope for 300 ms, at most 5 s), so its tail is counted in it, not the next.
     */
    private static String fanOut(EventListeners listeners, String name, Run phase) throws Exception {
        long start = System.nanoTime();
        listeners.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
        return listeners.interval().line(name, phase.seconds())
                + String.format("; waited %.1f s for the last envelopes", (System.nanoTime() - start) / 1e9);
    }

    /**
     * An unmeasured phase of {@code seconds} (none at 0); its fan-out line also closes the listeners' and the server's
     * CPU interval, so the next phase counts alone.
     */
    private void warmUp(String name, long seconds, EventListeners listeners, GateTraffic gate, ClosedLoop.Call call)
            throws Exception {
        if (seconds == 0) {
            return;
        }
        Run warm = ClosedLoop.run(name, CLIENTS, Duration.ofSeconds(seconds), call);
        say(warm.line());
        say(fanOut(listeners, "  fan-out during the " + name.replace("warm-up (not measured): ", "warm-up, "), warm));
        gate.takeFailures();
    }

    /** {@code measured} when it ran with {@code clients}, else the same reference run again with them. */
    private Run sameClients(Run measured, int clients, Callable<Run> rerun) throws Exception {
        if (clients == CLIENTS) {
            return measured;
        }
        Run run = rerun.call();
        say(run.line() + " (" + clients + " clients, as wrk's connections below)");
        return run;
    }

    private static Run runQuietly(String name, int clients, ClosedLoop.Call call) {
        try {
            return ClosedLoop.run(name, clients, PHASE, call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void sayRatio(Run run, Run reference) {
        say(run.line() + String.format("  = %.0f %% of reference", 100 * run.perSecond() / reference.perSecond()));
    }

    private void say(String line) {
        // the time of day on the console only: it places each phase in the server's own logs and recordings
        System.out.println(LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " " + line);
        report.add(line);
    }
}
