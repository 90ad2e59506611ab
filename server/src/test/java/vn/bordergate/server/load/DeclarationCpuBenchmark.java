package vn.bordergate.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.support.ServerProcess;

/**
 * The load benchmark's {@code wrk} declarations phase alone, in about a minute, for comparing the server's CPU per
 * declaration between two trees (alternate them: this machine is shared). A fresh server gets a warm-up phase of
 * declarations (plates from 0, which {@link WrkWrites}' phase from {@link WrkWrites#DECLARATIONS_FROM} never
 * repeats), then the phase with {@link WrkWrites}' script. Prints the server's CPU per 2xx answer and per thread group
 * (from {@code /proc}) and where the phase's declarations spent their time in the server, stage by stage
 * ({@link StageSpread}), also to {@code target/bench/declaration-cpu.txt}.
 *
 * <pre>
 * mvn -B -o -Pbench -pl server -am verify -Dtest=DeclarationCpuBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.seconds=15
 * </pre>
 *
 * <p>{@code -Dload.connections=N} sets wrk's connections (16, as LoadBenchmark's phase), {@code
 * -Dload.warmUpSeconds=N} the warm-up's length (30).
 *
 * <p>{@code -Dload.serverJvm="-XX:StartFlightRecording=..."} adds options to the server's JVM (a flight recording
 * of the measured server, space-separated).
 */
@Tag("bench")
class DeclarationCpuBenchmark {
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("load.seconds", 15));
    /** The warm-up phase: the JIT compiles the path first (on a busy machine a short one leaves it interpreted). */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("load.warmUpSeconds", 30));

    private static final int CONNECTIONS = Integer.getInteger("load.connections", 16);

    @Test
    void declarationsWithWrk() throws Exception {
        Path work = Files.createTempDirectory("bordergate-declcpu-");
        String start = "declarations with wrk: " + WARM_UP.toSeconds() + " s warm-up, " + PHASE.toSeconds() + " s, "
                + CONNECTIONS + " connections; " + BenchProcesses.uptime();
        WrkCpuPhases phases;
        try (ServerProcess server = WrkCpuPhases.freshServer(work)) {
            GateTraffic gate = new GateTraffic(server.uri());
            phases = new WrkCpuPhases(work, gate.base().toString(), server.pid(), CONNECTIONS, PHASE);
            phases.say(start);
            String enterprise = gate.login("enterprise");
            String enterprise2 = gate.login("enterprise2");
            String supervisor = gate.login("supervisor");
            WrkWrites wrk = new WrkWrites(work, gate, server.pid(), CONNECTIONS, PHASE);
            phases.phase("warm-up", wrk.declarationScript(enterprise, enterprise2, 0), WARM_UP);
            StageSpread before = stages(gate, supervisor);
            phases.phase(
                    "POST /api/declarations",
                    wrk.declarationScript(enterprise, enterprise2, WrkWrites.DECLARATIONS_FROM));
            stages(gate, supervisor).since(before).forEach(phases::say);
            phases.say("after the run: " + BenchProcesses.uptime());
        }
        phases.writeReport("declaration-cpu.txt");
        // CPU per 2xx answer means nothing if answers failed (an all-error run is cheap)
        assertThat(phases.faults()).as("failed answers (see the report above)").isEmpty();
    }

    /** The gate's stage timings now ({@link StageSpread}). */
    private static StageSpread stages(GateTraffic gate, String token) throws Exception {
        var answer = gate.send("GET", "/api/metrics", token, null);
        assertThat(answer.statusCode()).as("/api/metrics").isEqualTo(200);
        return StageSpread.of(answer.body());
    }
}
