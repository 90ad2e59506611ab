package vn.bordergate.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.service.GateException;
import vn.bordergate.server.support.TestGate;

/**
 * A write that waits too long for a lock, or is picked as a deadlock's victim, changed nothing and may simply be
 * sent again: it is answered 503 with Retry-After, not 500 "failed unexpectedly". Derby's lock timeouts are
 * lowered on this test's own database (a database property, dynamic) so the waits take seconds, not a minute.
 */
class LockWaitTest {
    private static TestGate gate;
    private static Transactions tx;
    private final ExecutorService threads = Executors.newCachedThreadPool();

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
        gate.close();
    }

    @Test
    void aWriteThatTimesOutWaitingForALockIsAnswered503AndChangedNothing() throws Exception {
        DeclarationDto declared = gate.declare();
        Logger mapper = (Logger) LoggerFactory.getLogger("vn.bordergate.server.web.ApiExceptionMapper");
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        mapper.addAppender(failures);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> lock = CompletableFuture.runAsync(
                () -> tx.write(session -> {
                    session.doWork(c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("LOCK TABLE crossing IN EXCLUSIVE MODE");
                        }
                    });
                    locked.countDown();
                    await(release);
                    return null;
                }),
                threads);
        GateApiException refused;
        long millis;
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            refused = catchThrowableOfType(
                    GateApiException.class, () -> gate.as("enterprise").cancelDeclaration(declared.id()));
            millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            release.countDown();
            lock.get(30, TimeUnit.SECONDS);
            mapper.detachAppender(failures);
        }
        assertThat(refused).as("cancelling while the crossing table is locked").isNotNull();
        assertThat(refused.status())
                .as("%s after %d ms", refused.getMessage(), millis)
                .isEqualTo(503);
        assertThat(refused.retryAfter()).isPresent();
        assertThat(refused.getMessage()).contains("nothing was saved");
        assertThat(failures.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        // nothing of it was saved: the trip is still declared, and can be cancelled now
        assertThat(gate.as("enterprise").declaration(declared.id()).status()).isEqualTo(CrossingStatus.DECLARED);
        assertThat(gate.as("enterprise").cancelDeclaration(declared.id()).status())
                .isEqualTo(CrossingStatus.CANCELLED);
    }

    @Test
    void theVictimOfADeadlockIsTold503() throws Exception {
        long one = gate.declare().crossingId();
        long other = gate.declare().crossingId();
        // two writes changing the same two crossings in opposite orders: Derby rolls one of them back
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        CompletableFuture<Object> first =
                CompletableFuture.supplyAsync(() -> touchBoth(one, other, bothHoldOne), threads);
        CompletableFuture<Object> second =
                CompletableFuture.supplyAsync(() -> touchBoth(other, one, bothHoldOne), threads);
        Object a = first.handle((ok, e) -> ok != null ? ok : e.getCause()).get(30, TimeUnit.SECONDS);
        Object b = second.handle((ok, e) -> ok != null ? ok : e.getCause()).get(30, TimeUnit.SECONDS);
        assertThat(List.of(a, b)).as("one committed, one the deadlock's victim").containsOnlyOnce("committed");
        Object victim = "committed".equals(a) ? b : a;
        assertThat(victim).isInstanceOfSatisfying(GateException.class, e -> {
            assertThat(e.kind()).isEqualTo(GateException.Kind.UNAVAILABLE);
            assertThat(e.retryAfter()).isNotNull();
        });
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
