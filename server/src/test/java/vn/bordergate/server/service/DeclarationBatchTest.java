package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.metrics.StageTimes;
import vn.bordergate.server.persistence.BatchWriter;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * Declarations written together in one transaction, over real HTTP into real Derby. To put submissions in
 * one batch for certain, both declaration writers are first kept busy, each with one declaration held on a
 * table lock, while the submissions queue up; released, one writer takes them all at once.
 */
class DeclarationBatchTest {
    private final TestGate gate = TestGate.shared();
    private final Transactions tx = gate.server().services().tx;
    private final DeclarationService declarations = gate.server().services().declarations;
    private final BatchWriter<Submission, DeclarationDto> writer = declarations.batches();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    /** One client for all calls, patient: a plug's answer waits until every submission has queued. */
    private final GateClient enterprise = new GateClient(gate.uri(), null, Duration.ofSeconds(60))
            .withToken(gate.as("enterprise").token());

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aSecondDeclarationOfTheSameVehicleInOneBatchIsRefusedAsIfItCameLater() throws Exception {
        String plate = TestGate.uniqueVietnamesePlate();
        long replayed = declarations.batchesReplayed();
        List<CompletableFuture<DeclarationDto>> answers = inOneBatch(List.of(
                new Call(request(plate), null),
                new Call(request(TestGate.uniqueVietnamesePlate()), null),
                new Call(request(plate), null),
                new Call(request(TestGate.uniqueVietnamesePlate()), null)));

        List<DeclarationDto> written = new ArrayList<>();
        List<GateApiException> refused = new ArrayList<>();
        for (int i : new int[] {0, 2}) {
            try {
                written.add(answers.get(i).get());
            } catch (ExecutionException e) {
                refused.add((GateApiException) e.getCause());
            }
        }
        assertThat(written).hasSize(1);
        assertThat(refused).hasSize(1);
        assertThat(answers.get(1).get().id()).isPositive();
        assertThat(answers.get(3).get().id()).isPositive();
        GateApiException later = catchThrowableOfType(() -> submit(request(plate), null), GateApiException.class);
        assertThat(refused.get(0).status()).isEqualTo(409).isEqualTo(later.status());
        assertThat(refused.get(0).error().message())
                .isEqualTo(later.error().message())
                .contains(written.get(0).code());
        // decided inside the batch, not by the database refusing the batch and each being written alone
        assertThat(declarations.batchesReplayed()).isEqualTo(replayed);
    }

    @Test
    void eachStageOfABatchIsTimedAndCountedInTheMetrics() throws Exception {
        Map<String, StageTimes> stages =
                declarations.stages().stream().collect(Collectors.toMap(StageTimes::stage, s -> s));
        Map<String, Long> before = new HashMap<>();
        stages.forEach((name, stage) -> before.put(name, stage.count()));
        StageTimes size = stages.get("declaration-size");
        long threeOrFourBefore = size.countUpTo(2) - size.countUpTo(1);

        List<CompletableFuture<DeclarationDto>> answers = inOneBatch(List.of(
                new Call(request(TestGate.uniqueVietnamesePlate()), null),
                new Call(request(TestGate.uniqueVietnamesePlate()), null),
                new Call(request(TestGate.uniqueVietnamesePlate()), null),
                new Call(request(TestGate.uniqueVietnamesePlate()), null)));
        for (CompletableFuture<DeclarationDto> answer : answers) {
            assertThat(answer.get().id()).isPositive();
        }

        // the four, each from its check on the request thread to its answer (counted once the writer answered it,
        // which may be just after the client read it)
        await(
                () -> stages.get("declaration-answered").count() - before.get("declaration-answered") >= 4
                        && stages.get("declaration-answering").count() > before.get("declaration-answering"),
                "the answers were never counted");
        for (String each : List.of("declaration-checked", "declaration-queued", "declaration-answered")) {
            assertThat(stages.get(each).count() - before.get(each)).as(each).isGreaterThanOrEqualTo(4);
        }
        // their batch (of four: its size counted between 2 and 4), and the plugs' batches ahead of it
        assertThat(size.countUpTo(2) - size.countUpTo(1) - threeOrFourBefore).isEqualTo(1);
        for (String each : List.of(
                "declaration-written",
                "declaration-answering",
                "declaration-statements",
                "declaration-commit",
                "declaration-matcher")) {
            assertThat(stages.get(each).count() - before.get(each)).as(each).isGreaterThanOrEqualTo(2);
        }
        assertThat(gate.as("supervisor").send("GET", "/api/metrics", null).body())
                .containsPattern("gate_declaration_stage_total\\{stage=\"declaration-answered\",unit=\"us\","
                        + "upto=\"\\+Inf\",?} [1-9]")
                .contains("gate_declaration_stage_total{stage=\"declaration-commit\",unit=\"us\",upto=\"4096\"");
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheFirstAnswerInsideABatchAndAcrossBatches() throws Exception {
        String key = "batch-" + UUID.randomUUID();
        long replayed = declarations.batchesReplayed();
        DeclarationRequest first = request(TestGate.uniqueVietnamesePlate());
        List<CompletableFuture<DeclarationDto>> answers = inOneBatch(List.of(
                new Call(first, key), new Call(request(TestGate.uniqueVietnamesePlate()), null), new Call(first, key)));
        DeclarationDto answer = answers.get(0).get();
        assertThat(answers.get(2).get()).isEqualTo(answer);
        assertThat(answers.get(1).get().id()).isNotEqualTo(answer.id());

        // a later batch: the stored answer again, next to a new declaration with its own key
        String other = "batch-" + UUID.randomUUID();
        List<CompletableFuture<DeclarationDto>> again = inOneBatch(List.of(
                new Call(request(TestGate.uniqueVietnamesePlate()), other),
                new Call(first, key),
                new Call(request(TestGate.uniqueVietnamesePlate()), other)));
        assertThat(again.get(1).get()).isEqualTo(answer);
        assertThat(again.get(2).get()).isEqualTo(again.get(0).get());
        assertThat(submit(first, key)).isEqualTo(answer);
        assertThat(gate.as("enterprise").declarations(null, 500).stream()
                        .filter(d -> d.tractorPlate().equals(answer.tractorPlate())))
                .hasSize(1);
        assertThat(declarations.batchesReplayed()).isEqualTo(replayed);
    }

    @Test
    void aSubmissionThatFailsTheSharedTransactionFailsAloneAndTheOthersAreWritten() throws Exception {
        // passes every check of the service, refused only by the database when its goods line is inserted
        String refusedText =
                "refused by the database " + UUID.randomUUID().toString().substring(0, 8);
        gate.execute(
                "ALTER TABLE goods_line ADD CONSTRAINT ck_batch_test CHECK (description <> '" + refusedText + "')");
        try {
            String badPlate = TestGate.uniqueVietnamesePlate();
            DeclarationRequest bad = withGoodsDescription(request(badPlate), refusedText);
            long replayed = declarations.batchesReplayed();
            List<CompletableFuture<DeclarationDto>> answers = inOneBatch(List.of(
                    new Call(request(TestGate.uniqueVietnamesePlate()), null),
                    new Call(bad, null),
                    new Call(request(TestGate.uniqueVietnamesePlate()), "batch-" + UUID.randomUUID()),
                    new Call(request(TestGate.uniqueVietnamesePlate()), null)));

            ExecutionException failed =
                    catchThrowableOfType(() -> answers.get(1).get(), ExecutionException.class);
            GateApiException refusal = (GateApiException) failed.getCause();
            assertThat(refusal.status()).isGreaterThanOrEqualTo(400);
            assertThat(refusal.error().message()).doesNotContain("Exception", "\tat ");
            for (int i : new int[] {0, 2, 3}) {
                DeclarationDto written = answers.get(i).get();
                DeclarationDto stored = gate.as("enterprise").declaration(written.id());
                assertThat(stored.code()).isEqualTo(written.code());
                assertThat(stored.crossingId()).isEqualTo(written.crossingId());
            }
            assertThat(declarations.batchesReplayed()).isEqualTo(replayed + 1); // the shared transaction failed
            // and an operator sees it in the metrics
            assertThat(gate.as("supervisor").send("GET", "/api/metrics", null).body())
                    .containsPattern("gate_declaration_batches_replayed_total " + (replayed + 1) + "\\.0");
            assertThat(gate.as("enterprise").declarations(null, 500).stream()
                            .filter(d -> d.tractorPlate().equals(bad.tractorPlate())))
                    .isEmpty();
        } finally {
            gate.execute("ALTER TABLE goods_line DROP CONSTRAINT ck_batch_test");
        }
    }

    @Test
    void theAuditChainHoldsEveryBatchedDeclarationAndStillVerifies() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(new Call(request(TestGate.uniqueVietnamesePlate()), null));
        }
        List<Long> ids = new ArrayList<>();
        for (CompletableFuture<DeclarationDto> answer : inOneBatch(calls)) {
            ids.add(answer.get().id());
        }
        var verification = gate.as("admin").admin().verifyAudit();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        long last = 0;
        List<AuditEntryDto> entries = new ArrayList<>();
        for (List<AuditEntryDto> page = gate.as("admin").admin().audit(last, 1000);
                !page.isEmpty();
                page = gate.as("admin").admin().audit(last, 1000)) {
            entries.addAll(page);
            last = page.get(page.size() - 1).id();
        }
        for (long id : ids) {
            assertThat(entries.stream()
                            .filter(e -> e.action().equals("DECLARATION_SUBMITTED")
                                    && e.entityId().equals(String.valueOf(id))))
                    .hasSize(1)
                    .allSatisfy(e -> assertThat(e.hash()).doesNotStartWith("pending"));
        }
    }

    @Test
    void aResentSubmissionWhoseFirstTryIsStillBeingWrittenGetsTheFirstAnswerNotItsOwnOpenTrip() throws Exception {
        String key = "resent-" + UUID.randomUUID();
        DeclarationRequest request = request(TestGate.uniqueVietnamesePlate());
        gate.server().awaitDemoDay(); // the demo day's own declarations would share the writers
        submit(request(TestGate.uniqueVietnamesePlate()), null);
        await(() -> writer.writing() == 0 && writer.queued() == 0, "the declaration writers never became idle");
        CompletableFuture<DeclarationDto> first;
        CompletableFuture<DeclarationDto> resent;
        // every declaration waits before its commit while audit_entry is locked
        try (TableLock lock = TableLock.hold(tx, "audit_entry", clients)) {
            // the first try: its crossing is inserted, its audit entry (and so its commit and key) waits
            first = CompletableFuture.supplyAsync(() -> submit(request, key), clients);
            await(this::aDeclarationWaitsForTheAuditLock, "the first try never waited for the audit lock");
            // the caller gave up and sends it again: the other writer reads the same vehicle and waits for it
            resent = CompletableFuture.supplyAsync(() -> submit(request, key), clients);
            // both writers busy, and one of them waits for a row the first try wrote (its crossing or vehicle)
            await(
                    () -> writer.writing() == 2 && anotherTransactionWaitsForItsRows(),
                    "the resent submission never waited for the first try's rows");
        }
        DeclarationDto answer = first.get(60, TimeUnit.SECONDS);
        assertThat(resent.handle((dto, e) -> dto != null ? dto : e.getCause().getMessage())
                        .get(60, TimeUnit.SECONDS))
                .isEqualTo(answer);
    }

    /**
     * A transaction that wrote a crossing waits for the audit table: a declaration held before its commit. Other
     * transactions may wait for the audit table too (the audit chainer after the previous commit), so a bare count
     * of waits would not say whose they are.
     */
    private boolean aDeclarationWaitsForTheAuditLock() {
        return declarationsHeldByTheAuditLock() > 0;
    }

    /**
     * Declaration batches that cannot commit while the audit table is locked: those waiting for it, and one waiting
     * for their rows. When Derby's statistics of the crossing table are older than the test's rows (they are refreshed
     * every minute), it reads the open trips by a table scan, so the second batch waits for the first's crossing
     * before it reaches the audit table: held as surely, but not by the audit table.
     */
    private long batchesHeld() {
        return declarationsHeldByTheAuditLock() + (anotherTransactionWaitsForItsRows() ? 1 : 0);
    }

    /** Transactions that wrote a crossing and wait for the audit table: declaration batches held before their commit. */
    private long declarationsHeldByTheAuditLock() {
        return lockTableCount("SELECT COUNT(DISTINCT w.XID) FROM SYSCS_DIAG.LOCK_TABLE w WHERE w.STATE = 'WAIT'"
                + " AND w.TABLENAME = 'AUDIT_ENTRY' AND EXISTS (SELECT 1 FROM SYSCS_DIAG.LOCK_TABLE g"
                + " WHERE g.XID = w.XID AND g.STATE = 'GRANT' AND g.TABLENAME = 'CROSSING'"
                + " AND g.TYPE = 'ROW' AND g.MODE = 'X')");
    }

    /**
     * A transaction other than those waiting for the audit table waits for a lock: which table depends on the plan
     * Derby chose for the open-trips read (the first try's crossing, or the vehicle it inserted).
     */
    private boolean anotherTransactionWaitsForItsRows() {
        return lockTableCount("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE w WHERE w.STATE = 'WAIT'"
                        + " AND w.TABLENAME <> 'AUDIT_ENTRY' AND w.XID NOT IN (SELECT a.XID FROM"
                        + " SYSCS_DIAG.LOCK_TABLE a WHERE a.STATE = 'WAIT' AND a.TABLENAME = 'AUDIT_ENTRY')")
                > 0;
    }

    private long lockTableCount(String sql) {
        return tx.read(session -> session.doReturningWork(c -> {
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Derby's lock table as text, for a failure message. */
    private String lockTable() {
        try {
            return tx.read(session -> session.doReturningWork(c -> {
                StringBuilder rows = new StringBuilder("\nlocks:");
                try (Statement s = c.createStatement();
                        var rs = s.executeQuery("SELECT XID, TYPE, MODE, TABLENAME, STATE, LOCKNAME"
                                + " FROM SYSCS_DIAG.LOCK_TABLE ORDER BY XID")) {
                    while (rs.next()) {
                        rows.append("\n    ");
                        for (int i = 1; i <= 6; i++) {
                            rows.append(rs.getString(i)).append(' ');
                        }
                    }
                }
                return rows.toString();
            }));
        } catch (RuntimeException e) {
            return "\nlocks: not read (" + e + ")";
        }
    }

    private DeclarationDto submit(DeclarationRequest request, String key) {
        return enterprise.submitDeclaration(request, key);
    }

    private static DeclarationRequest request(String plate) {
        return TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT);
    }

    private static DeclarationRequest withGoodsDescription(DeclarationRequest r, String description) {
        GoodsLineDto g = r.goods().get(0);
        return new DeclarationRequest(
                r.enterpriseId(),
                r.direction(),
                r.tractorPlate(),
                r.trailerPlate(),
                r.vehicleType(),
                r.driver(),
                List.of(new GoodsLineDto(
                        g.hsCode(), description, g.quantity(), g.unit(), g.grossWeightKg(), g.quarantine())),
                r.expectedArrival(),
                r.twoWayTransport(),
                r.medical());
    }

    /** A declaration sent with an Idempotency-Key (null: none). */
    private record Call(DeclarationRequest request, String key) {
        /** The submission the server made of this call (matched by plate and key, as the request is re-read). */
        boolean is(Submission s) {
            return s.request().tractorPlate().equals(request.tractorPlate()) && Objects.equals(s.idempotencyKey(), key);
        }
    }

    /**
     * Sends the calls so that their submissions are written in one batch: a table lock holds both writers, each
     * in a batch of its own plug declaration (it can't commit before its audit entry is inserted), until every
     * call's submission waits in the queue at once; released, the first writer free takes them all in one
     * drain. Checked by which submissions wait, not by how many: a plug still on its way (a slow client thread)
     * would otherwise count as a call, and the call after it would be left to the other writer, alone.
     */
    private List<CompletableFuture<DeclarationDto>> inOneBatch(List<Call> calls) throws Exception {
        // well under a batch (64 declarations), so one drain takes them all and any plug queued ahead of them
        assertThat(calls).hasSizeLessThanOrEqualTo(32);
        gate.server().awaitDemoDay(); // the demo day's own declarations would share the queue
        submit(request(TestGate.uniqueVietnamesePlate()), null); // statements compiled before the clock runs
        await(() -> writer.writing() == 0 && writer.queued() == 0, "the declaration writers never became idle");
        List<CompletableFuture<DeclarationDto>> plugs = new ArrayList<>();
        List<CompletableFuture<DeclarationDto>> answers = new ArrayList<>();
        try (TableLock lock = TableLock.hold(tx, "audit_entry", clients)) {
            // one plug at a time, each seen held by the lock before the next is sent; two that queued together
            // share a batch (one held transaction), so plug until two batches are held
            for (long held = batchesHeld(); held < 2; held = batchesHeld()) {
                assertThat(plugs).as("plugs").hasSizeLessThan(6);
                CompletableFuture<DeclarationDto> plug = CompletableFuture.supplyAsync(
                        () -> submit(request(TestGate.uniqueVietnamesePlate()), null), clients);
                plugs.add(plug);
                long before = held;
                await(
                        () -> plug.isDone() || batchesHeld() > before,
                        "no writer was held with plug " + plugs.size() + " (writing " + writer.writing() + ", queued "
                                + writer.queued() + ", plugs " + states(plugs) + ")");
            }
            for (Call call : calls) {
                answers.add(CompletableFuture.supplyAsync(() -> submit(call.request(), call.key()), clients));
            }
            await(
                    () -> allWaiting(calls, writer.queuedItems()),
                    "the submissions never all waited in the queue (queued " + writer.queued() + ", writing "
                            + writer.writing() + ", answers " + states(answers) + ", plugs " + states(plugs) + ")");
        }
        for (CompletableFuture<DeclarationDto> plug : plugs) {
            // a plug is written; on a crowded machine its caller may have given up first (503 after 30 s)
            assertThat(plug.handle((answer, e) -> answer != null
                                    || e.getCause() instanceof GateApiException busy && busy.status() == 503)
                            .get(60, TimeUnit.SECONDS))
                    .isTrue();
        }
        return answers;
    }

    /** Every call's submission is among those waiting (a call sent twice: twice). */
    private static boolean allWaiting(List<Call> calls, List<Submission> waiting) {
        List<Submission> left = new ArrayList<>(waiting);
        for (Call call : calls) {
            Optional<Submission> found = left.stream().filter(call::is).findFirst();
            if (found.isEmpty()) {
                return false;
            }
            left.remove(found.get());
        }
        return true;
    }

    private static List<String> states(List<CompletableFuture<DeclarationDto>> calls) {
        return calls.stream()
                .map(f -> !f.isDone()
                        ? "waiting"
                        : f.isCompletedExceptionally()
                                ? "failed: "
                                        + f.handle((v, e) -> e.getMessage()).join()
                                : "answered " + f.join().id())
                .toList();
    }

    private void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder threads = new StringBuilder();
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    // request threads only while they serve a request: idle ones would bury the rest of the output
                    boolean serving =
                            Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("vn.bordergate"));
                    if (t.getName().startsWith("declaration") || (t.getName().startsWith("qtp") && serving)) {
                        threads.append("\n").append(t.getName()).append(" ").append(t.getState());
                        for (int i = 0; i < Math.min(stack.length, 12); i++) {
                            threads.append("\n    ").append(stack[i]);
                        }
                    }
                });
                throw new AssertionError(failure + lockTable() + threads);
            }
            Thread.sleep(10);
        }
    }
}
