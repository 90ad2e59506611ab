package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;
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
        long[] totals = new long[4];
        ReportQuery.each(
                c,
                "SELECT e.name, e.tax_code, COUNT(*) AS n, COUNT(DISTINCT d.tractor_id),"
                        + " SUM(CASE WHEN c.status = 'RELEASED' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN c.status IN ('DECLARATION_REJECTED', 'TURNED_BACK') THEN 1 ELSE 0 END)"
                        + " FROM declaration d JOIN enterprise e ON e.id = d.enterprise_id"
                        + " JOIN crossing c ON c.declaration_id = d.id WHERE " + range.sql("d.submitted_at")
                        + " GROUP BY e.name, e.tax_code ORDER BY n DESC, e.name",
                r -> {
                    long[] n = {r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)};
                    for (int i = 0; i < 4; i++) {
                        totals[i] += n[i];
                    }
                    sheet.row(r.getString(1), r.getString(2), n[0], n[1], n[2], n[3]);
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
