package vn.bordergate.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
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
 * A real gate server on a random loopback port over a real Derby in a temporary directory, with the
 * demo day and its accounts. One is shared by the tests of a JVM (starting one takes seconds);
 * tests that need their own clock or a pristine database start their own with {@link #start}.
 */
public final class TestGate implements AutoCloseable {
    public static final String PASSWORD = "bordergate-demo";
    private static TestGate shared;
    private static final AtomicInteger PLATES = new AtomicInteger(10_000);
    /**
     * How long a call of an {@link #as} client may take: a starved CI host is not what these tests are about
     * (tests of timeouts build their own impatient clients).
     */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final GateServer server;
    private final Path dataDir;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** How long a login may take: the client's usual timeout, or as long as this server took to start. */
    private final Duration loginTimeout;

    private TestGate(GateServer server, Path dataDir, Duration startTook) {
        this.server = server;
        this.dataDir = dataDir;
        this.loginTimeout = loginWait(startTook);
    }

    /**
     * A host so loaded that a server took long to start answers its first logins slowly too (one took 121 s to
     * start under CPU stress, then its first login, a bcrypt check beside the demo day being seeded, outlasted the
     * client's 10 s): wait for the answer as long as the start took, at least the client's usual timeout.
     */
    private static Duration loginWait(Duration startTook) {
        return startTook.compareTo(GateClient.DEFAULT_TIMEOUT) > 0 ? startTook : GateClient.DEFAULT_TIMEOUT;
    }

    /**
     * A client logged in as a demo account of a server a test started itself ({@code startTook}: how long that
     * start took), waiting for the login as {@link #as} does; its other calls keep the usual timeout.
     */
    public static GateClient loggedIn(URI server, String username, Duration startTook) {
        String token = new GateClient(server, null, loginWait(startTook))
                .login(username, PASSWORD)
                .token();
        return new GateClient(server).withToken(token);
    }

    /** Starts a server on {@code dataDir}, noting how long that took on this host. */
    private static TestGate started(Path dataDir, Clock clock) {
        long t0 = System.nanoTime();
        GateServer server = GateServer.start(ServerOptions.embedded(dataDir, true), clock);
        return new TestGate(server, dataDir, Duration.ofNanos(System.nanoTime() - t0));
    }

    public static synchronized TestGate shared() {
        if (shared == null) {
            shared = start(Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
            // the demo day (some 300 trips, thousands of events) is generated in the background; tests sharing this
            // gate start once it is done, so its CPU and events do not land in their time limits and lag bounds
            try {
                shared.server.awaitDemoDay();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the shared gate seeded its demo day", e);
            }
        }
        return shared;
    }

    public static TestGate start(Clock clock) {
        try {
            return started(Files.createTempDirectory("bordergate-test-"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server opened again on a data directory a closed one left (in demo mode, as it was made). */
    public static TestGate reopen(Path dataDir) {
        return started(dataDir, Clock.systemUTC());
    }

    public URI uri() {
        return server.uri();
    }

    /** The status {@code GET /api/health} is answered with, on a connection of its own. */
    public int healthStatus() throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri().resolve("/api/health")).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    public Path dataDir() {
        return dataDir;
    }

    public GateServer server() {
        return server;
    }

    /** A client without a token. */
    public GateClient anonymous() {
        return new GateClient(uri());
    }

    /**
     * The gate's count of {@code POST}s to {@code path} answered 2xx ({@code gate_http_requests_seconds_count}, read
     * by the supervisor): tests that answer requests later check each was timed once, when its exchange ended.
     */
    public double answeredPosts(String path) {
        String metrics = as("supervisor").send("GET", "/api/metrics", null).body();
        Matcher count = Pattern.compile("gate_http_requests_seconds_count\\{([^}]*)} (\\S+)")
                .matcher(metrics);
        while (count.find()) {
            String labels = count.group(1);
            if (labels.contains("area=\"" + path + "\"")
                    && labels.contains("method=\"POST\"")
                    && labels.contains("status=\"2xx\"")) {
                return Double.parseDouble(count.group(2));
            }
        }
        return 0;
    }

    /** A client logged in as a demo account (tokens are cached: logging in costs a bcrypt check). */
    public GateClient as(String username) {
        String token = tokens.computeIfAbsent(username, u -> new GateClient(uri(), null, loginTimeout)
                .login(u, PASSWORD)
                .token());
        return new GateClient(uri(), null, PATIENCE).withToken(token);
    }

    /** Forgets cached tokens: after moving a test clock past their 12 h lifetime, log in afresh. */
    public void forgetTokens() {
        tokens.clear();
    }

    /** Plates no other test and no demo trip uses. */
    public static String uniqueVietnamesePlate() {
        return vietnamesePlate(PLATES.incrementAndGet());
    }

    /**
     * A hundred plates that share everything but their last two digits, reserved at once: tests running at the
     * same time can't take one of them, so a read missing one digit of a plate in the block (one edit away
     * from ".x4" and ".4x" plates alike) is that close only to plates of this block.
     */
    public static List<String> vietnamesePlateBlock() {
        int last = PLATES.updateAndGet(n -> (n / 100 + 2) * 100 - 1);
        return IntStream.rangeClosed(last - 99, last)
                .mapToObj(TestGate::vietnamesePlate)
                .toList();
    }

    private static String vietnamesePlate(int n) {
        return String.format("36LD-%03d.%02d", n / 100 % 1000, n % 100);
    }

    public static String uniqueChinesePlate() {
        return String.format("琼B%05d", PLATES.incrementAndGet() % 100_000);
    }

    public static DeclarationRequest declaration(String tractor, Direction direction, QuarantineKind quarantine) {
        return new DeclarationRequest(
                null,
                direction,
                tractor,
                null,
                VehicleType.TRUCK,
                new DriverDto("Nguyễn Văn Thắng", "C" + PLATES.incrementAndGet(), "VN", "+84912345678"),
                List.of(new GoodsLineDto(
                        "08106000",
                        "Sầu riêng tươi (fresh durian)",
                        new BigDecimal("12000"),
                        "KGM",
                        new BigDecimal("12850.50"),
                        quarantine)),
                Instant.now().plus(Duration.ofHours(2)),
                false,
                new MedicalDeclarationDto(new BigDecimal("36.6"), false, null));
    }

    /** A fresh export trip of durian by a Vietnamese truck, declared by the demo enterprise. */
    public DeclarationDto declare() {
        return as("enterprise")
                .submitDeclaration(declaration(uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT));
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

    /** Passes every applicable step before {@code target} (in order), leaving {@code target} pending. */
    public CrossingDto advanceTo(long crossingId, Step target) {
        CrossingDto crossing = as("customs").crossing(crossingId);
        for (Step step : Step.values()) {
            if (step == target) {
                break;
            }
            if (state(crossing, step) == StepState.PENDING) {
                crossing = pass(crossingId, step);
            }
        }
        return crossing;
    }

    /** Passes every applicable step: the crossing is then ready to release. */
    public CrossingDto passAll(long crossingId) {
        CrossingDto crossing = as("customs").crossing(crossingId);
        for (Step step : Step.values()) {
            if (state(crossing, step) == StepState.PENDING) {
                crossing = pass(crossingId, step);
            }
        }
        return crossing;
    }

    public CrossingDto pass(long crossingId, Step step) {
        return as(officerOf(step)).decideStep(crossingId, step, new StepDecisionRequest(Outcome.PASS, null, null));
    }

    /** The HTTP status a call answers: 200 when it succeeds, the refusal's status otherwise. */
    public static int statusOf(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (vn.bordergate.common.client.GateApiException e) {
            return e.status();
        }
    }

    public static StepState state(CrossingDto crossing, Step step) {
        return crossing.steps().stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .state();
    }

    /** One SQL statement (a test's own constraint, say) in a transaction of its own on this gate's database. */
    public void execute(String statement) {
        server.services().tx.write(session -> {
            session.doWork(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute(statement);
                }
            });
            return null;
        });
    }

    @Override
    public void close() {
        server.close();
    }
}
