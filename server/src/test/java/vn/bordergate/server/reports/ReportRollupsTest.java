package vn.bordergate.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.dto.ReportShift;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.documents.DocumentTemplates;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.Transactions;

/**
 * Every report over days that are rolled up gives exactly the lines it gives from the raw rows: a week of
 * crossings ({@link YearOfCrossings}: holds lifted hours later, declarations decided the day before the
 * truck comes, steps decided after midnight for trucks that arrived the evening before, rejections),
 * reports for single days, shifts and several days, before any roll-up, with the first days rolled up and
 * the rest raw, and with every day rolled up.
 */
class ReportRollupsTest {
    private static final LocalDate FIRST = YearOfCrossings.FIRST_DAY;

    @TempDir
    static Path dir;

    private static GateDatabase database;
    private static Transactions tx;
    private static Reports reports;

    @BeforeAll
    static void writeAWeek() {
        database = GateDatabase.openEmbedded(dir);
        tx = new Transactions(database.sessionFactory());
        reports = new Reports(tx, new DocumentRenderer(new DocumentTemplates()), Clock.systemUTC());
        try (var session = database.sessionFactory().openSession()) {
            session.doWork(c -> new YearOfCrossings().write(c, 2_500, 6));
        }
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void rolledUpDaysGiveTheSameReportsAsTheRawRows() {
        assertThat(count("SELECT COUNT(*) FROM crossing c JOIN crossing_step s ON s.crossing_id = c.id"
                        + " WHERE s.state = 'PASSED' AND s.step <> 'DECLARATION' AND"
                        + " CAST({fn TIMESTAMPADD(SQL_TSI_HOUR, 7, s.decided_at)} AS DATE)"
                        + " > CAST({fn TIMESTAMPADD(SQL_TSI_HOUR, 7, c.arrived_at)} AS DATE)"))
                .as("steps decided on a later day than their truck arrived")
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM step_confirmation WHERE action = 'HOLD'"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM step_confirmation WHERE action = 'REJECT' AND step <> 'DECLARATION'"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM step_confirmation WHERE action = 'REJECT' AND step = 'DECLARATION'"))
                .isPositive();

        Map<String, List<ReportLine>> raw = everyReport();
        assertThat(count("SELECT COUNT(*) FROM report_rollup_day")).isZero();
        assertThat(raw.get("THROUGHPUT all days ALL").stream().filter(l -> "D".equals(l.kind())))
                .as("a week of data")
                .hasSizeGreaterThan(24 + 5);

        // from the first declarations (the days before the trucks) to the second day of trucks rolled up
        assertThat(rollUpUntil(FIRST.plusDays(2))).isGreaterThanOrEqualTo(3);
        assertThat(lastRolledUp()).isEqualTo(FIRST.plusDays(2));
        assertThat(count("SELECT COUNT(*) FROM report_rollup")).isPositive();
        assertSame(raw, everyReport());

        assertThat(rollUpUntil(FIRST.plusDays(8))).isEqualTo(6);
        assertThat(lastRolledUp()).isEqualTo(FIRST.plusDays(8));
        assertSame(raw, everyReport());
    }

    private static void assertSame(Map<String, List<ReportLine>> raw, Map<String, List<ReportLine>> rolledUp) {
        raw.forEach((name, lines) -> assertThat(rolledUp.get(name)).as(name).containsExactlyElementsOf(lines));
    }

    /** Rolls up every day up to and including {@code last}, as the server does once it is over. */
    private static int rollUpUntil(LocalDate last) {
        Clock after = Clock.fixed(ReportRollups.start(last.plusDays(1)).plus(ReportRollups.SETTLE), ZoneOffset.UTC);
        return new ReportRollups(tx, after).rollUpAll();
    }

    private static Map<String, List<ReportLine>> everyReport() {
        List<ReportRange> ranges = new ArrayList<>();
        for (ReportShift shift : ReportShift.values()) {
            ranges.add(new ReportRange(FIRST.minusDays(1), FIRST.plusDays(6), shift));
            ranges.add(new ReportRange(FIRST.plusDays(1), FIRST.plusDays(3), shift));
            ranges.add(new ReportRange(FIRST.plusDays(2), FIRST.plusDays(2), shift));
            ranges.add(new ReportRange(FIRST.plusDays(3), FIRST.plusDays(3), shift));
        }
        Map<String, List<ReportLine>> lines = new LinkedHashMap<>();
        for (ReportKind kind : ReportKind.values()) {
            for (ReportRange range : ranges) {
                String name = kind + " " + (range.days() == 8 ? "all days" : range.from() + "–" + range.to()) + " "
                        + range.shift();
                lines.put(name, reports.document(kind, range).lines());
            }
        }
        return lines;
    }

    private static LocalDate lastRolledUp() {
        return tx.read(session -> session.doReturningWork(ReportRollups::lastRolledUp));
    }

    private static long count(String sql) {
        return tx.read(session -> session.doReturningWork(c -> ReportQuery.count(c, sql)));
    }
}
