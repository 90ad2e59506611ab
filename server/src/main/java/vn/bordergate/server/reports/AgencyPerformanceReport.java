package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Step;

/** Each agency's steps: decisions, median and p90 time (minutes), holds and rejections. */
final class AgencyPerformanceReport implements ReportContent {
    static final String AGENCIES = "Thời gian xử lý theo cơ quan (phút) / Time per agency and step (minutes)";

    @Override
    public ReportDocument build(Connection c, ReportRange range) throws SQLException {
        Figures.Cell figures = ReportRollups.figures(
                        c, range, EnumSet.of(Figures.Part.STEP_TIMES, Figures.Part.DECISIONS))
                .total();
        Map<Step, long[]> holds = figures.holdsAndRejects();
        ReportSheet sheet = new ReportSheet();
        sheet.section(
                AGENCIES,
                "Cơ quan / Agency",
                "Bước / Step",
                "Lượt đạt / Passed",
                "Trung vị / Median",
                "p90",
                "Giữ / Từ chối (Held / Rejected)");
        for (Agency agency : Agency.values()) {
            for (Step step : Step.values()) {
                if (step.agency() == agency) {
                    MinuteHistogram h = figures.stepTime(step);
                    long[] hr = holds.get(step);
                    sheet.row(
                            Labels.agency(agency),
                            Labels.step(step),
                            h.count(),
                            h.percentile(50),
                            h.percentile(90),
                            hr[0] + " / " + hr[1]);
                }
            }
        }
        return new ReportDocument(
                ReportKind.AGENCY_PERFORMANCE,
                "Hiệu quả xử lý của các cơ quan",
                "Agency performance",
                range.describe(),
                sheet.lines(),
                null);
    }
}
