package vn.bordergate.server.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The processes around a load run: the bare Jetty reference, the server's demo day, the machine's load. */
final class BenchProcesses {
    private BenchProcesses() {}

    static Process startBareJetty() throws Exception {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BareJettyMain.class.getName()))
                .redirectErrorStream(true)
                .start();
    }

    static int portOf(Process process) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PORT ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("bare Jetty did not start");
    }

    /** The demo day is generated in the background after start: measure after it, not beside it. */
    static void awaitDemoDay(Path serverLog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.readString(serverLog).contains("demo day seeded")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("demo day not generated within 3 minutes");
    }

    static String uptime() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "load average unknown";
        }
    }
}
