package vn.bordergate.server.reports;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a report's lines section by section, with numbers formatted as people at the gate read them. */
final class ReportSheet {
    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private final List<ReportLine> lines = new ArrayList<>();
    private String section = "";

    ReportSheet section(String title, String... heads) {
        section = title;
        lines.add(new ReportLine(
                title, "H", at(heads, 0), at(heads, 1), at(heads, 2), at(heads, 3), at(heads, 4), at(heads, 5)));
        return this;
    }

    ReportSheet row(String label, Object... values) {
        return add("D", label, values);
    }

    ReportSheet total(String label, Object... values) {
        return add("T", label, values);
    }

    /** A section with nothing in it says so, rather than printing bare column heads. */
    ReportSheet noneIfEmpty() {
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isHeader()) {
            row("(không có / none)");
        }
        return this;
    }

    private ReportSheet add(String kind, String label, Object... values) {
        String[] cells = new String[5];
        for (int i = 0; i < 5; i++) {
            cells[i] = i < values.length ? format(values[i]) : null;
        }
        lines.add(new ReportLine(section, kind, label, cells[0], cells[1], cells[2], cells[3], cells[4]));
        return this;
    }

    List<ReportLine> lines() {
        return List.copyOf(lines);
    }

    static String format(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Long || value instanceof Integer) {
            return NumberFormat.getIntegerInstance(VI).format(((Number) value).longValue());
        }
        if (value instanceof java.math.BigDecimal amount) {
            return NumberFormat.getIntegerInstance(VI).format(amount);
        }
        if (value instanceof Double share) {
            NumberFormat percent = NumberFormat.getNumberInstance(VI);
            percent.setMinimumFractionDigits(1);
            percent.setMaximumFractionDigits(1);
            return percent.format(share * 100) + " %";
        }
        return value.toString();
    }

    private static String at(String[] heads, int i) {
        return i < heads.length ? heads[i] : null;
    }
}
