package vn.bordergate.server.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The write phases again with Debian's {@code wrk} as the client: a Lua script makes every request's body (plate
 * reads, half of declared plates; declarations of plates unique in the run). wrk costs the shared two cores far
 * less per request than the Java client, so these lines show what the server does when the client is cheap; each
 * prints the server's CPU per answered request, and the plate reads are set against the same POST to the bare Jetty.
 */
final class WrkWrites {
    /** Plate numbers wrk makes start here: above those of the Java client's phases (at most tens of millions). */
    private static final long FIRST_PLATE = 200_000_000L;

    private final Path work;
    private final GateTraffic gate;
    private final long serverPid;
    private final int connections;
    private final Duration duration;
    private long nextPlates = FIRST_PLATE;

    WrkWrites(Path work, GateTraffic gate, long serverPid, int connections, Duration duration) {
        this.work = work;
        this.gate = gate;
        this.serverPid = serverPid;
        this.connections = connections;
        this.duration = duration;
    }

    /** Plate reads by {@code camera} to {@code base}'s {@code /api/plate-reads}; measured on {@code cpuPid}. */
    String plateReads(String name, URI base, String camera, List<String> cameras, long cpuPid) throws Exception {
        // as in the Java client's phase: the declared half are crossings whose customs step has not passed, so a
        // matched read moves nothing (a crossing that arrives is another workload, the decisions phase's)
        List<String> declared =
                gate.undecidedPlates.values().stream().limit(5_000).toList();
        String script = common(List.of(camera))
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
        return measured(name, base, script, cpuPid);
    }

    /** Declarations of new plates, the two enterprises' tokens on alternate wrk threads. */
    String declarations(URI base, String enterprise, String enterprise2) throws Exception {
        String script = common(List.of(enterprise, enterprise2))
                + "local template = [==[" + gate.declarationTemplate() + "]==]\n"
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  local body = string.gsub(template, '__PLATE__', plate(first + n))\n"
                + "  return wrk.format('POST', '/api/declarations', headers(), body)\n"
                + "end\n";
        return measured("POST /api/declarations", base, script, serverPid);
    }

    /**
     * What every script shares: the run's plate numbering (as {@link GateTraffic#plate}), a block of ten million
     * plate numbers per wrk thread, and the thread's bearer token.
     */
    private String common(List<String> tokens) {
        long first = nextPlates;
        nextPlates += 100_000_000L;
        return "local provinces = " + luaList(gate.provinces()) + "\n"
                + "local tokens = " + luaList(tokens) + "\n"
                + "local threads = 0\n"
                + "first = " + first + "\n"
                + "token = tokens[1]\n"
                + "n = 0\n"
                + "function setup(thread)\n"
                + "  thread:set('first', " + first + " + threads * 10000000)\n"
                + "  thread:set('token', tokens[threads % #tokens + 1])\n"
                + "  threads = threads + 1\n"
                + "end\n"
                + "function plate(k)\n"
                + "  local province = provinces[math.floor(k / 100000) % #provinces + 1]\n"
                + "  local series = string.char(67 + math.floor(k / (100000 * #provinces)) % 3)\n"
                + "  return string.format('%s%s-%03d.%02d', province, series, math.floor(k / 100) % 1000, k % 100)\n"
                + "end\n"
                + "function headers()\n"
                + "  return {['Authorization'] = 'Bearer ' .. token, ['Content-Type'] = 'application/json'}\n"
                + "end\n";
    }

    private String measured(String name, URI base, String script, long cpuPid) throws Exception {
        Path file = Files.createTempFile(work, "wrk-", ".lua");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        long cpuBefore = cpuNanos(cpuPid);
        long start = System.nanoTime();
        String line = Wrk.runScript(name, base.toString(), file, connections, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos(cpuPid) - cpuBefore) / 1e9;
        double rate = Wrk.rate(line);
        return line
                + String.format(
                        "  server CPU %.1f s (%.2f cores), %s per answered request",
                        cpuSeconds,
                        cpuSeconds / seconds,
                        rate > 0 ? String.format("%.3f ms", 1000 * cpuSeconds / (rate * seconds)) : "?");
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
