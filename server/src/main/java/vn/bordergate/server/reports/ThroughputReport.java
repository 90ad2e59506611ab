package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.bordergate.common.dto.ReportKind;

/** Vehicles through the gate per day, and per hour of the day with a chart. */
final class ThroughputReport implements ReportContent {
    static final String DAILY = "A. Theo ngày / Per day";
    static final String HOURLY = "B. Theo giờ trong ngày / Per hour of day";
    static final String TOTAL = "Tổng / Total";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public ReportDocument build(Connection c, ReportRange range) throws SQLException {
        // arrivals, releases and rejections after the declaration, per local date and hour
        Figures figures = ReportRollups.figures(c, range, Set.of(Figures.Part.THROUGHPUT));
        Map<LocalDate, long[]> daily = new TreeMap<>();
        figures.daily()
                .forEach((day, cell) -> daily.put(day, new long[] {cell.arrived, cell.released, cell.turnedBack}));
        long[][] hourly = new long[24][];
        Figures.Cell[] hours = figures.hourly();
        for (int h = 0; h < 24; h++) {
            hourly[h] = new long[] {hours[h].arrived, hours[h].released, hours[h].turnedBack};
        }
        ReportSheet sheet = new ReportSheet();
        sheet.section(DAILY, "Ngày / Date", "Xe đến / Arrived", "Xe qua / Released", "Quay đầu / Turned back");
        long[] totals = new long[3];
        daily.forEach((day, n) -> {
            sheet.row(DAY.format(day), n[0], n[1], n[2]);
            for (int i = 0; i < 3; i++) {
                totals[i] += n[i];
            }
        });
        sheet.noneIfEmpty();
        sheet.total(TOTAL, totals[0], totals[1], totals[2]);
        sheet.section(HOURLY, "Giờ / Hour", "Xe đến / Arrived", "Xe qua / Released", "Quay đầu / Turned back");
        for (int h = 0; h < 24; h++) {
            if (range.shift().covers(h)) {
                sheet.row(String.format("%02d:00", h), hourly[h][0], hourly[h][1], hourly[h][2]);
            }
        }
        return new ReportDocument(
                ReportKind.THROUGHPUT,
                "Lưu lượng xe qua cửa khẩu",
                "Gate throughput",
                range.describe(),
                sheet.lines(),
                HourlyChart.draw(hourly, range.shift()));
    }
}
