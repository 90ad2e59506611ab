package vn.bordergate.server.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's {@code wrk} as an outside reference client: requests per second and its latency line. */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+[a-z]+)");
    private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("\\s+(50|99)%\\s+(\\S+)");
    /** The last line of bash's {@code times}: the user and system CPU of its children, here wrk alone. */
    private static final Pattern CHILD_CPU = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

    private Wrk() {}

    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(String name, String url, String token, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        return summary(name, execute(command));
    }

    /** What wrk with a Lua script printed: its summary line, and the counts behind it. */
    record Scripted(
            String line, double perSecond, long requests, long failed, double seconds, double clientCpuSeconds) {
        /** Answers of 2xx (wrk counts non-2xx and 3xx ones among its requests). */
        long answered() {
            return requests - failed;
        }
    }

    /** wrk with a Lua script that makes each request (a POST with a body of its own, say). */
    static Scripted runScript(String name, String url, Path script, int connections, Duration duration)
            throws IOException, InterruptedException {
        // through bash so that its `times` reports wrk's own CPU: the client shares the two cores with the server
        String out = execute(List.of(
                "bash",
                "-c",
                "wrk \"$@\"; status=$?; times; exit $status",
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--latency",
                "-s",
                script.toString(),
                url));
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        Matcher failed = FAILED.matcher(out);
        boolean counted = total.find();
        return new Scripted(
                summary(name, out),
                rate.find() ? Double.parseDouble(rate.group(1)) : 0,
                counted ? Long.parseLong(total.group(1)) : 0,
                failed.find() ? Long.parseLong(failed.group(1)) : 0,
                counted ? seconds(total.group(2)) : duration.toSeconds(),
                childCpuSeconds(out));
    }

    /** wrk's own CPU (cores, ms a request) and the machine's idle share over a scripted run, for its report line. */
    static String clientAndIdle(Scripted run, double idlePercent) {
        return String.format(
                "; wrk CPU %.2f cores (%.3f ms a request); machine idle %s",
                run.clientCpuSeconds() / run.seconds(),
                1000 * run.clientCpuSeconds() / Math.max(1, run.requests()),
                idlePercent < 0 ? "?" : String.format("%.0f %%", idlePercent));
    }

    /** wrk's user + system CPU from the {@code times} line; 0 when it is missing. */
    static double childCpuSeconds(String out) {
        Matcher cpu = CHILD_CPU.matcher(out);
        if (!cpu.find()) {
            return 0;
        }
        return Long.parseLong(cpu.group(1)) * 60
                + Double.parseDouble(cpu.group(2))
                + Long.parseLong(cpu.group(3)) * 60
                + Double.parseDouble(cpu.group(4));
    }

    /** wrk's duration ({@code 15.02s}, {@code 1.00m}) in seconds. */
    private static double seconds(String wrkDuration) {
        double value = Double.parseDouble(wrkDuration.replaceAll("[a-z]+$", ""));
        return wrkDuration.endsWith("ms") ? value / 1000 : wrkDuration.endsWith("m") ? value * 60 : value;
    }

    private static String execute(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // a wrk that failed (a bad script, a refused connection) must not pass for a phase with no figures
        if (p.waitFor() != 0) {
            throw new IOException(command.get(0) + " exited with " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }

    private static String summary(String name, String out) {
        Matcher rate = RATE.matcher(out);
        StringBuilder percentiles = new StringBuilder();
        Matcher pm = PERCENTILE.matcher(out);
        while (pm.find()) {
            percentiles.append("  p").append(pm.group(1)).append(' ').append(pm.group(2));
        }
        boolean errors = out.contains("Non-2xx") || out.contains("Socket errors");
        return String.format(
                "%-34s %9s /s%s%s",
                "wrk " + name,
                rate.find() ? String.format("%.0f", Double.parseDouble(rate.group(1))) : "?",
                percentiles,
                errors
                        ? "  ("
                                + out.lines()
                                        .filter(l -> l.contains("Non-2xx") || l.contains("Socket errors"))
                                        .findFirst()
                                        .orElse("")
                                        .trim()
                                + ")"
                        : "");
    }
}
