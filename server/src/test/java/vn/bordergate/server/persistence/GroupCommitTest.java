package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.server.support.TestGate;

/**
 * Many callers at once on a real database: every unit's write is there when its caller returns, and a
 * unit that fails (after writing) fails alone: its write is rolled back, the others' are kept.
 */
class GroupCommitTest {
    private final Transactions tx = TestGate.shared().server().services().tx;

    @Test
    void aFailingUnitFailsAloneAndEveryAnsweredWriteIsStored() throws Exception {
        GroupCommit writes =
                new GroupCommit(tx, "group-commit-test", 2, 64, 16, 5_000, () -> new IllegalStateException("busy"));
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
}
