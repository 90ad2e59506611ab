package vn.bordergate.server.reports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.workflow.Step;

/**
 * What one shift hands the next: vehicles in and out, each step's decisions, holds and rejections with their
 * reasons, holds still open, vehicles overdue back, fees collected, and how well plates were read.
 */
final class ShiftHandoverReport implements ReportContent {
    static final String IN_OUT = "A. Xe vào, ra / Vehicles in and out";
    static final String STEPS = "B. Theo bước và cơ quan / Per step and agency";
    static final String REASONS = "C. Giữ và từ chối, lý do / Holds and rejections with reasons";
    static final String OPEN_HOLDS = "D. Xe đang bị giữ, bàn giao / Open holds handed over";
    static final String OVERSTAYS = "E. Xe quá hạn quay về / Overstays";
    static final String FEES = "F. Phí đã thu / Fees collected";
    static final String PLATES = "G. Nhận dạng biển số / Plate reading";
    static final String TOTAL = "Tổng / Total";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ReportRange.ZONE);

    @Override
    public ReportDocument build(Connection c, ReportRange range) throws SQLException {
        ReportSheet sheet = new ReportSheet();
        Figures.Cell figures = ReportRollups.figures(
                        c, range, EnumSet.of(Figures.Part.THROUGHPUT, Figures.Part.DECISIONS, Figures.Part.FEES))
                .total();
        inAndOut(figures, sheet);
        perStep(figures, sheet);
        reasons(figures, sheet);
        openHolds(c, range, sheet);
        overstays(c, range, sheet);
        fees(figures, sheet);
        plates(c, range, sheet);
        return new ReportDocument(
                ReportKind.SHIFT_HANDOVER,
                "Báo cáo bàn giao ca",
                "Shift handover report",
                range.describe(),
                sheet.lines(),
                null);
    }

    private static void inAndOut(Figures.Cell figures, ReportSheet sheet) {
        sheet.section(IN_OUT, "", "Số xe / Vehicles");
        sheet.row("Xe đến / Arrived", figures.arrived);
        sheet.row("Xe đã qua biên giới / Released", figures.released);
        sheet.row("Xe bị từ chối, quay đầu / Turned back", figures.turnedBackVehicles);
        sheet.row("Khai báo bị từ chối / Declarations rejected", figures.declarationsRejected());
    }

    private static void perStep(Figures.Cell figures, ReportSheet sheet) {
        Map<Step, long[]> holds = figures.holdsAndRejects();
        sheet.section(STEPS, "Bước / Step", "Cơ quan / Agency", "Đạt / Passed", "Giữ / Held", "Từ chối / Rejected");
        long[] totals = new long[3];
        for (Step step : Step.values()) {
            long p = figures.passed[step.ordinal()];
            long[] hr = holds.get(step);
            totals[0] += p;
            totals[1] += hr[0];
            totals[2] += hr[1];
            sheet.row(Labels.step(step), Labels.agency(step.agency()), p, hr[0], hr[1]);
        }
        sheet.total(TOTAL, "", totals[0], totals[1], totals[2]);
    }

    /** The 40 most frequent, as SQL would order them: by count, then step and decision as text. */
    private static final Comparator<Map.Entry<Figures.Decision, Long>> MOST_FREQUENT =
            Comparator.<Map.Entry<Figures.Decision, Long>>comparingLong(e -> -e.getValue())
                    .thenComparing(e -> e.getKey().step().name())
                    .thenComparing(e -> e.getKey().action())
                    .thenComparing(e -> e.getKey().reason(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private static void reasons(Figures.Cell figures, ReportSheet sheet) {
        sheet.section(REASONS, "Bước / Step", "Quyết định / Decision", "Lý do / Reason", "Số lần / Times");
        figures.decisions.entrySet().stream()
                .sorted(MOST_FREQUENT)
                .limit(40)
                .forEach(e -> sheet.row(
                        Labels.step(e.getKey().step()),
                        Labels.action(e.getKey().action()),
                        e.getKey().reason(),
                        e.getValue()));
        sheet.noneIfEmpty();
    }

    private static void openHolds(Connection c, ReportRange range, ReportSheet sheet) throws SQLException {
        sheet.section(OPEN_HOLDS, "Xe / Vehicle", "Bước / Step", "Giữ từ / Held since", "Lý do / Reason");
        ReportQuery.each(
                c,
                // a held step holds its crossing: start from the (indexed) crossing status, not every step
                "SELECT c.tractor_plate, s.step, s.decided_at, s.reason FROM crossing c"
                        + " JOIN crossing_step s ON s.crossing_id = c.id WHERE c.status = 'HELD' AND s.state = 'HELD'"
                        + " AND s.decided_at < " + ReportRange.literal(range.end())
                        + " ORDER BY s.decided_at FETCH FIRST 100 ROWS ONLY",
                r -> sheet.row(
                        Labels.plate(r.getString(1)),
                        Labels.step(Step.valueOf(r.getString(2))),
                        WHEN.format(ReportQuery.instant(r, 3)),
                        r.getString(4)));
        sheet.noneIfEmpty();
    }

    private static void overstays(Connection c, ReportRange range, ReportSheet sheet) throws SQLException {
        // in deadline order from the index, filtered on it: the first 100 without joining every overstay
        String overdue = " FROM crossing c --DERBY-PROPERTIES index=ix_crossing_return_deadline_returned\n"
                + " JOIN declaration d ON d.id = c.declaration_id"
                + " JOIN enterprise e ON e.id = d.enterprise_id WHERE " + range.sql("c.return_deadline")
                + " AND (c.returned_at IS NULL OR c.returned_at > c.return_deadline)";
        sheet.section(OVERSTAYS, "Xe / Vehicle", "Doanh nghiệp / Enterprise", "Hạn về / Due back", "Đã về / Returned");
        ReportQuery.each(
                c,
                "SELECT c.tractor_plate, e.name, c.return_deadline, c.returned_at" + overdue
                        + " ORDER BY c.return_deadline FETCH FIRST 100 ROWS ONLY",
                r -> {
                    Instant returned = ReportQuery.instant(r, 4);
                    sheet.row(
                            Labels.plate(r.getString(1)),
                            r.getString(2),
                            WHEN.format(ReportQuery.instant(r, 3)),
                            returned == null ? "chưa về / not yet" : WHEN.format(returned));
                });
        // every crossing has its declaration and enterprise (foreign keys, not null): count from the index
        sheet.total(
                TOTAL,
                "",
                "",
                ReportQuery.count(
                        c,
                        "SELECT COUNT(*) FROM crossing c --DERBY-PROPERTIES index=ix_crossing_return_deadline_returned\n"
                                + " WHERE " + range.sql("c.return_deadline")
                                + " AND (c.returned_at IS NULL OR c.returned_at > c.return_deadline)"));
    }

    private static void fees(Figures.Cell figures, ReportSheet sheet) {
        sheet.section(FEES, "Loại phí / Fee", "Biên lai / Receipts", "Số tiền (VND) / Amount");
        long receipts = 0;
        BigDecimal amount = BigDecimal.ZERO;
        for (Map.Entry<String, Long> kind : figures.feeReceipts.entrySet()) {
            BigDecimal paid = figures.feeAmounts.get(kind.getKey());
            receipts += kind.getValue();
            amount = amount.add(paid);
            sheet.row(Labels.fee(FeeKind.valueOf(kind.getKey())), kind.getValue(), paid);
        }
        sheet.total(TOTAL, receipts, amount);
    }

    private static void plates(Connection c, ReportRange range, ReportSheet sheet) throws SQLException {
        long[] byStatus = new long[3]; // matched, needs an officer, corrected
        // one pass over the index without a sort (GROUP BY sorts a year of reads into three groups)
        ReportQuery.each(
                c,
                "SELECT COUNT(*), SUM(CASE WHEN match_status = 'MATCHED' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN match_status = 'CORRECTED' THEN 1 ELSE 0 END)"
                        + " FROM plate_read --DERBY-PROPERTIES index=ix_plate_read_report\n WHERE "
                        + range.sql("read_at"),
                r -> {
                    byStatus[0] = r.getLong(2);
                    byStatus[2] = r.getLong(3);
                    byStatus[1] = r.getLong(1) - byStatus[0] - byStatus[2];
                });
        long reads = byStatus[0] + byStatus[1] + byStatus[2];
        sheet.section(PLATES, "", "Số lần đọc / Reads");
        sheet.row("Lượt đọc biển số / Plate reads", reads);
        sheet.row("Tự động khớp / Matched automatically", byStatus[0]);
        sheet.row("Chờ cán bộ / Waiting for an officer", byStatus[1]);
        sheet.row("Cán bộ sửa / Corrected by officers", byStatus[2]);
        sheet.row("Tỷ lệ tự động khớp / Auto-match rate", reads == 0 ? null : (double) byStatus[0] / reads);
        ReportQuery.each(
                c,
                // corrections come within hours of the read: bound by the indexed read time too
                "SELECT corrected_by, COUNT(*) FROM plate_read --DERBY-PROPERTIES index=ix_plate_read_report\n"
                        + " WHERE corrected_by IS NOT NULL AND read_at >= "
                        + ReportRange.literal(range.start().minus(java.time.Duration.ofDays(2))) + " AND read_at < "
                        + ReportRange.literal(range.end()) + " AND " + range.sql("corrected_at")
                        + " GROUP BY corrected_by ORDER BY corrected_by",
                r -> sheet.row("Sửa bởi / Corrections by " + r.getString(1), r.getLong(2)));
    }
}
