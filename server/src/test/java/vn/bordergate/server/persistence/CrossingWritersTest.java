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
    /**
     * SQL or HQL that writes the table (update, delete with or without {@code from}, merge into, truncate; a quoted or
     * schema-qualified name), a criteria update or delete of the entity, or a stateless session (whose writes tell no
     * end of transaction).
     */
    private static final Pattern BULK_WRITE = Pattern.compile("(?i)\\b(update|delete(\\s+from)?|merge\\s+into|truncate"
            + "(\\s+table)?)\\s+(\\\\?\"?\\w+\\\\?\"?\\.)?\\\\?\"?(crossing|CrossingEntity)\\\\?\"?\\b(?!_)"
            + "|createCriteria(Update|Delete)\\(\\s*CrossingEntity|StatelessSession");

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
        for (String writer : List.of(
                "\"delete CrossingEntity where id = :id\"",
                "\"update \\\"CROSSING\\\" set status = ?\"",
                "\"update APP.crossing set status = ?\"",
                "\"MERGE INTO crossing USING x ON (1 = 1)\"",
                "\"truncate table crossing\"",
                "builder.createCriteriaUpdate(CrossingEntity.class)",
                "try (StatelessSession session = sessionFactory.openStatelessSession()) {")) {
            assertThat(BULK_WRITE.matcher(writer).find()).as(writer).isTrue();
        }
        for (String reader : List.of(
                "\"select id, status from crossing where id in (?)\"",
                "\"update crossing_step set state = ?\"",
                "\"insert into crossing (id) values (?)\"")) {
            assertThat(BULK_WRITE.matcher(reader).find()).as(reader).isFalse();
        }
    }
}
