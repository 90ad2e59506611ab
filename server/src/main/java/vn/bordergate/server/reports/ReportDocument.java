package vn.bordergate.server.reports;

import java.awt.image.BufferedImage;
import java.util.List;
import vn.bordergate.common.dto.ReportKind;

/**
 * A report's content before it is printed: titles, what it covers, its lines and (for throughput) a chart.
 *
 * @param chart an hourly chart drawn by {@link HourlyChart}, or null
 */
public record ReportDocument(
        ReportKind kind, String titleVi, String titleEn, String covers, List<ReportLine> lines, BufferedImage chart) {
    /** The line whose label is {@code label} in section {@code section}, for tests and checks. */
    public ReportLine line(String section, String label) {
        return lines.stream()
                .filter(l -> l.section().equals(section) && label.equals(l.label()) && !l.isHeader())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line " + label + " in " + section));
    }
}
