package vn.bordergate.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.support.TestGate;

/**
 * The full hostile-input fuzz: 100,000 requests (or {@code -Dfuzz.requests}) built from
 * {@code /openapi.json}, seeded ({@code -Dfuzz.seed}); the result goes to
 * {@code server/target/bench/fuzz.txt}.
 *
 * <pre>
 * mvn -B -o -Pbench -pl server -am verify -Dtest=FuzzBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
class FuzzBenchmark {
    @Test
    void hundredThousandHostileRequests() throws Exception {
        try (TestGate gate = TestGate.start(Clock.systemUTC())) {
            gate.server().awaitDemoDay();
            HostileInputFuzzTest.FuzzReport report = HostileInputFuzzTest.fuzz(
                    gate, HostileInputFuzzTest.SEED, Long.getLong("fuzz.requests", 100_000), 8);
            System.out.println(report);
            Path out = Path.of("target", "bench", "fuzz.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + System.lineSeparator());
            assertThat(report.run().failures()).as(report.toString()).isEmpty();
            assertThat(report.unauthorised()).isEmpty();
            assertThat(report.dataChanged()).isFalse();
        }
    }
}
