package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossingChanges} sees only Hibernate's entity updates and deletes of a crossing: the plate matcher keeps
 * crossing rows in memory on that basis. A bulk HQL or SQL update or delete of the crossing table in the server's
 * code would change rows without telling it; this fails when one appears (tell the matcher's view of it first).
 */
class CrossingWritersTest {
    private static final Pattern BULK_WRITE = Pattern.compile(
            "(?i)(update\\s+(crossing|CrossingEntity)\\b(?!_))|(delete\\s+from\\s+(crossing|CrossingEntity)\\b(?!_))");

    @Test
    void noCodeWritesTheCrossingTableBesideHibernatesEntityUpdates() throws IOException {
        Path sources = Path.of("src", "main", "java");
        List<String> writers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (BULK_WRITE.matcher(Files.readString(file)).find()) {
                    writers.add(sources.relativize(file).toString());
                }
            }
        }
        assertThat(sources).isDirectory();
        assertThat(writers).isEmpty();
    }

    @Test
    void thePatternFindsABulkUpdateOfCrossings() {
        assertThat(BULK_WRITE
                        .matcher("createMutationQuery(\"update CrossingEntity set status = :s\")")
                        .find())
                .isTrue();
        assertThat(BULK_WRITE
                        .matcher("\"UPDATE crossing SET status = 'CANCELLED'\"")
                        .find())
                .isTrue();
        assertThat(BULK_WRITE
                        .matcher("\"delete from crossing_step where crossing_id = ?\"")
                        .find())
                .isFalse();
    }
}
