package vn.bordergate.server.load;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * The reference point for a declaration: plain JDBC writing the rows one declaration of the benchmark writes — its
 * vehicle, the declaration, one goods line, the crossing and the audit entry (an export with plant goods: every step
 * pending, so no step row) — into the gate's real schema (the server's own Flyway migrations, every index and
 * constraint), one transaction per declaration, in an embedded Derby on the same disk. No pool, no ORM, no HTTP, no
 * validation, no reads, no hashing (the audit entry's hashes are written as given, the chain is not computed).
 * The server commits declarations in batches; this reference commits each one, as a plain client would.
 */
final class BareDerbyDeclarations {
    private BareDerbyDeclarations() {}

    static Run run(Path dir, int clients, Duration duration) throws Exception {
        String url = "jdbc:derby:" + dir.toAbsolutePath().resolve("reference-declarations-db");
        Flyway.configure()
                .dataSource(url + ";create=true", null, null)
                .locations("classpath:db/migration/derby")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO enterprise (id, tax_code, name, country, priority)"
                    + " VALUES (1, '0100000001', 'Reference exporter', 'VN', FALSE)");
            s.executeUpdate("INSERT INTO driver (id, document_number, nationality, full_name)"
                    + " VALUES (1, 'B1234567', 'VN', 'Reference driver')");
        }
        AtomicLong ids = new AtomicLong(1_000);
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            writers.add(new Writer(DriverManager.getConnection(url)));
        }
        try {
            return ClosedLoop.run(
                    "reference: bare JDBC declaration rows (Derby, real schema, 5 rows, one commit)",
                    clients,
                    duration,
                    (client, n) -> writers.get(client).declare(ids.getAndAdd(5)));
        } finally {
            for (Writer w : writers) {
                w.connection.close();
            }
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // 08006: shut down as asked
            }
        }
    }

    /** One client's connection and statements. */
    private static final class Writer {
        final Connection connection;
        final PreparedStatement vehicle;
        final PreparedStatement declaration;
        final PreparedStatement goods;
        final PreparedStatement crossing;
        final PreparedStatement audit;

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            vehicle = connection.prepareStatement(
                    "INSERT INTO vehicle (id, plate, country, plate_kind, vehicle_type) VALUES (?, ?, 'VN', 'VN_VEHICLE', 'TRUCK')");
            declaration = connection.prepareStatement("INSERT INTO declaration (id, code, revision, enterprise_id,"
                    + " direction, tractor_id, vehicle_type, driver_id, expected_arrival, two_way_transport,"
                    + " med_symptoms, submitted_at, submitted_by)"
                    + " VALUES (?, ?, 1, 1, 'EXPORT', ?, 'TRUCK', 1, ?, FALSE, FALSE, ?, 'enterprise')");
            goods = connection.prepareStatement("INSERT INTO goods_line (id, declaration_id, line_no, hs_code,"
                    + " description, quantity, unit, gross_weight_kg, quarantine)"
                    + " VALUES (?, ?, 1, '081060', 'Fresh durian', ?, 'KGM', ?, 'PLANT')");
            crossing = connection.prepareStatement("INSERT INTO crossing (id, declaration_id, status, tractor_plate,"
                    + " perishable, expected_arrival, open_tractor_key, priority, updated_at, version)"
                    + " VALUES (?, ?, 'DECLARED', ?, TRUE, ?, ?, FALSE, ?, 0)");
            audit = connection.prepareStatement("INSERT INTO audit_entry (id, recorded_at, actor, action, entity_type,"
                    + " entity_id, details, previous_hash, hash)"
                    + " VALUES (?, ?, 'enterprise', 'DECLARATION_SUBMITTED', 'declaration', ?, ?, ?, ?)");
        }

        boolean declare(long id) throws SQLException {
            try {
                write(id);
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback(); // else the next declaration's commit would carry this one's half
                throw e;
            }
        }

        private void write(long id) throws SQLException {
            String plate = String.format("29C%08d", id);
            String code = String.format("BG-%08d", id + 1);
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp expected = Timestamp.from(Instant.now().plus(Duration.ofHours(2)));
            vehicle.setLong(1, id);
            vehicle.setString(2, plate);
            vehicle.executeUpdate();
            declaration.setLong(1, id + 1);
            declaration.setString(2, code);
            declaration.setLong(3, id);
            declaration.setTimestamp(4, expected);
            declaration.setTimestamp(5, now);
            declaration.executeUpdate();
            goods.setLong(1, id + 2);
            goods.setLong(2, id + 1);
            goods.setBigDecimal(3, new BigDecimal("12000.000"));
            goods.setBigDecimal(4, new BigDecimal("12500.00"));
            goods.executeUpdate();
            crossing.setLong(1, id + 3);
            crossing.setLong(2, id + 1);
            crossing.setString(3, plate);
            crossing.setTimestamp(4, expected);
            crossing.setString(5, plate);
            crossing.setTimestamp(6, now);
            crossing.executeUpdate();
            audit.setLong(1, id + 4);
            audit.setTimestamp(2, now);
            audit.setString(3, Long.toString(id + 1));
            audit.setString(4, code + " " + plate + " EXPORT");
            audit.setString(5, String.format("%064x", id + 3));
            audit.setString(6, String.format("%064x", id + 4));
            audit.executeUpdate();
        }
    }
}
