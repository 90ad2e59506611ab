package vn.bordergate.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.support.ServerProcess;

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

    private static long timeToHealthy(Path data) throws Exception {
        try (ServerProcess server =
                ServerProcess.start(data, ServerProcess.freePort(), ProcessBuilder.Redirect.DISCARD)) {
            return server.awaitHealthy(Duration.ofSeconds(60));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
