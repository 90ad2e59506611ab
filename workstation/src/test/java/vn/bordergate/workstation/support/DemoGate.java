package vn.bordergate.workstation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.MedicalDeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.VehicleType;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;

/**
 * A real gate server with the demo day, in-process on a random loopback port over Derby in a temporary
 * folder, shared by every test of the JVM (starting one takes seconds). Tests make their own crossings
 * with plates nobody else uses, so they don't depend on what the demo day generated.
 */
public final class DemoGate {
    public static final String PASSWORD = "bordergate-demo";
    private static final AtomicInteger PLATES = new AtomicInteger((int) (System.nanoTime() % 50_000) + 10_000);
    private static DemoGate shared;

    private final GateServer server;
    private final Path dataDir;
    private final Duration tokenLifetime;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private DemoGate(GateServer server, Path dataDir, Duration tokenLifetime) {
        this.server = server;
        this.dataDir = dataDir;
        this.tokenLifetime = tokenLifetime;
    }

    /** The JVM's gate server, with the demo day fully generated (so its events don't arrive mid-test). */
    public static synchronized DemoGate shared() {
        if (shared == null) {
            shared = start();
            try {
                shared.server.awaitDemoDay();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::close));
        }
        return shared;
    }

    /** A gate server of the test's own (for stopping and restarting it). */
    public static DemoGate start() {
        return start(Duration.ofHours(12));
    }

    /** A gate server of the test's own whose sign-ins expire after {@code tokenLifetime}. */
    public static DemoGate start(Duration tokenLifetime) {
        try {
            Path dir = Files.createTempDirectory("bordergate-ws-test-");
            return new DemoGate(
                    GateServer.start(ServerOptions.embedded(dir, true), Clock.systemUTC(), tokenLifetime),
                    dir,
                    tokenLifetime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A gate server of the test's own with the demo lanes' simulated cameras running, as the README run
     * command starts it: real video frames, real plate recognition (slow to start: the clips render first).
     */
    public static DemoGate startWithCameras() {
        try {
            Path dir = Files.createTempDirectory("bordergate-ws-cameras-");
            return new DemoGate(
                    GateServer.start(ServerOptions.embedded(dir, true).withLaneCameras(), Clock.systemUTC()),
                    dir,
                    Duration.ofHours(12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts again on the same port over the same data (tokens issued before stay valid). */
    public DemoGate restart(int port) {
        return new DemoGate(
                GateServer.start(
                        new ServerOptions("127.0.0.1", port, dataDir, true, null, null),
                        Clock.systemUTC(),
                        tokenLifetime),
                dataDir,
                tokenLifetime);
    }

    /** The audit log's entries about one crossing, oldest first (read by the supervisor, page by page). */
    public List<AuditEntryDto> audit(long crossingId) {
        GateClient supervisor = as("supervisor");
        List<AuditEntryDto> mine = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            List<AuditEntryDto> page = supervisor.admin().audit(after, 1000);
            if (page.isEmpty()) {
                return mine;
            }
            page.stream()
                    .filter(e -> "crossing".equals(e.entityType())
                            && String.valueOf(crossingId).equals(e.entityId()))
                    .forEach(mine::add);
            after = page.get(page.size() - 1).id();
        }
    }

    public URI uri() {
        return server.uri();
    }

    public GateServer server() {
        return server;
    }

    /** A client logged in as a demo account (tokens cached: logging in costs a bcrypt check). */
    public GateClient as(String username) {
        if (tokenLifetime.compareTo(Duration.ofMinutes(10)) < 0) { // short-lived sign-ins: never reuse one
            GateClient client = new GateClient(uri());
            client.login(username, PASSWORD);
            return client;
        }
        String token = tokens.computeIfAbsent(
                username, u -> new GateClient(uri()).login(u, PASSWORD).token());
        return new GateClient(uri()).withToken(token);
    }

    /** A plate of a series the demo day does not use, different on every call. */
    public static String uniquePlate() {
        int n = PLATES.incrementAndGet();
        return String.format("36LD-%03d.%02d", n / 100 % 1000, n % 100);
    }

    /** A fresh export trip of durian (plant quarantine applies), declared by the demo exporter. */
    public CrossingDto declare(String plate) {
        DeclarationRequest request = new DeclarationRequest(
                null,
                Direction.EXPORT,
                plate,
                null,
                VehicleType.TRUCK,
                new DriverDto("Nguyễn Văn Thắng", "C" + PLATES.incrementAndGet(), "VN", "+84912345678"),
                List.of(new GoodsLineDto(
                        "08106000",
                        "Sầu riêng tươi",
                        new BigDecimal("12000"),
                        "KGM",
                        new BigDecimal("12850.50"),
                        QuarantineKind.PLANT)),
                Instant.now().plus(Duration.ofHours(2)),
                false,
                new MedicalDeclarationDto(new BigDecimal("36.6"), false, null));
        long crossingId = as("enterprise").submitDeclaration(request).crossingId();
        return as("customs").crossing(crossingId);
    }

    /** Declares a trip and passes steps 1–3, so steps 4–8 are open at the yard. */
    public CrossingDto atTheYard() {
        CrossingDto crossing = declare(uniquePlate());
        for (Step step : List.of(Step.DECLARATION, Step.TRANSPORT, Step.VEHICLE_CONTROL)) {
            crossing = pass(crossing.id(), step);
        }
        return crossing;
    }

    public CrossingDto pass(long crossingId, Step step) {
        return decide(crossingId, step, Outcome.PASS, null);
    }

    public CrossingDto decide(long crossingId, Step step, Outcome outcome, String reason) {
        return as(officerOf(step)).decideStep(crossingId, step, new StepDecisionRequest(outcome, reason, null));
    }

    public static String officerOf(Step step) {
        return switch (step.agency()) {
            case CUSTOMS -> "customs";
            case BORDER_GUARD -> "borderguard";
            case MEDICAL_QUARANTINE -> "medical";
            case PLANT_ANIMAL_QUARANTINE -> "quarantine";
            case GATE_MANAGEMENT -> "gate";
            case FEE_COLLECTION -> "fees";
        };
    }

    public StepState state(long crossingId, Step step) {
        return as("customs").crossing(crossingId).steps().stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .state();
    }

    public void close() {
        server.close();
    }
}
