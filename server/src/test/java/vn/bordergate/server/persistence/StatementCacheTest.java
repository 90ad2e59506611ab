package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derby must keep more compiled statements than its default 100: the server uses more than that. */
class StatementCacheTest {
    @TempDir
    Path data;

    @Test
    void keepsMoreCompiledStatementsThanDerbysDefault() {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            long cached = db.sessionFactory()
                    .fromSession(session -> session.doReturningWork(connection -> {
                        try (Statement statement = connection.createStatement()) {
                            for (int i = 0; i < 300; i++) {
                                // distinct texts: each is compiled and cached on its own
                                try (ResultSet rows = statement.executeQuery("VALUES " + i + " + 1")) {
                                    rows.next();
                                }
                            }
                            try (ResultSet rows =
                                    statement.executeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.STATEMENT_CACHE")) {
                                rows.next();
                                return rows.getLong(1);
                            }
                        }
                    }));
            assertThat(cached).isGreaterThan(300).isLessThanOrEqualTo(GateDatabase.STATEMENT_CACHE + 50);
        }
    }

    @Test
    void findsTheOperatorsSettingInDerbyPropertiesWhereDerbyLooksForIt() throws Exception {
        Files.writeString(data.resolve("derby.properties"), "derby.language.statementCacheSize=200\n");
        String before = System.getProperty("derby.system.home");
        System.setProperty("derby.system.home", data.toString());
        try {
            assertThat(GateDatabase.derbyPropertiesFile()).containsEntry(GateDatabase.STATEMENT_CACHE_PROPERTY, "200");
        } finally {
            if (before == null) {
                System.clearProperty("derby.system.home");
            } else {
                System.setProperty("derby.system.home", before);
            }
        }
        assertThat(GateDatabase.derbyPropertiesFile()).doesNotContainKey(GateDatabase.STATEMENT_CACHE_PROPERTY);
    }
}
