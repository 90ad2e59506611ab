package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.service.AuditLog;
import vn.bordergate.server.support.Await;
import vn.bordergate.server.support.TestGate;

/**
 * Many callers at once on a real database: every unit's write is there when its caller returns, and a
 * unit that fails (after writing) fails alone: its write is rolled back, the others' are kept.
 */
class GroupCommitTest {
    private final Transactions tx = TestGate.shared().server().services().tx;

    @Test
    void aFailingUnitFailsAloneAndEveryAnsweredWriteIsStored() throws Exception {
        GroupCommit writes = writes(2, 60_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return writes.write(session -> {
                        PlateReadEntity r = new PlateReadEntity();
                        r.setCameraCode("GC-TEST");
                        r.setReadAt(Instant.now());
                        r.setRawText(run + "-" + n);
                        r.setMatchStatus(MatchStatus.NEEDS_OFFICER);
                        session.persist(r);
                        if (n % 10 == 7) {
                            throw new IllegalArgumentException("unit " + n + " refused");
                        }
                        return r.getId();
                    });
                }));
            }
            start.countDown();
            for (int i = 0; i < callers; i++) {
                Future<Long> answer = answers.get(i);
                if (i % 10 == 7) {
                    assertThatThrownBy(answer::get).hasRootCauseMessage("unit " + i + " refused");
                } else {
                    long id = answer.get();
                    String text = tx.read(
                            session -> session.find(PlateReadEntity.class, id).getRawText());
                    assertThat(text).isEqualTo(run + "-" + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> stored = tx.read(session -> session.createSelectionQuery(
                        "select rawText from PlateReadEntity where rawText like :run", String.class)
                .setParameter("run", run + "-%")
                .getResultList());
        assertThat(stored).hasSize(callers - 4).noneMatch(text -> text.endsWith("7"));
    }

    @Test
    void aCallerWaitsForItsCommitOnlySoLongAndItsQueuedUnitIsWithdrawn() throws Exception {
        GroupCommit writes = writes(1, 2_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = pool.submit(() -> writes.write(session -> {
                writing.countDown();
                try {
                    release.await(); // the only writer is busy with this unit
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return persist(session, run + "-first");
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Long> second = pool.submit(() -> writes.write(session -> persist(session, run + "-second")));
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("busy");
            // the first caller gave up too, but its unit was already taken: it is still written, so not "busy"
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("unknown");
            release.countDown();
            long third = writes.write(session -> persist(session, run + "-third")); // after the first's commit
            assertThat(third).isPositive();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(storedOf(run)).containsExactlyInAnyOrder(run + "-first", run + "-third");
    }

    @Test
    void aWriterKilledByAnEscapingThrowableGivesItsSlotBack() {
        GroupCommit writes = writes(1, 5_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // a checked exception thrown sneakily passes every catch of RuntimeException and Error
        assertThatThrownBy(() -> writes.write(session -> {
                    persist(session, run + "-dies");
                    throw GroupCommitTest.<RuntimeException>sneaky(new IOException("disk gone"));
                }))
                .hasMessage("unknown");
        long after = writes.write(session -> persist(session, run + "-after"));
        assertThat(after).isPositive();
        assertThat(storedOf(run)).containsExactly(run + "-after");
    }

    @Test
    void anErrorInAUnitRollsItsTransactionBackSoTheAuditChainGoesOn() throws Exception {
        AuditLog audit = TestGate.shared().server().services().audit;
        Actor admin = new Actor(0, "admin", Role.ADMINISTRATOR, null, null, null);
        GroupCommit writes = writes(1, 30_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> writes.write(session -> {
                    audit.append(session, admin, "GROUP_COMMIT_TEST", "test", null, run + "-dies");
                    session.flush(); // its entry is written, so its transaction holds the chain's floor
                    throw new StackOverflowError("deep");
                }))
                .isInstanceOf(StackOverflowError.class);
        writes.write(session -> {
            audit.append(session, admin, "GROUP_COMMIT_TEST", "test", null, run + "-after");
            return null;
        });
        // an entry committed after the failed one is chained (not left pending behind a transaction never ended);
        // it may wait a moment for other transactions of the shared server (the demo day's) still open before it
        Await.until(
                () -> entriesOf(audit, run).stream().noneMatch(e -> e.hash().startsWith("pending")),
                "the entry committed after the failed unit stayed pending");
        assertThat(entriesOf(audit, run)).singleElement().satisfies(e -> assertThat(e.details())
                .isEqualTo(run + "-after"));
    }

    @Test
    void afterItsCommitABatchSeesItsWritesFromAnotherTransactionAndAFailingHookFailsNoUnit() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object> seenAfterCommit = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Object> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        GroupCommit writes = new GroupCommit(
                tx,
                "group-commit-hook-test",
                2,
                64,
                16,
                5_000,
                60_000,
                () -> new IllegalStateException("busy"),
                () -> new IllegalStateException("unknown"),
                results -> {
                    handed.addAll(results);
                    for (Object id : results) { // read in another transaction: only committed rows are found
                        if (tx.read(session -> session.find(PlateReadEntity.class, id)) != null) {
                            seenAfterCommit.add(id);
                        }
                    }
                    throw new IllegalStateException("the hook fails after the commit");
                });
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                answers.add(pool.submit(() -> writes.write(session -> persist(session, run + "-" + n))));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> answer : answers) {
                ids.add(answer.get(60, TimeUnit.SECONDS)); // answered although the hook threw
            }
            assertThat(handed).as("every written unit's result, once").containsExactlyInAnyOrderElementsOf(ids);
            assertThat(seenAfterCommit)
                    .as("each batch's rows were committed before its hook ran")
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(storedOf(run)).hasSize(callers);
        } finally {
            pool.shutdownNow();
            writes.close(10_000);
        }
    }

    private static List<AuditEntryDto> entriesOf(AuditLog audit, String run) {
        return audit.list(0, Integer.MAX_VALUE).stream()
                .filter(e -> e.details() != null && e.details().startsWith(run))
                .toList();
    }

    /** A group commit of the test's own: {@code writers} threads, callers answered within {@code answerMillis}. */
    private GroupCommit writes(int writers, long answerMillis) {
        return new GroupCommit(
                tx,
                "group-commit-test",
                writers,
                64,
                16,
                5_000,
                answerMillis,
                () -> new IllegalStateException("busy"),
                () -> new IllegalStateException("unknown"));
    }

    private static long persist(Session session, String text) {
        PlateReadEntity r = new PlateReadEntity();
        r.setCameraCode("GC-TEST");
        r.setReadAt(Instant.now());
        r.setRawText(text);
        r.setMatchStatus(MatchStatus.NEEDS_OFFICER);
        session.persist(r);
        return r.getId();
    }

    private List<String> storedOf(String run) {
        return tx.read(session -> session.createSelectionQuery(
                        "select rawText from PlateReadEntity where rawText like :run", String.class)
                .setParameter("run", run + "-%")
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
