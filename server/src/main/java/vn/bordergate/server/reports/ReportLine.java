package vn.bordergate.server.reports;

/**
 * One printed line of a report: a section's column heads ({@code kind} "H"), a data row ("D") or a total
 * ("T"). Every report template lays out these same fields, so one table model serves five layouts.
 */
public record ReportLine(
        String section, String kind, String label, String c1, String c2, String c3, String c4, String c5) {
    public boolean isHeader() {
        return "H".equals(kind);
    }
}
