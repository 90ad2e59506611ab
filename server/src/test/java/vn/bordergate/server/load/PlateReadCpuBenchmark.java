package vn.bordergate.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @Test
    void plateReadsWithWrk() throws Exception {
        Path work = Files.createTempDirectory("bordergate-readcpu-");
        String start = "plate reads with wrk: " + PHASE.toSeconds() + " s; " + BenchProcesses.uptime();
        WrkCpuPhases phases;
        try (ServerProcess server = WrkCpuPhases.freshServer(work)) {
            GateTraffic gate = new GateTraffic(server.uri());
            phases = new WrkCpuPhases(work, gate.base().toString(), server.pid(), CONNECTIONS, PHASE);
            phases.say(start);
            String enterprise = gate.login("enterprise");
            String enterprise2 = gate.login("enterprise2");
            String camera = gate.login("camera");
            String customs = gate.login("customs");
            List<String> cameras = gate.cameras(gate.login("supervisor"));
            // as the Java phases leave it: declared in the declarations phase and passed in the decisions phase, then
            // declared in the mixed phase and some passed (their plates are one province digit from wrk's reads)
            WrkCpuPhases.times(7_700, n -> gate.declare(n % 2 == 0 ? enterprise : enterprise2, n));
            WrkCpuPhases.times(7_700, n -> gate.decide(customs));
            WrkCpuPhases.times(6_000, n -> gate.declare(n % 2 == 0 ? enterprise : enterprise2, 10_000_000L + n));
            WrkCpuPhases.times(2_200, n -> gate.decide(customs));
            String setupFailures = gate.takeFailures();
            phases.say("index: 7,700 11C plates passed by customs, 6,000 22D, " + gate.undecidedPlates.size()
                    + " not passed; " + setupFailures);
            if (!setupFailures.equals(GateTraffic.NO_FAILURES)) {
                phases.fault("index setup: " + setupFailures);
            }
            List<String> declared =
                    gate.undecidedPlates.values().stream().limit(5_000).toList();
            WrkWrites wrk = new WrkWrites(work, gate, server.pid(), CONNECTIONS, PHASE);
            // serials from 500.00 on: none within one character of a declared plate, so nothing arrives before the
            // phase
            phases.phase("warm-up", wrk.plateReadScript(camera, cameras, declared, 12_050_000L));
            phases.phase("POST /api/plate-reads", wrk.plateReadScript(camera, cameras, declared, 12_000_000L));
            phases.say("after the run: " + BenchProcesses.uptime());
        }
        phases.writeReport("plate-read-cpu.txt");
        // CPU per 2xx answer means nothing if the index was built short or answers failed (an all-error run is cheap)
        assertThat(phases.faults()).as("failed answers (see the report above)").isEmpty();
    }
}
