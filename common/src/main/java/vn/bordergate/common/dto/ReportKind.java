package vn.bordergate.common.dto;

import java.util.Arrays;
import java.util.Optional;

/** The supervisors' reports, by the name their URL uses ({@code /api/reports/{path}}). */
public enum ReportKind {
    SHIFT_HANDOVER("shift-handover"),
    THROUGHPUT("throughput"),
    DWELL_TIME("dwell-time"),
    AGENCY_PERFORMANCE("agency-performance"),
    ENTERPRISE_ACTIVITY("enterprise-activity");

    private final String path;

    ReportKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<ReportKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
