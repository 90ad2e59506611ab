package vn.bordergate.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.service.ConcurrentChanges;
import vn.bordergate.server.service.GateException;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * A write that waits too long for a lock, or is picked as a deadlock's victim, changed nothing and may simply be
 * sent again: it is answered 503 with Retry-After, not 500 "failed unexpectedly". Derby's lock timeouts are
 * lowered on this test's own database (a database property, dynamic) so the waits take seconds, not a minute.
 */
class LockWaitTest {
    private static TestGate gate;
    private static Transactions tx;
    private static final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start(Clock.systemUTC());
        gate.server().awaitDemoDay(); // its writes would wait on this test's locks
        tx = gate.server().services().tx;
        setDatabaseProperty("derby.locks.waitTimeout", "2");
        setDatabaseProperty("derby.locks.deadlockTimeout", "1");
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        gate.close();
    }

    @Test
    void aWriteThatTimesOutWaitingForALockIsAnswered503AndChangedNothing() throws Exception {
        DeclarationDto declared = gate.declare();
        Logger mapper = (Logger) LoggerFactory.getLogger("vn.bordergate.server.web.ApiExceptionMapper");
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        mapper.addAppender(failures);
        GateApiException refused;
        long millis;
        try (TableLock lock = TableLock.hold(tx, "crossing", threads)) {
            long start = System.nanoTime();
            refused = catchThrowableOfType(
                    GateApiException.class, () -> gate.as("enterprise").cancelDeclaration(declared.id()));
            millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            mapper.detachAppender(failures);
        }
        assertThat(refused).as("cancelling while the crossing table is locked").isNotNull();
        assertThat(refused.status())
                .as("%s after %d ms", refused.getMessage(), millis)
                .isEqualTo(503);
        assertThat(refused.retryAfter()).isPresent();
        assertThat(refused.getMessage()).contains("this change was not saved; send it again");
        assertThat(failures.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        // nothing of it was saved: the trip is still declared, and can be cancelled now
        assertThat(gate.as("enterprise").declaration(declared.id()).status()).isEqualTo(CrossingStatus.DECLARED);
        assertThat(gate.as("enterprise").cancelDeclaration(declared.id()).status())
                .isEqualTo(CrossingStatus.CANCELLED);
    }

    /**
     * A camera's plate read that waits too long for the plate-read table gets the same 503, {@code Retry-After} and
     * body whether the filter in front of Jersey answered it (an ordinary camera request) or Jersey (an {@code Accept}
     * only Jersey takes): the filter copies the mapped answer's headers.
     */
    @Test
    void aPlateReadThatTimesOutWaitingForALockIsAnswered503OnBothRoutes() throws Exception {
        String camera = gate.as("admin").anpr().cameras().get(0).code();
        String token = gate.as("camera").token();
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        try (TableLock lock = TableLock.hold(tx, "plate_read", threads)) {
            for (String accept : List.of("application/json", "application/json;q=0.9")) {
                String body = "{\"cameraCode\":\"" + camera + "\",\"text\":\"" + TestGate.uniqueVietnamesePlate()
                        + "\",\"confidence\":0.9}";
                answers.add(http.send(
                        HttpRequest.newBuilder(gate.uri().resolve("/api/plate-reads"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", accept)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }
        HttpResponse<String> filter = answers.get(0);
        HttpResponse<String> jersey = answers.get(1);
        assertThat(filter.statusCode()).as(filter.body()).isEqualTo(503);
        assertThat(jersey.statusCode()).as(jersey.body()).isEqualTo(503);
        assertThat(filter.headers().firstValue("Retry-After"))
                .isPresent()
                .isEqualTo(jersey.headers().firstValue("Retry-After"));
        assertThat(filter.headers().firstValue("Content-Type"))
                .isEqualTo(jersey.headers().firstValue("Content-Type"));
        assertThat(filter.body()).isEqualTo(jersey.body()).contains("send it again");
    }

    /**
     * Hibernate logs every SQL failure itself (a WARN with the SQL state, then an ERROR): for a lock wait that
     * ConcurrentChanges answers 503 and logs once as a warning, those lines are filtered out (logback.xml's
     * LockWaitLogFilter), while a real SQL error, here a unique key broken, still logs at ERROR.
     */
    @Test
    void aLockWaitLeavesNoHibernateErrorInTheLogButARealSqlErrorDoes() throws Exception {
        DeclarationDto declared = gate.declare();
        Logger hibernate = (Logger) LoggerFactory.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");
        Logger translator = (Logger) LoggerFactory.getLogger(ConcurrentChanges.class);
        ListAppender<ILoggingEvent> sqlLog = new ListAppender<>();
        ListAppender<ILoggingEvent> translated = new ListAppender<>();
        sqlLog.start();
        translated.start();
        hibernate.addAppender(sqlLog);
        translator.addAppender(translated);
        try {
            try (TableLock lock = TableLock.hold(tx, "crossing", threads)) {
                GateApiException refused = catchThrowableOfType(
                        GateApiException.class, () -> gate.as("enterprise").cancelDeclaration(declared.id()));
                assertThat(refused)
                        .as("cancelling while the crossing table is locked")
                        .isNotNull();
                assertThat(refused.status()).as(refused.getMessage()).isEqualTo(503);
            }
            assertThat(translated.list)
                    .as("the lock wait, logged once by ConcurrentChanges")
                    .anySatisfy(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.WARN);
                        assertThat(e.getFormattedMessage()).containsAnyOf("40XL1", "40XL2", "40001");
                    });
            assertThat(sqlLog.list)
                    .as("Hibernate's own lines about the lock wait")
                    .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
                    .isEmpty();

            Throwable duplicate = catchThrowable(() -> tx.write(session -> session.createNativeMutationQuery(
                            "UPDATE user_account SET username = 'admin' WHERE username = 'customs'")
                    .executeUpdate()));
            assertThat(duplicate).as("a second account named admin").isNotNull();
            assertThat(sqlLog.list)
                    .as("Hibernate's lines about the broken unique key")
                    .anySatisfy(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.WARN);
                        assertThat(e.getFormattedMessage()).contains("SQLState: 23505");
                    })
                    .anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
        } finally {
            hibernate.detachAppender(sqlLog);
            translator.detachAppender(translated);
        }
        assertThat(gate.as("admin").admin().users())
                .filteredOn(u -> u.username().equals("customs"))
                .hasSize(1);
    }

    /** A read that timed out on a lock has nothing to save: it is told the server is busy, nothing of saving. */
    @Test
    void aReadThatTimesOutWaitingForALockIsAnswered503TryAgain() throws Exception {
        DeclarationDto declared = gate.declare();
        GateApiException refused;
        try (TableLock lock = TableLock.hold(tx, "crossing", threads)) {
            refused = catchThrowableOfType(
                    GateApiException.class, () -> gate.as("enterprise").declaration(declared.id()));
        }
        assertThat(refused).as("reading while the crossing table is locked").isNotNull();
        assertThat(refused.status()).as(refused.getMessage()).isEqualTo(503);
        assertThat(refused.retryAfter()).isPresent();
        assertThat(refused.getMessage()).contains("busy").contains("try again").doesNotContain("saved");
    }

    @Test
    void theVictimOfADeadlockIsTold503() throws Exception {
        long one = gate.declare().crossingId();
        long other = gate.declare().crossingId();
        // two writes changing the same two crossings in opposite orders: Derby rolls one of them back
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        // the survivor's own lock wait must outlast the victim's detection (1 s) and rollback on a starved host:
        // with the class's 2 s both could time out
        setDatabaseProperty("derby.locks.waitTimeout", "30");
        Object a;
        Object b;
        try {
            CompletableFuture<Object> first =
                    CompletableFuture.supplyAsync(() -> touchBoth(one, other, bothHoldOne), threads);
            CompletableFuture<Object> second =
                    CompletableFuture.supplyAsync(() -> touchBoth(other, one, bothHoldOne), threads);
            a = first.handle((ok, e) -> ok != null ? ok : e.getCause()).get(60, TimeUnit.SECONDS);
            b = second.handle((ok, e) -> ok != null ? ok : e.getCause()).get(60, TimeUnit.SECONDS);
        } finally {
            setDatabaseProperty("derby.locks.waitTimeout", "2");
        }
        assertThat(List.of(a, b)).as("one committed, one the deadlock's victim").containsOnlyOnce("committed");
        Object victim = "committed".equals(a) ? b : a;
        assertThat(victim).isInstanceOfSatisfying(GateException.class, e -> {
            assertThat(e.kind()).isEqualTo(GateException.Kind.UNAVAILABLE);
            assertThat(e.retryAfter()).isNotNull();
        });
    }

    /**
     * The arrival written at check-in timed out on a lock: that is no refusal the officers settle later, so the
     * check-in is not written either and the kiosk is told 503 (the driver tries again), instead of a queue
     * ticket for a truck whose arrival was never recorded. Step writes wait on a share lock on crossing_step,
     * while reads go on and the check-in itself (kiosk_check_in, crossing, audit_entry) could be written.
     */
    @Test
    void aCheckInWhoseArrivalTimesOutOnALockIsAnswered503AndNotWritten() throws Exception {
        DeclarationDto declared = gate.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT));
        gate.pass(declared.crossingId(), Step.DECLARATION);
        GateClient kiosk = gate.as("kiosk");
        GateApiException refused;
        try (TableLock lock = TableLock.holdShared(tx, "crossing_step", threads)) {
            refused = catchThrowableOfType(
                    GateApiException.class, () -> kiosk.kiosk().checkIn(declared.crossingId()));
        }
        assertThat(refused).as("checking in while step writes wait for a lock").isNotNull();
        assertThat(refused.status()).as(refused.getMessage()).isEqualTo(503);
        assertThat(kiosk.kiosk().crossing(declared.crossingId()).queue())
                .as("queue place of a check-in answered 503")
                .isNull();
        assertThat(stepState(declared.crossingId(), Step.TRANSPORT)).isEqualTo(StepState.PENDING);
        // sent again once the lock is gone: arrival and check-in are both written
        assertThat(kiosk.kiosk().checkIn(declared.crossingId()).queue()).isNotNull();
        assertThat(stepState(declared.crossingId(), Step.TRANSPORT)).isEqualTo(StepState.PASSED);
    }

    private static StepState stepState(long crossingId, Step step) {
        return gate.as("customs").crossing(crossingId).steps().stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .state();
    }

    /** Through the server's own transactions (and their translation of failures), as a service writes. */
    private static Object touchBoth(long firstCrossing, long secondCrossing, CyclicBarrier bothHoldOne) {
        return tx.write(session -> {
            session.doWork(c -> {
                try (var update = c.prepareStatement("UPDATE crossing SET updated_at = updated_at WHERE id = ?")) {
                    update.setLong(1, firstCrossing);
                    update.executeUpdate();
                    bothHoldOne.await(30, TimeUnit.SECONDS);
                    update.setLong(1, secondCrossing);
                    update.executeUpdate();
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException(e);
                }
            });
            return "committed";
        });
    }

    private static void setDatabaseProperty(String name, String value) {
        tx.write(session -> {
            session.doWork(c -> {
                try (var call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
                    call.setString(1, name);
                    call.setString(2, value);
                    call.execute();
                }
            });
            return null;
        });
    }
}
