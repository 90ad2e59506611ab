package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derby must not start a new log file for every megabyte written: at the gate's plate-read rate its default switched
 * files several times a second, and commits waited on the switches (docs/benchmarks.md "readrate").
 */
class LogSwitchTest {
    @TempDir
    Path data;

    @Test
    void writesSeveralMegabytesOfCommitsIntoOneLogFile() throws Exception {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            db.sessionFactory()
                    .inSession(session -> session.doWork(connection -> {
                        try (Statement create = connection.createStatement()) {
                            create.execute("CREATE TABLE log_filler (text VARCHAR(4000))");
                        }
                        connection.commit();
                        String text = "x".repeat(4000);
                        try (PreparedStatement insert =
                                connection.prepareStatement("INSERT INTO log_filler VALUES (?)")) {
                            for (int i = 0; i < 1000; i++) { // some 4 MB of log, in commits of 100 rows
                                insert.setString(1, text);
                                insert.executeUpdate();
                                if (i % 100 == 99) {
                                    connection.commit();
                                }
                            }
                        }
                        connection.commit();
                    }));
            try (Stream<Path> logs = Files.list(data.resolve("db").resolve("log"))) {
                long files = logs.filter(f -> f.getFileName().toString().matches("log\\d+\\.dat"))
                        .count();
                // Derby's default (1 MB a file) makes four or more of them
                assertThat(files).isLessThanOrEqualTo(2);
            }
        }
    }
}
