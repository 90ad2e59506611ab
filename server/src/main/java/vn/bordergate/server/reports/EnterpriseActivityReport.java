package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import vn.bordergate.common.dto.ReportKind;

/**
 * Per enterprise, the declarations submitted in the range: how many, with how many vehicles, how many of
 * those trips crossed, and how many ended refused (declaration rejected or truck turned back).
 */
final class EnterpriseActivityReport implements ReportContent {
    static final String ENTERPRISES = "Doanh nghiệp / Enterprises";
    static final String TOTAL = "Tổng / Total";

    @Override
    public ReportDocument build(Connection c, ReportRange range) throws SQLException {
        ReportSheet sheet = new ReportSheet();
        sheet.section(
                ENTERPRISES,
                "Doanh nghiệp / Enterprise",
                "Mã số thuế / Tax code",
                "Tờ khai / Declarations",
                "Xe / Vehicles",
                "Đã qua / Crossed",
                "Bị từ chối / Refused");
        EnterpriseFigures figures = EnterpriseFigures.of(c, range, ReportRollups.lastRolledUp(c));
        Map<Long, String[]> names = new HashMap<>();
        ReportQuery.each(
                c,
                "SELECT id, name, tax_code FROM enterprise",
                r -> names.put(r.getLong(1), new String[] {r.getString(2), r.getString(3)}));
        long[] totals = new long[4];
        figures.byEnterprise.entrySet().stream()
                // most declarations first, then by name (and tax code, which is unique)
                .sorted(Comparator.<Map.Entry<Long, EnterpriseFigures.Activity>>comparingLong(
                                e -> -e.getValue().declarations)
                        .thenComparing(e -> names.get(e.getKey())[0])
                        .thenComparing(e -> names.get(e.getKey())[1]))
                .forEach(e -> {
                    EnterpriseFigures.Activity a = e.getValue();
                    long[] n = {a.declarations, a.tractors.size(), a.crossed, a.refused};
                    for (int i = 0; i < 4; i++) {
                        totals[i] += n[i];
                    }
                    String[] name = names.get(e.getKey());
                    sheet.row(name[0], name[1], n[0], n[1], n[2], n[3]);
                });
        sheet.noneIfEmpty();
        sheet.total(TOTAL, "", totals[0], totals[1], totals[2], totals[3]);
        return new ReportDocument(
                ReportKind.ENTERPRISE_ACTIVITY,
                "Hoạt động của doanh nghiệp",
                "Enterprise activity",
                range.describe(),
                sheet.lines(),
                null);
    }
}
