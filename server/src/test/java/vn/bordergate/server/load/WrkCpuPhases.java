package vn.bordergate.server.load;

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
import vn.bordergate.server.support.ServerProcess;

/**
 * What the single-phase CPU benchmarks ({@link PlateReadCpuBenchmark}, {@link DeclarationCpuBenchmark}) share: wrk
 * phases against one server process, each line with the server's CPU per 2xx answer and per thread group (from {@code
 * /proc}), the report they print, and the faults that make their figures mislead.
 */
final class WrkCpuPhases {
    private final Path work;
    private final String base;
    private final long serverPid;
    private final int connections;
    private final Duration duration;
    private final List<String> report = new ArrayList<>();
    /** Setup answers that failed, and wrk phases with non-2xx answers or none at all: the figures then mislead. */
    private final List<String> faults = new ArrayList<>();

    WrkCpuPhases(Path work, String base, long serverPid, int connections, Duration duration) {
        this.work = work;
        this.base = base;
        this.serverPid = serverPid;
        this.connections = connections;
        this.duration = duration;
    }

    /** The server's heap, and {@code -Dload.serverJvm="..."} for a profiler (a flight recording) when asked for. */
    /** A fresh gate server in its own JVM ({@link #serverJvm}), healthy and with its demo day in. */
    static ServerProcess freshServer(Path work) throws Exception {
        ServerProcess server = ServerProcess.start(
                work.resolve("data"),
                ServerProcess.freePort(),
                ProcessBuilder.Redirect.to(work.resolve("server.log").toFile()),
                serverJvm(),
                List.of("--no-cameras"));
        try {
            server.awaitHealthy(Duration.ofSeconds(180));
            BenchProcesses.awaitDemoDay(work.resolve("server.log"));
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    static List<String> serverJvm() {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        String extra = System.getProperty("load.serverJvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /** One wrk phase with {@code script}: its line, the server's CPU per 2xx answer, then per thread group. */
    void phase(String name, String script) throws Exception {
        phase(name, script, duration);
    }

    /** As {@link #phase(String, String)}, for {@code length} instead of the phases' length. */
    void phase(String name, String script, Duration length) throws Exception {
        Path file = Files.createTempFile(work, "wrk-", ".lua");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Map<String, Long> before = threadTicks(serverPid);
        long cpuBefore = cpuNanos(serverPid);
        MachineCpu machine = MachineCpu.now();
        Wrk.Scripted run = Wrk.runScript(name, base, file, connections, length);
        long cpu = cpuNanos(serverPid) - cpuBefore;
        double idle = MachineCpu.now().idlePercentSince(machine);
        Map<String, Long> after = threadTicks(serverPid);
        if (run.answered() == 0 || run.failed() > 0) {
            faults.add(String.format(
                    "%s: %d non-2xx of %d requests (%s)",
                    name, run.failed(), run.requests(), run.line().trim()));
        }
        long answered = Math.max(1, run.answered()); // only to print; an all-error run fails the benchmark
        say(run.line()
                + String.format(
                        "  server CPU %.2f cores, %.3f ms per 2xx answer (%d of %d)",
                        cpu / 1e9 / run.seconds(), cpu / 1e6 / answered, run.answered(), run.requests())
                + Wrk.clientAndIdle(run, idle));
        say(byThreadGroup(before, after, answered));
    }

    /** The line of CPU per 2xx answer by thread group between two {@link #threadTicks} of the server. */
    static String byThreadGroup(Map<String, Long> before, Map<String, Long> after, long answered) {
        StringBuilder split = new StringBuilder("  ms per 2xx answer by thread group (user+system):");
        after.forEach((group, ticks) -> {
            long spent = ticks - before.getOrDefault(group, 0L);
            if (spent * 10.0 / answered >= 0.001) {
                split.append(String.format(" %s %.3f;", group, spent * 10.0 / answered));
            }
        });
        return split.toString();
    }

    void fault(String fault) {
        faults.add(fault);
    }

    List<String> faults() {
        return List.copyOf(faults);
    }

    /** Prints a line with the time and keeps it for the report file. */
    void say(String line) {
        System.out.println(LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " " + line);
        report.add(line);
    }

    /** The lines said so far, to {@code target/bench/<fileName>}. */
    void writeReport(String fileName) throws Exception {
        Path out = Path.of("target", "bench", fileName);
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** CPU ticks (1/100 s) per thread group of a process (thread names without their numbers); ended threads drop out. */
    static Map<String, Long> threadTicks(long pid) throws Exception {
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
    interface Request {
        Object send(long n) throws Exception;
    }

    /** Setup requests 0 … count−1 from 8 threads. */
    static void times(int count, Request request) throws Exception {
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
}
