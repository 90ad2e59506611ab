package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.hibernate.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TestGate;

/**
 * The matcher's check of the close crossings (8 ids a statement, as for most plate reads): the HQL query it ran
 * until branch readpath against {@link StillExpected}'s plain JDBC statement, on the same crossings, rounds
 * alternated in one JVM and timed by the thread's own CPU time (so other processes on the machine count less).
 *
 * <pre>
 * mvn -B -o -Pbench -pl server -am verify -Dtest=StillExpectedBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
class StillExpectedBenchmark {
    private static final int IDS = 8;
    private static final int CHECKS = 3_000;
    private static final String HQL = "select id, tractorPlate, trailerPlate from CrossingEntity where status in"
            + " (:s0, :s1, :s2, :s3, :s4) and expectedArrival between :from and :to and id in"
            + " (:i0, :i1, :i2, :i3, :i4, :i5, :i6, :i7)";

    private final TestGate gate = TestGate.shared();

    @Test
    void jdbcAgainstHql() throws Exception {
        List<Long> crossings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            crossings.add(gate.as("enterprise")
                    .submitDeclaration(TestGate.declaration(
                            TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT))
                    .crossingId());
        }
        Random random = new Random(8);
        List<List<Long>> asks = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < IDS; k++) {
                ids.add(crossings.get(random.nextInt(crossings.size())));
            }
            asks.add(ids);
        }
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofHours(36));
        Instant to = now.plus(Duration.ofHours(36));
        StillExpected jdbc = new StillExpected(PlateMatcher.EXPECTED, IDS);
        Transactions tx = gate.server().services().tx;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder report = new StringBuilder("check of 8 close crossings, CPU µs per check (thread CPU time):\n");
        long[] sums = new long[2];
        for (int round = 0; round < 8; round++) { // rounds 0 and 1 warm up
            for (int kind = 0; kind < 2; kind++) {
                BiFunction<Session, List<Long>, List<?>> check = kind == 0
                        ? (session, ids) -> hql(session, ids, from, to)
                        : (session, ids) -> jdbc.rows(session, ids, from, to);
                long cpu0 = threads.getCurrentThreadCpuTime();
                long rows = tx.read(session -> {
                    long n = 0;
                    for (List<Long> ids : asks) {
                        n += check.apply(session, ids).size();
                    }
                    return n;
                });
                long micros = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000 / CHECKS;
                assertThat(rows).isPositive();
                report.append(String.format(
                        "round %d %-4s %4d µs (%d rows)%n", round, kind == 0 ? "HQL" : "JDBC", micros, rows));
                if (round >= 2) {
                    sums[kind] += micros;
                }
            }
        }
        report.append(String.format("mean of rounds 2-7: HQL %d µs, JDBC %d µs%n", sums[0] / 6, sums[1] / 6));
        // both give the same crossings with the same plates
        for (List<Long> ids : asks.subList(0, 100)) {
            List<String> a = tx.read(session -> flat(hql(session, ids, from, to)));
            List<String> b = tx.read(session -> flat(jdbc.rows(session, ids, from, to).stream()
                    .map(c -> new Object[] {c.id(), c.tractor(), c.trailer()})
                    .toList()));
            assertThat(b).isEqualTo(a);
        }
        System.out.print(report);
        Path out = Path.of("target", "bench", "still-expected.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static List<Object[]> hql(Session session, List<Long> ids, Instant from, Instant to) {
        var query = session.createSelectionQuery(HQL, Object[].class)
                .setParameter("from", from)
                .setParameter("to", to);
        for (int i = 0; i < PlateMatcher.EXPECTED.size(); i++) {
            query.setParameter("s" + i, PlateMatcher.EXPECTED.get(i));
        }
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter("i" + i, ids.get(i));
        }
        return query.getResultList();
    }

    private static List<String> flat(List<Object[]> rows) {
        return rows.stream()
                .map(r -> r[0] + "|" + r[1] + "|" + r[2])
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
