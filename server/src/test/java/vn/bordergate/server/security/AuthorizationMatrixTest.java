package vn.bordergate.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.NewEnterpriseRequest;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PriorityRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.support.CameraPasses;
import vn.bordergate.server.support.TestGate;

/**
 * The acceptance criterion "every role × agency × operation combination that must be denied answers
 * 403, every allowed one succeeds", for every operation of {@code docs/api.md} (except the public
 * ones and the WebSocket) and every demo account, against a real server.
 *
 * <p>Who may do what is written down here as data ({@link #operations()}), from the API document, not
 * derived from the server's code. An allowed call gets fresh state in which it must really succeed
 * (a crossing advanced to just before the step, a declaration of its own, a unique user name…); the
 * denied calls of an operation share one such fixture, so a denial can't hide behind a 404 or 409.
 */
class AuthorizationMatrixTest {
    private static final TestGate GATE = TestGate.shared();
    private static final ObjectMapper JSON = GateJson.newClientMapper();
    /**
     * How long a matrix call may take. The matrix checks who may do what, not how fast (that is the
     * benchmarks' job): on a loaded CI machine a call (a backup, a login's bcrypt) can pass the
     * client's default 10 s, and a timeout must not pass for a refusal or fail a permitted call.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * Before the first case: the shared server seeds its demo day (300 trips, thousands of commits) in the
     * background for a minute or two after it starts; cases run during that raced it for Derby's locks
     * and the CPU. And every account logs in once here, not inside whichever case first needs it.
     */
    @BeforeAll
    static void quietServerAndTokens() throws InterruptedException {
        GATE.server().awaitDemoDay();
        ACCOUNTS.forEach(GATE::as);
    }

    /** The twelve demo accounts (role, agency): the matrix's rows. */
    static final List<String> ACCOUNTS = List.of(
            "admin", // ADMINISTRATOR
            "supervisor", // SUPERVISOR of GATE_MANAGEMENT
            "customs", // OFFICER of CUSTOMS
            "borderguard", // OFFICER of BORDER_GUARD
            "medical", // OFFICER of MEDICAL_QUARANTINE
            "quarantine", // OFFICER of PLANT_ANIMAL_QUARANTINE
            "gate", // OFFICER of GATE_MANAGEMENT
            "fees", // OFFICER of FEE_COLLECTION
            "camera", // CAMERA
            "enterprise", // ENTERPRISE (the one whose declarations the fixtures are)
            "enterprise2", // ENTERPRISE (another one)
            "kiosk"); // KIOSK

    static final Set<String> EVERYONE = Set.copyOf(ACCOUNTS);
    /** "Officers" in docs/api.md: OFFICER, SUPERVISOR and ADMINISTRATOR. */
    static final Set<String> OFFICERS =
            Set.of("admin", "supervisor", "customs", "borderguard", "medical", "quarantine", "gate", "fees");

    static final Set<String> ADMIN_ONLY = Set.of("admin");
    static final Set<String> ENTERPRISES = Set.of("enterprise", "enterprise2");
    static final Set<String> OWNING_ENTERPRISE = Set.of("enterprise");
    static final Set<String> OFFICERS_AND_OWNER = union(OFFICERS, OWNING_ENTERPRISE);
    static final Set<String> OFFICERS_AND_ENTERPRISES = union(OFFICERS, ENTERPRISES);
    static final Set<String> GATE_MANAGEMENT = Set.of("gate", "supervisor");
    static final Set<String> CAMERA_AND_GATE_MANAGEMENT = Set.of("camera", "gate", "supervisor");
    static final Set<String> BORDER_GUARD = Set.of("borderguard");
    static final Set<String> FEE_COLLECTION = Set.of("fees");
    static final Set<String> AUDITORS = Set.of("supervisor", "admin");
    static final Set<String> KIOSKS = Set.of("kiosk");
    /** Report readers are the auditors; queue priority is the shift supervisor's alone. */
    static final Set<String> SUPERVISORS = Set.of("supervisor");

    /** Who decides a step, and lifts its hold: the OFFICER/SUPERVISOR of the step's agency. */
    static final Map<Step, Set<String>> STEP_DECIDERS = new EnumMap<>(Map.of(
            Step.DECLARATION, Set.of("customs"),
            Step.TRANSPORT, Set.of("gate", "supervisor"),
            Step.VEHICLE_CONTROL, Set.of("gate", "supervisor"),
            Step.MEDICAL_QUARANTINE, Set.of("medical"),
            Step.BORDER_CONTROL, Set.of("borderguard"),
            Step.PLANT_ANIMAL_QUARANTINE, Set.of("quarantine"),
            Step.TRANSSHIPMENT, Set.of("customs"),
            Step.FEE_COLLECTION, Set.of("fees")));

    /** One request: the path with real ids, and the JSON body (null for none). */
    record Call(String path, Object body) {}

    /**
     * One operation of the API.
     *
     * @param template the path as docs/api.md writes it, for the test names
     * @param success the status an allowed call answers
     * @param allowed the accounts that may call it
     * @param allowedCall a request for an allowed account, over fresh state it must succeed on
     * @param deniedCall a request for the others (and for no token), over a shared fixture
     * @param observe what a denied call must leave unchanged (null when nothing to watch)
     */
    record Operation(
            String method,
            String template,
            int success,
            Set<String> allowed,
            Function<String, Call> allowedCall,
            Supplier<Call> deniedCall,
            Supplier<Object> observe) {
        String name() {
            return method + " " + template;
        }
    }

    // ---- the table

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        ops.add(read("/api/auth/me", EVERYONE, () -> "/api/auth/me"));
        ops.add(read("/api/workflow", EVERYONE, () -> "/api/workflow"));
        ops.add(read("/api/users", ADMIN_ONLY, () -> "/api/users"));
        ops.add(write(
                "POST",
                "/api/users",
                201,
                ADMIN_ONLY,
                () -> new Call("/api/users", newUser()),
                AuthorizationMatrixTest::userCount));
        ops.add(read("/api/enterprises", OFFICERS, () -> "/api/enterprises"));
        ops.add(read(
                "/api/enterprises/{id of enterprise's enterprise}",
                OFFICERS_AND_OWNER,
                () -> "/api/enterprises/" + ENTERPRISE_ID.get()));
        ops.add(write(
                "POST",
                "/api/enterprises",
                201,
                ADMIN_ONLY,
                () -> new Call("/api/enterprises", newEnterprise()),
                AuthorizationMatrixTest::enterpriseCount));
        ops.add(write(
                "POST",
                "/api/declarations",
                201,
                ENTERPRISES,
                () -> new Call("/api/declarations", newDeclaration()),
                null));
        ops.add(read("/api/declarations", OFFICERS_AND_ENTERPRISES, () -> "/api/declarations?limit=5"));
        ops.add(read(
                "/api/declarations/{id of enterprise's declaration}",
                OFFICERS_AND_OWNER,
                () -> "/api/declarations/" + DECLARATION.get().id()));
        ops.add(new Operation(
                "PUT",
                "/api/declarations/{id of enterprise's declaration}",
                200,
                OWNING_ENTERPRISE,
                a -> new Call("/api/declarations/" + GATE.declare().id(), newDeclaration()),
                () -> new Call("/api/declarations/" + EDITABLE_DECLARATION.get().id(), newDeclaration()),
                () -> GATE.as("admin").declaration(EDITABLE_DECLARATION.get().id())));
        ops.add(new Operation(
                "POST",
                "/api/declarations/{id of enterprise's declaration}/cancel",
                200,
                OWNING_ENTERPRISE,
                a -> new Call("/api/declarations/" + GATE.declare().id() + "/cancel", null),
                () -> new Call("/api/declarations/" + EDITABLE_DECLARATION.get().id() + "/cancel", null),
                () -> GATE.as("admin").declaration(EDITABLE_DECLARATION.get().id())));
        ops.add(read("/api/crossings", OFFICERS, () -> "/api/crossings?limit=5"));
        ops.add(read("/api/crossings/queue", OFFICERS, () -> "/api/crossings/queue"));
        ops.add(read(
                "/api/crossings/{id}",
                OFFICERS,
                () -> "/api/crossings/" + DECLARATION.get().crossingId()));
        for (Step step : Step.values()) {
            String decision = "/steps/" + step.name() + "/decision";
            ops.add(onCrossing(
                    "/api/crossings/{id}" + decision,
                    STEP_DECIDERS.get(step),
                    () -> crossingBefore(step),
                    BEFORE.get(step),
                    decision,
                    pass()));
        }
        for (Step step : Step.values()) {
            String release = "/steps/" + step.name() + "/release-hold";
            ops.add(onCrossing(
                    "/api/crossings/{id}" + release,
                    STEP_DECIDERS.get(step),
                    () -> crossingHeldAt(step),
                    HELD.get(step),
                    release,
                    liftHold()));
        }
        ops.add(onCrossing(
                "/api/crossings/{id}/release",
                BORDER_GUARD,
                AuthorizationMatrixTest::readyToRelease,
                READY,
                "/release",
                new GateActionRequest(null)));
        ops.add(onCrossing(
                "/api/crossings/{id}/return",
                BORDER_GUARD,
                AuthorizationMatrixTest::abroad,
                ABROAD,
                "/return",
                new GateActionRequest(null)));
        ops.add(read(
                "/api/crossings/{id}/weighings",
                OFFICERS,
                () -> crossingPath(DECLARATION.get().crossingId()) + "/weighings"));
        ops.add(write(
                "POST",
                "/api/crossings/{id}/weighings",
                201,
                GATE_MANAGEMENT,
                () -> new Call(crossingPath(OPEN_CROSSING.get()) + "/weighings", weighing()),
                () -> GATE.as("admin").facts().weighings(OPEN_CROSSING.get())));
        ops.add(read(
                "/api/crossings/{id}/fees",
                OFFICERS,
                () -> crossingPath(DECLARATION.get().crossingId()) + "/fees"));
        ops.add(read(
                "/api/crossings/{id}/slip",
                OFFICERS,
                () -> crossingPath(DECLARATION.get().crossingId()) + "/slip"));
        ops.add(write(
                "POST",
                "/api/crossings/{id}/fees",
                201,
                FEE_COLLECTION,
                () -> new Call(crossingPath(OPEN_CROSSING.get()) + "/fees", fee()),
                () -> GATE.as("admin").facts().fees(OPEN_CROSSING.get())));
        ops.add(read("/api/plate-reads", OFFICERS, () -> "/api/plate-reads?limit=5"));
        ops.add(write(
                "POST",
                "/api/plate-reads",
                201,
                CAMERA_AND_GATE_MANAGEMENT,
                () -> new Call("/api/plate-reads", plateRead()),
                null));
        ops.add(read("/api/plate-reads/stats", OFFICERS, () -> "/api/plate-reads/stats"));
        ops.add(read(
                "/api/plate-reads/{id}/crop", OFFICERS, () -> "/api/plate-reads/" + PICTURED_READ.get() + "/crop"));
        ops.add(read(
                "/api/plate-reads/{id}/snapshot",
                OFFICERS,
                () -> "/api/plate-reads/" + PICTURED_READ.get() + "/snapshot"));
        ops.add(new Operation(
                "POST",
                "/api/plate-reads/{id}/correction",
                200,
                GATE_MANAGEMENT,
                a -> correction(freshRead()),
                () -> correction(SHARED_READ.get()),
                () -> GATE.as("admin").anpr().plateReads(1000).stream()
                        .filter(r -> r.id() == SHARED_READ.get())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(
                                "read " + SHARED_READ.get() + " is not among the 1000 latest plate reads"))));
        ops.add(read("/api/lanes", OFFICERS, () -> "/api/lanes"));
        ops.add(new Operation(
                "POST",
                "/api/lanes/{laneCode}/call-next",
                200,
                GATE_MANAGEMENT,
                a -> {
                    // a truck of its own waits in the yard, so the call finds one (maybe a demo truck first)
                    GATE.advanceTo(GATE.declare().crossingId(), Step.MEDICAL_QUARANTINE);
                    return new Call("/api/lanes/L1/call-next", null);
                },
                () -> new Call("/api/lanes/L1/call-next", null),
                null));
        ops.add(read("/api/cameras", OFFICERS, () -> "/api/cameras"));
        ops.add(read("/api/cameras/metrics", OFFICERS, () -> "/api/cameras/metrics"));
        ops.add(read("/api/stations", OFFICERS, () -> "/api/stations"));
        ops.add(read("/api/yards", OFFICERS, () -> "/api/yards"));
        ops.add(read("/api/alerts/overstays", OFFICERS, () -> "/api/alerts/overstays"));
        ops.add(read(
                "/api/kiosk/crossings",
                KIOSKS,
                () -> "/api/kiosk/crossings?code=" + KIOSK_CROSSING.get().code()));
        ops.add(read(
                "/api/kiosk/crossings/{id}",
                KIOSKS,
                () -> "/api/kiosk/crossings/" + KIOSK_CROSSING.get().crossingId()));
        ops.add(new Operation(
                "POST",
                "/api/kiosk/crossings/{id}/check-in",
                200,
                KIOSKS,
                a -> new Call("/api/kiosk/crossings/" + acceptedDeclaration().crossingId() + "/check-in", null),
                () -> new Call("/api/kiosk/crossings/" + KIOSK_CROSSING.get().crossingId() + "/check-in", null),
                () -> GATE.as("admin").crossing(KIOSK_CROSSING.get().crossingId())));
        ops.add(read(
                "/api/kiosk/crossings/{id}/ticket",
                KIOSKS,
                () -> "/api/kiosk/crossings/" + CHECKED_IN.get() + "/ticket"));
        ops.add(read("/api/audit", AUDITORS, () -> "/api/audit?limit=5"));
        ops.add(write("POST", "/api/audit/verify", 200, AUDITORS, () -> new Call("/api/audit/verify", null), null));
        ops.add(read("/api/metrics", AUDITORS, () -> "/api/metrics"));
        ops.add(read("/api/admin/backups", ADMIN_ONLY, () -> "/api/admin/backups"));
        ops.add(write("POST", "/api/admin/backups", 201, ADMIN_ONLY, () -> new Call("/api/admin/backups", null), null));
        // the demo enterprise is a priority enterprise, so its trucks start with priority: taking it away succeeds
        ops.add(onCrossing(
                "/api/crossings/{id}/priority",
                SUPERVISORS,
                () -> GATE.declare().crossingId(),
                PRIORITY_CROSSING,
                "/priority",
                new PriorityRequest(false, "authorization matrix: ordinary goods after all")));
        ops.add(read("/api/reports/{kind}", AUDITORS, () -> REPORT_COMPILED.get()));
        ops.add(read("/api/dashboard", AUDITORS, () -> "/api/dashboard"));
        return ops;
    }

    /** A read: allowed and denied accounts ask for the same thing. */
    private static Operation read(String template, Set<String> allowed, Supplier<String> path) {
        Supplier<Call> call = () -> new Call(path.get(), null);
        return new Operation("GET", template, 200, allowed, a -> call.get(), call, null);
    }

    /** A write that needs no particular state: every call gets a request of its own. */
    private static Operation write(
            String method,
            String template,
            int success,
            Set<String> allowed,
            Supplier<Call> call,
            Supplier<Object> observe) {
        return new Operation(method, template, success, allowed, a -> call.get(), call, observe);
    }

    /** A write on a crossing: allowed calls each get a fresh one, denied ones share {@code denied}. */
    private static Operation onCrossing(
            String template,
            Set<String> allowed,
            Supplier<Long> fresh,
            Supplier<Long> denied,
            String subPath,
            Object body) {
        return new Operation(
                "POST",
                template,
                200,
                allowed,
                a -> new Call(crossingPath(fresh.get()) + subPath, body),
                () -> new Call(crossingPath(denied.get()) + subPath, body),
                () -> GATE.as("admin").crossing(denied.get()));
    }

    // ---- the matrix

    @TestFactory
    Stream<DynamicNode> everyAccountOnEveryOperation() {
        return operations().stream().map(op -> dynamicContainer(op.name(), cases(op)));
    }

    private static Stream<DynamicNode> cases(Operation op) {
        List<DynamicNode> cases = new ArrayList<>();
        for (String account : ACCOUNTS) {
            boolean allowed = op.allowed().contains(account);
            Case c = new Case(account, op, allowed ? op.success() : 403);
            cases.add(dynamicTest(
                    c.name(),
                    () -> c.run(() -> {
                        if (allowed) {
                            assertAllowed(c);
                        } else {
                            assertDenied(c);
                        }
                    })));
        }
        Case anonymous = new Case("no token", op, 401);
        cases.add(dynamicTest(anonymous.name(), () -> anonymous.run(() -> assertUnauthenticated(anonymous))));
        return cases.stream();
    }

    /**
     * One cell of the matrix. Whatever fails in it (an assertion, a fixture, a timeout) fails with a
     * message naming the account, the request, the expected and the actual status and the start of the
     * body: a report that names only the lambda ({@code lambda$cases$66}) must still say which cell failed.
     */
    static final class Case {
        private static final int BODY_SHOWN = 300;
        final String account;
        final Operation op;
        final int expected;
        private String request;
        private RawResponse answer;

        Case(String account, Operation op, int expected) {
            this.account = account;
            this.op = op;
            this.expected = expected;
        }

        String name() {
            return account + ": " + op.name() + " -> " + expected;
        }

        /** Sends the call as {@code client} and remembers it for the failure message. */
        RawResponse send(GateClient client, Call call, String how) {
            request = op.method() + " " + call.path() + how;
            answer = null;
            answer = client.send(op.method(), call.path(), call.body());
            return answer;
        }

        void run(org.junit.jupiter.api.function.Executable check) throws Throwable {
            try {
                check.execute();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(describe() + "\n  failed: " + e.getMessage(), e);
            }
        }

        String describe() {
            String sent = request == null ? op.name() + " (failed before the request was sent)" : request;
            String got = answer == null ? "no answer" : answer.status() + ", body: " + shorten(answer.body());
            return "account " + account + ", " + sent + ": expected " + expected + ", actual " + got;
        }

        private static String shorten(String body) {
            if (body == null) {
                return "(none)";
            }
            return body.length() <= BODY_SHOWN ? body : body.substring(0, BODY_SHOWN) + "…";
        }
    }

    private static void assertAllowed(Case c) {
        Call call = c.op.allowedCall().apply(c.account);
        RawResponse answer = c.send(patient(GATE.as(c.account).token()), call, "");
        assertThat(answer.status()).as("status").isEqualTo(c.expected);
    }

    private static void assertDenied(Case c) {
        Call call = c.op.deniedCall().get();
        Object before = observe(c.op);
        RawResponse answer = c.send(patient(GATE.as(c.account).token()), call, "");
        assertApiError(answer, c.expected, "the refusal");
        assertThat(observe(c.op)).as("a denied call changes nothing").isEqualTo(before);
    }

    private static void assertUnauthenticated(Case c) {
        Call call = c.op.deniedCall().get();
        Object before = observe(c.op);
        assertApiError(c.send(patient(null), call, " without a token"), c.expected, "without a token");
        RawResponse forged = c.send(patient(FORGED_ADMIN_TOKEN), call, " with an admin token signed by another key");
        assertApiError(forged, c.expected, "with an admin token signed by another key");
        assertThat(observe(c.op)).as("a refused call changes nothing").isEqualTo(before);
    }

    /**
     * A client of its own (its own connection), as {@code TestGate.as} gives, so each case's answer is its own.
     * (A shared pool once lost an answer after a refused POST, because the server closed a connection whose body
     * it had not read; the server now reads it, which {@code RefusedRequestKeepAliveTest} holds.)
     */
    private static GateClient patient(String token) {
        GateClient client = new GateClient(GATE.uri(), null, PATIENCE);
        return token == null ? client : client.withToken(token);
    }

    private static Object observe(Operation op) {
        return op.observe() == null ? null : op.observe().get();
    }

    private static void assertApiError(RawResponse answer, int status, String what) {
        assertThat(answer.status()).as("%s: status", what).isEqualTo(status);
        assertThat(answer.header("Content-Type"))
                .as("%s: content type", what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        ApiError error;
        try {
            error = JSON.readValue(answer.body(), ApiError.class);
        } catch (Exception e) {
            throw new AssertionError(what + ": the body is not an ApiError: " + answer.body(), e);
        }
        assertThat(error.status()).as("%s: ApiError.status", what).isEqualTo(status);
        assertThat(error.error()).as("%s: ApiError.error", what).isNotBlank();
        assertThat(error.message()).as("%s: ApiError.message", what).isNotBlank();
        assertThat(answer.body()).as("%s: no stack trace", what).doesNotContain("at vn.bordergate.", "java.lang.");
    }

    // ---- sanity of the table itself (the fixtures check their own state as they are made)

    @Test
    void theTableCoversEveryDocumentedOperationOnce() {
        List<String> names = operations().stream().map(Operation::name).toList();
        assertThat(names).doesNotHaveDuplicates().hasSize(47 + 2 * Step.values().length);
        assertThat(operations()).allSatisfy(op -> assertThat(EVERYONE).containsAll(op.allowed()));
        int cases = operations().size() * (ACCOUNTS.size() + 1);
        assertThat(cases).isEqualTo(63 * 13);
    }

    @Test
    void theDemoAccountsAreWhatTheTableAssumes() {
        record Expected(Role role, Agency agency) {}
        Map<String, Expected> expected = Map.ofEntries(
                Map.entry("admin", new Expected(Role.ADMINISTRATOR, null)),
                Map.entry("supervisor", new Expected(Role.SUPERVISOR, Agency.GATE_MANAGEMENT)),
                Map.entry("customs", new Expected(Role.OFFICER, Agency.CUSTOMS)),
                Map.entry("borderguard", new Expected(Role.OFFICER, Agency.BORDER_GUARD)),
                Map.entry("medical", new Expected(Role.OFFICER, Agency.MEDICAL_QUARANTINE)),
                Map.entry("quarantine", new Expected(Role.OFFICER, Agency.PLANT_ANIMAL_QUARANTINE)),
                Map.entry("gate", new Expected(Role.OFFICER, Agency.GATE_MANAGEMENT)),
                Map.entry("fees", new Expected(Role.OFFICER, Agency.FEE_COLLECTION)),
                Map.entry("camera", new Expected(Role.CAMERA, null)),
                Map.entry("enterprise", new Expected(Role.ENTERPRISE, null)),
                Map.entry("enterprise2", new Expected(Role.ENTERPRISE, null)),
                Map.entry("kiosk", new Expected(Role.KIOSK, null)));
        for (String account : ACCOUNTS) {
            var me = GATE.as(account).me();
            assertThat(new Expected(me.role(), me.agency())).as(account).isEqualTo(expected.get(account));
        }
        assertThat(GATE.as("enterprise2").me().enterpriseId())
                .isNotNull()
                .isNotEqualTo(GATE.as("enterprise").me().enterpriseId());
    }

    // ---- fixtures

    /** A token for "admin" signed with a key that isn't the server's. */
    private static final String FORGED_ADMIN_TOKEN = new TokenService(
                    new byte[32], Clock.systemUTC(), Duration.ofHours(1))
            .issue(
                    new Actor(1, "admin", Role.ADMINISTRATOR, null, null, null),
                    Instant.now().plusSeconds(3600));

    private static final Supplier<Long> ENTERPRISE_ID =
            once(() -> GATE.as("enterprise").me().enterpriseId());
    /** A declaration of "enterprise", read but never changed by the matrix. */
    private static final Supplier<DeclarationDto> DECLARATION = once(GATE::declare);
    /** A declaration of "enterprise" that denied edits and cancels are tried on. */
    private static final Supplier<DeclarationDto> EDITABLE_DECLARATION = once(GATE::declare);
    /** An open crossing that weighings and fees are added to. */
    private static final Supplier<Long> OPEN_CROSSING =
            once(() -> GATE.declare().crossingId());
    /**
     * A report path, asked for once first with a patient client: the first fill compiles the template,
     * which on a loaded machine can take longer than a client's default 10 s.
     */
    private static final Supplier<String> REPORT_COMPILED = once(() -> {
        String path = "/api/reports/throughput?from=2026-01-05&format=xlsx";
        RawResponse warm = new GateClient(GATE.uri(), java.net.http.HttpClient.newHttpClient(), Duration.ofSeconds(90))
                .withToken(GATE.as("admin").token())
                .send("GET", path, null);
        assertThat(warm.status()).as("fixture: the report renders").isEqualTo(200);
        return path;
    });
    /** The crossing denied priority changes are tried on. */
    private static final Supplier<Long> PRIORITY_CROSSING =
            once(() -> GATE.declare().crossingId());
    /** The crossing denied releases are tried on: every step passed. */
    private static final Supplier<Long> READY = once(AuthorizationMatrixTest::readyToRelease);
    /** The crossing denied returns are tried on: a released Chinese truck that must come back. */
    private static final Supplier<Long> ABROAD = once(AuthorizationMatrixTest::abroad);
    /** Per step, the crossing denied decisions are tried on: every earlier step passed, this one pending. */
    private static final Map<Step, Supplier<Long>> BEFORE = perStep(AuthorizationMatrixTest::crossingBefore);
    /** Per step, the crossing denied hold releases are tried on: this step held by its agency. */
    private static final Map<Step, Supplier<Long>> HELD = perStep(AuthorizationMatrixTest::crossingHeldAt);

    /** A crossing customs accepted, expected today: what kiosks find; denied check-ins are tried on it. */
    private static final Supplier<DeclarationDto> KIOSK_CROSSING = once(AuthorizationMatrixTest::acceptedDeclaration);

    /** A crossing checked in at the kiosk: its ticket is printed. */
    private static final Supplier<Long> CHECKED_IN = once(() ->
            GATE.as("kiosk").kiosk().checkIn(acceptedDeclaration().crossingId()).crossingId());

    private static DeclarationDto acceptedDeclaration() {
        DeclarationDto d = GATE.declare();
        GATE.pass(d.crossingId(), Step.DECLARATION);
        return d;
    }

    private static final Supplier<String> CAMERA_CODE =
            once(() -> GATE.as("admin").anpr().cameras().get(0).code());

    private static String crossingPath(long id) {
        return "/api/crossings/" + id;
    }

    private static Map<Step, Supplier<Long>> perStep(Function<Step, Long> make) {
        Map<Step, Supplier<Long>> fixtures = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            fixtures.put(step, once(() -> make.apply(step)));
        }
        return fixtures;
    }

    /** A fresh crossing with every step before {@code step} passed and {@code step} pending. */
    private static long crossingBefore(Step step) {
        long id = GATE.declare().crossingId();
        CrossingDto crossing = GATE.advanceTo(id, step);
        assertThat(TestGate.state(crossing, step))
                .as("fixture: %s pending", step)
                .isEqualTo(StepState.PENDING);
        return id;
    }

    /** A fresh crossing whose {@code step} its own agency holds. */
    private static long crossingHeldAt(Step step) {
        long id = crossingBefore(step);
        CrossingDto held = GATE.as(TestGate.officerOf(step))
                .decideStep(id, step, new StepDecisionRequest(Outcome.HOLD, "authorization matrix hold", null));
        assertThat(TestGate.state(held, step)).as("fixture: %s held", step).isEqualTo(StepState.HELD);
        return id;
    }

    private static long readyToRelease() {
        long id = GATE.declare().crossingId();
        CrossingDto ready = GATE.passAll(id);
        assertThat(ready.status()).as("fixture: ready to release").isEqualTo(CrossingStatus.READY_TO_RELEASE);
        return id;
    }

    /** A Chinese truck that imported goods and crossed into Vietnam: it must come back. */
    private static long abroad() {
        DeclarationDto cn = GATE.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.IMPORT, QuarantineKind.NONE));
        GATE.passAll(cn.crossingId());
        CrossingDto released = GATE.as("borderguard").release(cn.crossingId(), new GateActionRequest(null));
        assertThat(released.status()).as("fixture: released").isEqualTo(CrossingStatus.RELEASED);
        assertThat(released.returnDeadline())
                .as("fixture: the truck must come back")
                .isNotNull();
        return cn.crossingId();
    }

    private static Object userCount() {
        return GATE.as("admin").admin().users().size();
    }

    private static Object enterpriseCount() {
        return GATE.as("admin").enterprises().size();
    }

    private static StepDecisionRequest pass() {
        return new StepDecisionRequest(Outcome.PASS, null, null);
    }

    private static HoldReleaseRequest liftHold() {
        return new HoldReleaseRequest("checked again: fine", null);
    }

    private static NewUserRequest newUser() {
        return new NewUserRequest(
                "authz-" + unique().toLowerCase(),
                "a-long-enough-password",
                "Authorization matrix officer",
                Role.OFFICER,
                Agency.CUSTOMS,
                null,
                null);
    }

    private static NewEnterpriseRequest newEnterprise() {
        return new NewEnterpriseRequest(
                "AZ-" + unique(), "Authorization Matrix Trading Co., Ltd.", "VN", null, null, null);
    }

    private static Object newDeclaration() {
        return TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT);
    }

    private static WeighingRequest weighing() {
        return new WeighingRequest(new BigDecimal("38500"), "SCALE-1");
    }

    private static FeeRequest fee() {
        return new FeeRequest(FeeKind.INFRASTRUCTURE, new BigDecimal("250000"), null);
    }

    /** One read that denied corrections aim at; it must stay as the camera posted it. */
    private static final Supplier<Long> SHARED_READ = once(AuthorizationMatrixTest::freshRead);

    /** A camera read whose crop and snapshot are saved: what officers may download. */
    private static final Supplier<Long> PICTURED_READ =
            once(() -> CameraPasses.readWithPictures(GATE, TestGate.uniqueVietnamesePlate())
                    .id());

    private static long freshRead() {
        return GATE.as("camera").anpr().postPlateRead(plateRead()).id();
    }

    private static Call correction(long readId) {
        return new Call(
                "/api/plate-reads/" + readId + "/correction",
                new PlateCorrectionRequest(TestGate.uniqueVietnamesePlate(), null, null));
    }

    private static NewPlateReadRequest plateRead() {
        return new NewPlateReadRequest(CAMERA_CODE.get(), null, TestGate.uniqueVietnamesePlate(), 0.93, null);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** A value computed the first time it is needed, then kept. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }
}
