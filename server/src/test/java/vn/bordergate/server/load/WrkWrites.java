package vn.bordergate.server.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The write phases again with Debian's {@code wrk} as the client: a Lua script makes every request's body (plate
 * reads, half of them plates of crossings customs has not passed; declarations of new plates). wrk costs the shared
 * two cores far less per request than the Java client, so these lines show what the server does when the client is
 * cheap; each prints the server's CPU per 2xx answer, and the plate reads are set against the same POST to the bare
 * Jetty. They run after the event listeners have gone: compare them with the Java phases of a run without listeners.
 */
final class WrkWrites {
    /**
     * Plate numbers wrk's scripts make, as {@link GateTraffic#plate} numbers them (which repeats every 100,000 ×
     * provinces × 3 series, 26.7 million with 89 provinces): a million per wrk thread from here. The Java phases
     * declare from 0 and from 10 million (at most some 100,000 each), so wrk's declarations are new plates and its
     * undeclared reads stay undeclared.
     */
    private static final long READS_FROM = 12_000_000L;

    static final long DECLARATIONS_FROM = 20_000_000L;

    /** The declarations' warm-up numbers its plates from here, clear of the reads' and the measured phase's. */
    private static final long WARM_UP_DECLARATIONS_FROM = 16_000_000L;

    /**
     * wrk's declarations first for this long, printed but not measured against the reference: on two cores the JIT was
     * still compiling the writers' main methods 50–80 s into a run (session 23's flight recording), and the Java
     * phases before warm a different client's mix.
     */
    private static final Duration DECLARATIONS_WARM_UP = Duration.ofSeconds(Long.getLong("load.wrkWarmUpSeconds", 20));

    private static final long PER_THREAD = 1_000_000L;

    private final Path work;
    private final GateTraffic gate;
    private final long serverPid;
    /** wrk's connections for plate reads (each camera's request waits for its commit) and for declarations. */
    private final int readConnections;

    private final int declarationConnections;
    private final Duration duration;

    WrkWrites(Path work, GateTraffic gate, long serverPid, int connections, Duration duration) {
        this(work, gate, serverPid, connections, connections, duration);
    }

    WrkWrites(
            Path work,
            GateTraffic gate,
            long serverPid,
            int readConnections,
            int declarationConnections,
            Duration duration) {
        this.work = work;
        this.gate = gate;
        this.serverPid = serverPid;
        this.readConnections = readConnections;
        this.declarationConnections = declarationConnections;
        this.duration = duration;
        long period = 100_000L * gate.provinces().size() * 3;
        if (period < DECLARATIONS_FROM + 2 * PER_THREAD) {
            throw new IllegalStateException("plate numbers repeat every " + period + ": wrk's ranges would overlap");
        }
    }

    /** The write phases' lines and rates, to set the rates against references the caller measured. */
    record Writes(List<String> lines, double readsPerSecond, double declarationsPerSecond) {}

    /** The three write phases: plate reads to the bare Jetty and to the gate server, then declarations. */
    Writes run(URI bare, long barePid, String camera, List<String> cameras, String enterprise, String enterprise2)
            throws Exception {
        Measured bareReads = plateReads("bare Jetty POST, plate read", bare, camera, cameras, barePid);
        Measured reads = plateReads("POST /api/plate-reads", gate.base(), camera, cameras, serverPid);
        Measured warmUp = DECLARATIONS_WARM_UP.isZero()
                ? null
                : measured(
                        "warm-up (not measured): POST /api/declarations, " + declarationConnections + " connections",
                        gate.base(),
                        declarationScript(enterprise, enterprise2, WARM_UP_DECLARATIONS_FROM),
                        serverPid,
                        declarationConnections,
                        DECLARATIONS_WARM_UP);
        Measured declarations = declarations(enterprise, enterprise2);
        List<String> lines = new ArrayList<>();
        lines.add(bareReads.line());
        lines.add(reads.line()
                + (bareReads.perSecond() > 0
                        ? String.format(
                                "  = %.1f %% of wrk's bare Jetty POST", 100 * reads.perSecond() / bareReads.perSecond())
                        : ""));
        lines.add(reads.byThread());
        if (warmUp != null) {
            lines.add(warmUp.line());
            lines.add(warmUp.byThread());
        }
        lines.add(declarations.line());
        lines.add(declarations.byThread());
        return new Writes(lines, reads.perSecond(), declarations.perSecond());
    }

    private record Measured(String line, String byThread, double perSecond) {}

    private Measured plateReads(String name, URI base, String camera, List<String> cameras, long cpuPid)
            throws Exception {
        // as in the Java client's phase: the declared half are crossings whose customs step has not passed, so a
        // matched read moves nothing (a crossing that arrives is another workload, the decisions phase's)
        List<String> declared =
                gate.undecidedPlates.values().stream().limit(5_000).toList();
        return measured(
                name + ", " + declared.size() + " plates to match, " + readConnections + " connections",
                base,
                plateReadScript(camera, cameras, declared, READS_FROM),
                cpuPid,
                readConnections);
    }

    /**
     * The plate-read phase's script: every other read one of {@code declared}, the rest plates numbered from {@code
     * from} ({@link #PER_THREAD} a wrk thread), posted as {@code camera} from each of {@code cameras} in turn.
     */
    String plateReadScript(String camera, List<String> cameras, List<String> declared, long from) {
        return common(List.of(camera), from)
                + "local cameras = " + luaList(cameras) + "\n"
                + "local declared = " + luaList(declared) + "\n"
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  local text\n"
                + "  if n % 2 == 0 and #declared > 0 then text = declared[math.random(#declared)]\n"
                + "  else text = plate(first + n) end\n"
                + "  return wrk.format('POST', '/api/plate-reads', headers(),\n"
                + "    '{\"cameraCode\":\"' .. cameras[n % #cameras + 1] .. '\",\"text\":\"' .. text"
                + " .. '\",\"confidence\":0.91}')\n"
                + "end\n";
    }

    private Measured declarations(String enterprise, String enterprise2) throws Exception {
        return measured(
                "POST /api/declarations, " + declarationConnections + " connections",
                gate.base(),
                declarationScript(enterprise, enterprise2, DECLARATIONS_FROM),
                serverPid,
                declarationConnections);
    }

    /**
     * The declarations phase's script: declarations of new plates numbered from {@code from} ({@link #PER_THREAD} a
     * wrk thread), the two enterprises' tokens on alternate wrk threads.
     */
    String declarationScript(String enterprise, String enterprise2, long from) {
        return common(List.of(enterprise, enterprise2), from)
                + "local template = [==[" + gate.declarationTemplate() + "]==]\n"
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  local body = string.gsub(template, '__PLATE__', plate(first + n))\n"
                + "  return wrk.format('POST', '/api/declarations', headers(), body)\n"
                + "end\n";
    }

    /**
     * What every script shares: the run's plate numbering (as {@link GateTraffic#plate}), a block of {@link
     * #PER_THREAD} plate numbers per wrk thread from {@code from}, the thread's bearer token and its own random seed.
     */
    private String common(List<String> tokens, long from) {
        return "local provinces = " + luaList(gate.provinces()) + "\n"
                + "local tokens = " + luaList(tokens) + "\n"
                + "local threads = 0\n"
                + "first = " + from + "\n"
                + "token = tokens[1]\n"
                + "seed = 1\n"
                + "n = 0\n"
                + "function setup(thread)\n"
                + "  thread:set('first', " + from + " + threads * " + PER_THREAD + ")\n"
                + "  thread:set('token', tokens[threads % #tokens + 1])\n"
                + "  thread:set('seed', threads + 1)\n"
                + "  threads = threads + 1\n"
                + "end\n"
                + "function init(args) math.randomseed(seed) end\n"
                + "function plate(k)\n"
                + "  local province = provinces[math.floor(k / 100000) % #provinces + 1]\n"
                + "  local series = string.char(67 + math.floor(k / (100000 * #provinces)) % 3)\n"
                + "  return string.format('%s%s-%03d.%02d', province, series, math.floor(k / 100) % 1000, k % 100)\n"
                + "end\n"
                + "function headers()\n"
                + "  return {['Authorization'] = 'Bearer ' .. token, ['Content-Type'] = 'application/json'}\n"
                + "end\n";
    }

    private Measured measured(String name, URI base, String script, long cpuPid, int connections) throws Exception {
        return measured(name, base, script, cpuPid, connections, duration);
    }

    private Measured measured(String name, URI base, String script, long cpuPid, int connections, Duration length)
            throws Exception {
        Path file = Files.createTempFile(work, "wrk-", ".lua");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Map<String, Long> threadsBefore = WrkCpuPhases.threadTicks(cpuPid);
        long cpuBefore = cpuNanos(cpuPid);
        MachineCpu machine = MachineCpu.now();
        Wrk.Scripted run = Wrk.runScript(name, base.toString(), file, connections, length);
        double cpuSeconds = (cpuNanos(cpuPid) - cpuBefore) / 1e9;
        double idle = MachineCpu.now().idlePercentSince(machine);
        // where the server's CPU went (the JIT still compiling, the queue counts' pushes…), on a line of its own
        String byThread = WrkCpuPhases.byThreadGroup(
                threadsBefore, WrkCpuPhases.threadTicks(cpuPid), Math.max(1, run.answered()));
        return new Measured(
                run.line()
                        + String.format(
                                "  server CPU %.1f s (%.2f cores), %s per 2xx answer (%d of %d)",
                                cpuSeconds,
                                cpuSeconds / run.seconds(),
                                run.answered() > 0 ? String.format("%.3f ms", 1000 * cpuSeconds / run.answered()) : "?",
                                run.answered(),
                                run.requests())
                        + Wrk.clientAndIdle(run, idle),
                byThread,
                run.perSecond());
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static String luaList(List<String> values) {
        return values.stream()
                .map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
