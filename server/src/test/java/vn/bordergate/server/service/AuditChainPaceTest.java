package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * The chainer's passes after commits are paced: a burst of commits is linked by one pass (one commit of the chainer,
 * one log flush) that starts a pace ({@link AuditChain#PACE_MILLIS}; an hour here) after the last, not by a pass per commit, each with a
 * flush the declaration writers' commits would wait behind. The passes are run here by the test, so what is checked
 * is the delay each asks for, not a clock.
 */
class AuditChainPaceTest {
    private static final Actor CUSTOMS = new Actor(7, "customs", Role.OFFICER, Agency.CUSTOMS, "HN", null);

    @TempDir
    Path data;

    private record Asked(long delayNanos, Runnable pass) {}

    @Test
    void aBurstOfCommitsAfterAPassIsChainedByOnePassAPaceLater() throws Exception {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            Transactions tx = new Transactions(db.sessionFactory());
            AuditLog audit = new AuditLog(tx, Clock.systemUTC());
            List<Asked> asked = new ArrayList<>();
            audit.chain().passes = (delayNanos, pass) -> asked.add(new Asked(delayNanos, pass));
            audit.chain().paceNanos = TimeUnit.HOURS.toNanos(1); // longer than this test, however slow the machine

            append(tx, audit, "first"); // no pass for a while: the first runs at once
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0).delayNanos()).isZero();
            asked.get(0).pass().run();
            assertThat(pending(tx)).isZero();

            for (int i = 0; i < 20; i++) {
                append(tx, audit, "burst " + i);
            }
            // one pass asked for the twenty, a pace after the last one started
            assertThat(asked).hasSize(2);
            assertThat(asked.get(1).delayNanos())
                    .isGreaterThan(TimeUnit.MINUTES.toNanos(50))
                    .isLessThanOrEqualTo(TimeUnit.HOURS.toNanos(1));
            assertThat(pending(tx)).isEqualTo(20);
            asked.get(1).pass().run();
            assertThat(pending(tx)).isZero();
            assertThat(audit.verify().intact()).isTrue();
            assertThat(audit.verify().entriesChecked()).isEqualTo(21);
        }
    }

    @Test
    void aReaderOfTheLogDoesNotWaitForThePace() throws Exception {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            Transactions tx = new Transactions(db.sessionFactory());
            AuditLog audit = new AuditLog(tx, Clock.systemUTC());
            List<Asked> asked = new ArrayList<>();
            audit.chain().passes = (delayNanos, pass) -> asked.add(new Asked(delayNanos, pass));
            append(tx, audit, "first");
            asked.get(0).pass().run();
            append(tx, audit, "second, its pass not run yet");

            List<AuditEntryDto> entries = audit.list(-1, 10);
            assertThat(entries).hasSize(2);
            assertThat(entries).allSatisfy(e -> assertThat(e.hash()).doesNotStartWith(AuditChain.PENDING));
        }
    }

    private static long pending(Transactions tx) {
        return tx.read(session -> session.createSelectionQuery(
                        "select count(*) from AuditEntryEntity where hash like :pending", Long.class)
                .setParameter("pending", AuditChain.PENDING + "%")
                .getSingleResult());
    }

    private static void append(Transactions tx, AuditLog audit, String details) {
        tx.write(session -> {
            audit.append(session, CUSTOMS, "STEP_CONFIRM", "crossing", 1L, details);
            return null;
        });
    }
}
