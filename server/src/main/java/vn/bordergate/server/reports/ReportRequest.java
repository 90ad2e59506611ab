package vn.bordergate.server.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.dto.ReportShift;
import vn.bordergate.server.service.GateException;

/**
 * A report asked for over HTTP, checked: a known kind, ISO dates with {@code from} not after {@code to}
 * and at most a year apart, a shift and a format. Every problem answers 400 saying what is wrong.
 */
public record ReportRequest(ReportKind kind, ReportRange range, ReportFormat format, String gate) {
    static final int MAX_DAYS = 366;

    public static ReportRequest parse(String kind, String from, String to, String shift, String format, String gate) {
        ReportKind k = ReportKind.ofPath(kind == null ? "" : kind.strip())
                .orElseThrow(() -> GateException.invalidField(
                        "kind",
                        "'" + shorten(kind) + "' is not a report: use one of "
                                + Arrays.stream(ReportKind.values())
                                        .map(ReportKind::path)
                                        .collect(Collectors.joining(", "))));
        LocalDate start = date("from", from);
        if (start == null) {
            throw GateException.invalidField("from", "is required: the first day of the report, as 2026-03-10");
        }
        LocalDate end = date("to", to);
        if (end == null) {
            end = start;
        }
        if (end.isBefore(start)) {
            throw GateException.invalidField("from", "(" + start + ") is after to (" + end + ")");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
            throw GateException.invalidField(
                    "to", "is more than a year after from: ask for at most " + MAX_DAYS + " days");
        }
        return new ReportRequest(k, new ReportRange(start, end, shift(shift)), format(format), gate);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw GateException.invalidField(name, "'" + shorten(value) + "' is not a date like 2026-03-10");
        }
    }

    private static ReportShift shift(String value) {
        if (value == null || value.isBlank()) {
            return ReportShift.ALL;
        }
        try {
            return ReportShift.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GateException.invalidField(
                    "shift", "'" + shorten(value) + "' is not a shift: use day (06–18), night (18–06) or all");
        }
    }

    private static ReportFormat format(String value) {
        if (value == null || value.isBlank()) {
            return ReportFormat.PDF;
        }
        try {
            return ReportFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GateException.invalidField("format", "'" + shorten(value) + "' is not a format: use pdf or xlsx");
        }
    }

    private static String shorten(String value) {
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** e.g. {@code shift-handover_2026-03-10_day.pdf} */
    public String fileName() {
        String days = range.from().equals(range.to()) ? range.from().toString() : range.from() + "_" + range.to();
        return kind.path() + "_" + days + "_" + range.shift().name().toLowerCase(Locale.ROOT) + "."
                + format.extension();
    }
}
