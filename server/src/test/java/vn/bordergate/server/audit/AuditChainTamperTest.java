package vn.bordergate.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.AuditVerification;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.support.TestGate;

/**
 * The audit log is hash-chained: a changed, deleted or inserted entry is found by verify. The
 * tampering goes straight to the database, as an insider with SQL access would.
 */
class AuditChainTamperTest {
    private TestGate gate;

    @BeforeEach
    void start() {
        gate = TestGate.start(Clock.systemUTC());
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.MEDICAL_QUARANTINE);
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditVerification result = gate.as("admin").admin().verifyAudit();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThan(10);
    }

    @Test
    void aChangedEntryIsDetected() throws SQLException {
        AuditEntryDto victim = middleEntry();
        sql("update audit_entry set details = 'nothing happened' where id = ?", victim.id());

        AuditVerification result = gate.as("supervisor").admin().verifyAudit();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntryId()).isEqualTo(victim.id());
        assertThat(result.problem()).contains("changed");
    }

    @Test
    void aChangedActorIsDetectedEvenWhenTheHashIsRecomputedWithoutTheChain() throws SQLException {
        AuditEntryDto victim = middleEntry();
        sql("update audit_entry set actor = 'someone-else' where id = ?", victim.id());
        assertThat(gate.as("admin").admin().verifyAudit().firstBrokenEntryId()).isEqualTo(victim.id());
    }

    @Test
    void aDeletedEntryIsDetected() throws SQLException {
        AuditEntryDto victim = middleEntry();
        sql("delete from audit_entry where id = ?", victim.id());

        AuditVerification result = gate.as("admin").admin().verifyAudit();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntryId()).isGreaterThan(victim.id());
        assertThat(result.problem()).contains("removed");
    }

    /**
     * Nothing in the database refuses a repeated hash any more (V13): an entry given its predecessor's hashes, as if
     * chained twice, is found by the chain itself.
     */
    @Test
    void anEntryGivenAnothersHashIsDetected() throws SQLException {
        var entries = gate.as("admin").admin().audit(0L, 1000);
        AuditEntryDto victim = entries.get(entries.size() / 2);
        AuditEntryDto before = entries.get(entries.size() / 2 - 1);
        try (Connection c = DriverManager.getConnection(
                        "jdbc:derby:" + gate.dataDir().resolve("db"));
                PreparedStatement ps =
                        c.prepareStatement("update audit_entry set previous_hash = ?, hash = ? where id = ?")) {
            ps.setString(1, before.previousHash());
            ps.setString(2, before.hash());
            ps.setLong(3, victim.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        AuditVerification result = gate.as("admin").admin().verifyAudit();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntryId()).isEqualTo(victim.id());
        assertThat(result.problem()).contains("does not follow");
    }

    /** What the unique hash index refused before V13: a verbatim copy of a chained entry added as a new row. */
    @Test
    void aCopiedEntryAddedAtTheEndIsDetected() throws SQLException {
        AuditEntryDto victim = middleEntry();
        long copyId;
        try (Connection c = DriverManager.getConnection(
                        "jdbc:derby:" + gate.dataDir().resolve("db"));
                Statement st = c.createStatement()) {
            try (ResultSet max = st.executeQuery("select max(id) from audit_entry")) {
                max.next();
                // past the ids the server's own entries (this test's logins) may take meanwhile
                copyId = max.getLong(1) + 1000;
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet row = st.executeQuery("select * from audit_entry where id = " + victim.id())) {
                ResultSetMetaData meta = row.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
            }
            String copied = String.join(", ", columns);
            String selected = columns.stream()
                    .map(column -> column.equalsIgnoreCase("id") ? copyId + "" : column)
                    .collect(Collectors.joining(", "));
            assertThat(st.executeUpdate("insert into audit_entry (" + copied + ") select " + selected
                            + " from audit_entry where id = " + victim.id()))
                    .isEqualTo(1);
        }

        AuditVerification result = gate.as("admin").admin().verifyAudit();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntryId()).isEqualTo(copyId);
        assertThat(result.problem()).contains("inserted");
    }

    private AuditEntryDto middleEntry() {
        var entries = gate.as("admin").admin().audit(0L, 1000);
        return entries.get(entries.size() / 2);
    }

    private void sql(String statement, long id) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:derby:" + gate.dataDir().resolve("db"));
                PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setLong(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
