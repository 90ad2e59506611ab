package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.workflow.Step;

/**
 * How long vehicles stayed: arrival to release for the vehicles released in the range (percentiles and a
 * distribution), and each step's own time. Minutes, by nearest rank.
 */
final class DwellTimeReport implements ReportContent {
    static final String SUMMARY = "A. Đến – qua biên giới (phút) / Arrival to release (minutes)";
    static final String DISTRIBUTION = "B. Phân bố / Distribution";
    static final String STEPS = "C. Thời gian từng bước (phút) / Time per step (minutes)";
    /** Bucket edges in minutes: under 30 min, 30–60, 1–2 h, 2–4 h, 4–8 h, 8–24 h, a day or more. */
    private static final long[] EDGES = {0, 30, 60, 120, 240, 480, 1440, Long.MAX_VALUE};

    private static final String[] BUCKETS = {
        "< 30 phút / min",
        "30–60 phút / min",
        "1–2 giờ / h",
        "2–4 giờ / h",
        "4–8 giờ / h",
        "8–24 giờ / h",
        "≥ 24 giờ / h"
    };

    @Override
    public ReportDocument build(Connection c, ReportRange range) throws SQLException {
        Figures.Cell figures = ReportRollups.figures(c, range, EnumSet.of(Figures.Part.DWELL, Figures.Part.STEP_TIMES))
                .total();
        MinuteHistogram dwell = figures.dwell;
        ReportSheet sheet = new ReportSheet();
        sheet.section(SUMMARY, "", "Giá trị / Value");
        sheet.row("Số xe / Vehicles", dwell.count());
        sheet.row("Trung bình / Mean", dwell.mean());
        sheet.row("Trung vị / Median (p50)", dwell.percentile(50));
        sheet.row("p90", dwell.percentile(90));
        sheet.row("p95", dwell.percentile(95));
        sheet.row("Lâu nhất / Longest", dwell.max());
        sheet.section(DISTRIBUTION, "Thời gian / Time", "Số xe / Vehicles", "Tỷ lệ / Share");
        for (int i = 0; i < BUCKETS.length; i++) {
            long n = dwell.between(EDGES[i], EDGES[i + 1]);
            sheet.row(BUCKETS[i], n, dwell.count() == 0 ? null : (double) n / dwell.count());
        }
        sheet.section(STEPS, "Bước / Step", "Lượt / Decisions", "Trung bình / Mean", "Trung vị / Median", "p90", "p95");
        for (Step step : Step.values()) {
            MinuteHistogram h = figures.stepTime(step);
            sheet.row(Labels.step(step), h.count(), h.mean(), h.percentile(50), h.percentile(90), h.percentile(95));
        }
        return new ReportDocument(
                ReportKind.DWELL_TIME,
                "Thời gian lưu tại cửa khẩu",
                "Dwell time",
                range.describe(),
                sheet.lines(),
                null);
    }
}
