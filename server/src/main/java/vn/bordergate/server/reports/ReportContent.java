package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;

/** One kind of report: its figures, read from the database for a range. */
interface ReportContent {
    ReportDocument build(Connection connection, ReportRange range) throws SQLException;
}
