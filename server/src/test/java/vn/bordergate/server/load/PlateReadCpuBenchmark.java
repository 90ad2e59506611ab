package vn.bordergate.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.support.ServerProcess;

/**
 * The load benchmark's {@code wrk} plate-read phase alone, in ~2.5 minutes instead of ~6, for comparing the server's
 * CPU per plate read between two trees (alternate them: this machine is shared). A fresh server gets the index the
 * load benchmark's Java phases leave ({@code 11C…} plates declared and passed by customs, {@code 22D…} plates declared,
 * some passed), a warm-up of reads far from every declared serial, then the phase with {@link WrkWrites}'s script.
 * Prints the server's CPU per 2xx answer and per thread group (from {@code /proc}), also to {@code
 * target/bench/plate-read-cpu.txt}.
 *
 * <pre>
 * mvn -B -o -Pbench -pl server -am verify -Dtest=PlateReadCpuBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.seconds=15
 * </pre>
 *
 * <p>{@code -Dload.connections=N} sets wrk's connections (16).
 *
 * <p>{@code -Dload.serverJvm="-XX:StartFlightRecording=..."} adds options to the server's JVM (a flight recording
 * of the measured server, space-separated).
 */
@Tag("bench")
class PlateReadCpuBenchmark {
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("load.seconds", 15));
    /** wrk's connections: each waits for its read's commit, so they bound the reads in flight (16 as LoadBenchmark). */
    private static final int CONNECTIONS = Integer.getInteger("load.connections", 16);

    private final List<String> report = new ArrayList<>();
    /** Setup answers that failed, and wrk phases with non-2xx answers or none at all: the figures then mislead. */
    private final List<String> faults = new ArrayList<>();

    @Test
    void plateReadsWithWrk() throws Exception {
        Path work = Files.createTempDirectory("bordergate-readcpu-");
        say("plate reads with wrk: " + PHASE.toSeconds() + " s; " + BenchProcesses.uptime());
        try (ServerProcess server = ServerProcess.start(
                work.resolve("data"),
                ServerProcess.freePort(),
                ProcessBuilder.Redirect.to(work.resolve("server.log").toFile()),
                serverJvm(),
                List.of("--no-cameras"))) {
            server.awaitHealthy(Duration.ofSeconds(180));
            BenchProcesses.awaitDemoDay(work.resolve("server.log"));
            GateTraffic gate = new GateTraffic(server.uri());
            String enterprise = gate.login("enterprise");
            String enterprise2 = gate.login("enterprise2");
            String camera = gate.login("camera");
            String customs = gate.login("customs");
            List<String> cameras = gate.cameras(gate.login("supervisor"));
            // as the Java phases leave it: declared in the declarations phase and passed in the decisions phase, then
            // declared in the mixed phase and some passed (their plates are one province digit from wrk's reads)
            times(7_700, n -> gate.declare(n % 2 == 0 ? enterprise : enterprise2, n));
            times(7_700, n -> gate.decide(customs));
            times(6_000, n -> gate.declare(n % 2 == 0 ? enterprise : enterprise2, 10_000_000L + n));
            times(2_200, n -> gate.decide(customs));
            String setupFailures = gate.takeFailures();
            say("index: 7,700 11C plates passed by customs, 6,000 22D, " + gate.undecidedPlates.size() + " not passed; "
                    + setupFailures);
            if (!setupFailures.equals(GateTraffic.NO_FAILURES)) {
                faults.add("index setup: " + setupFailures);
            }
            List<String> declared =
                    gate.undecidedPlates.values().stream().limit(5_000).toList();
            WrkWrites wrk = new WrkWrites(work, gate, server.pid(), CONNECTIONS, PHASE);
            // serials from 500.00 on: none within one character of a declared plate, so nothing arrives before the
            // phase
            phase(work, gate, server.pid(), "warm-up", wrk.plateReadScript(camera, cameras, declared, 12_050_000L));
            phase(
                    work,
                    gate,
                    server.pid(),
                    "POST /api/plate-reads",
                    wrk.plateReadScript(camera, cameras, declared, 12_000_000L));
            say("after the run: " + BenchProcesses.uptime());
        }
        Path out = Path.of("target", "bench", "plate-read-cpu.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        // CPU per 2xx answer means nothing if the index was built short or answers failed (an all-error run is cheap)
        assertThat(faults).as("failed answers (see the report above)").isEmpty();
    }

    /** The server's heap, and {@code -Dload.serverJvm="..."} for a profiler (a flight recording) when asked for. */
    private static List<String> serverJvm() {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        String extra = System.getProperty("load.serverJvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    private void phase(Path work, GateTraffic gate, long pid, String name, String script) throws Exception {
        Path file = Files.createTempFile(work, "wrk-", ".lua");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Map<String, Long> before = threadTicks(pid);
        long cpuBefore = cpuNanos(pid);
        MachineCpu machine = MachineCpu.now();
        Wrk.Scripted run = Wrk.runScript(name, gate.base().toString(), file, CONNECTIONS, PHASE);
        long cpu = cpuNanos(pid) - cpuBefore;
        double idle = MachineCpu.now().idlePercentSince(machine);
        Map<String, Long> after = threadTicks(pid);
        if (run.answered() == 0 || run.failed() > 0) {
            faults.add(String.format(
                    "%s: %d non-2xx of %d requests (%s)",
                    name, run.failed(), run.requests(), run.line().trim()));
        }
        long answered = Math.max(1, run.answered()); // only to print; an all-error run fails above
        say(run.line()
                + String.format(
                        "  server CPU %.2f cores, %.3f ms per 2xx answer (%d of %d)",
                        cpu / 1e9 / run.seconds(), cpu / 1e6 / answered, run.answered(), run.requests())
                + Wrk.clientAndIdle(run, idle));
        StringBuilder split = new StringBuilder("  ms per 2xx answer by thread group (user+system):");
        after.forEach((group, ticks) -> {
            long spent = ticks - before.getOrDefault(group, 0L);
            if (spent * 10.0 / answered >= 0.001) {
                split.append(String.format(" %s %.3f;", group, spent * 10.0 / answered));
            }
        });
        say(split.toString());
    }

    /** CPU ticks (1/100 s) per thread group of a process (thread names without their numbers); ended threads drop out. */
    private static Map<String, Long> threadTicks(long pid) throws Exception {
        Map<String, Long> ticks = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String group = name.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "#");
                    ticks.merge(group, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (java.io.IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    @FunctionalInterface
    private interface Request {
        Object send(long n) throws Exception;
    }

    /** Requests 0 … count−1 from 8 threads. */
    private static void times(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicLong next = new AtomicLong();
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        request.send(n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void say(String line) {
        System.out.println(LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " " + line);
        report.add(line);
    }
}
