package vn.bordergate.server.publicstatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.bordergate.common.dto.CongestionThresholds;

/**
 * The gate this server runs (table {@code gate_site}, one row), with its congestion thresholds. Read with
 * plain JDBC: it is configuration the services only read, so it needs no entity.
 */
public record GateSite(String code, String nameVi, String nameEn, CongestionThresholds thresholds) {
    public static GateSite read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT code, name_vi, name_en, yellow_from, orange_above, red_above FROM gate_site"
                                + " ORDER BY code FETCH FIRST 1 ROWS ONLY");
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return new GateSite("GATE", "Cửa khẩu", "Border gate", CongestionThresholds.NATIONAL_SINGLE_WINDOW);
            }
            return new GateSite(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    new CongestionThresholds(row.getInt(4), row.getInt(5), row.getInt(6)));
        }
    }

    /** "Cửa khẩu Hữu Nghị / Huu Nghi border gate". */
    public String bilingualName() {
        return nameVi + " / " + nameEn;
    }
}
