package vn.bordergate.server.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.server.GateServerMain;

/**
 * Time from starting a server JVM to its first healthy answer, on a fresh data directory with
 * {@code --demo} (the slowest first start: schema creation plus demo accounts) and on a restart.
 * Not part of {@code mvn verify}: run with {@code mvn -B -Pbench -pl server -am verify}.
 */
@Tag("bench")
class StartupBenchmark {
    private static final int RUNS = 5;

    @Test
    void startToHealthy() throws Exception {
        List<Long> fresh = new ArrayList<>();
        List<Long> restart = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path data = Files.createTempDirectory("bordergate-bench-");
            fresh.add(timeToHealthy(data));
            restart.add(timeToHealthy(data));
        }
        String report = String.format(
                "start to healthy, %d runs: fresh --demo data dir median %d ms (max %d); restart median %d ms (max %d)",
                RUNS, median(fresh), Collections.max(fresh), median(restart), Collections.max(restart));
        System.out.println(report);
        Path out = Path.of("target", "bench", "startup.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator());
    }

    private static long timeToHealthy(Path data) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        GateServerMain.class.getName(),
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.toString(),
                        "--demo")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        GateClient probe = new GateClient(URI.create("http://127.0.0.1:" + port), null, Duration.ofSeconds(1));
        try {
            while (true) {
                try {
                    if ("UP".equals(probe.health().status())) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (GateUnreachableException | GateApiException e) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("server exited with " + process.exitValue());
                    }
                    Thread.sleep(20);
                }
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
