package vn.bordergate.server.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;

/**
 * New plate-read rows written by one plain JDBC batch on the session's connection, in its transaction, just
 * before it commits (where Hibernate's flush would have inserted them): Hibernate's persist, flush and batched
 * insert of each read were a quarter of the plate-read writers' CPU (JFR, docs/benchmarks.md "readcommit"). Each
 * read gets its id from its mapping's own sequence generator at once, as {@code persist} gives it. The entity is
 * not managed by the session: the caller may still set fields until the commit (the pictures' path, named from
 * the id), and nothing in the transaction reads plate reads back.
 *
 * <p>One instance per writer pool (its owner's field), not static state: the rows waiting for a commit belong to
 * the sessions of that pool.
 *
 * <p>The column list is the mapping's: {@code PlateReadRowsTest} checks it against the table's columns and writes
 * the same reads through Hibernate and through this class and compares every column.
 */
public final class PlateReadRows {
    static final List<String> COLUMNS = List.of(
            "id",
            "camera_code",
            "lane_code",
            "read_at",
            "raw_text",
            "plate",
            "country",
            "confidence",
            "image_path",
            "crossing_id",
            "match_status",
            "candidates",
            "paired_read_id",
            "corrected_by",
            "corrected_at");

    private static final String SQL = "insert into plate_read (" + String.join(", ", COLUMNS) + ") values ("
            + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";

    /** The rows waiting for their session's commit; weak keys: a session that never commits leaves nothing behind. */
    private final Map<SessionImplementor, List<PlateReadEntity>> pending =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Gives {@code read} its id and inserts its row just before the session's transaction commits (rolled back
     * with it). Call inside a transaction.
     */
    public void insert(Session session, PlateReadEntity read) {
        SessionImplementor s = session.unwrap(SessionImplementor.class);
        EntityPersister persister = s.getFactory().getMappingMetamodel().getEntityDescriptor(PlateReadEntity.class);
        Object id = ((BeforeExecutionGenerator) persister.getGenerator()).generate(s, read, null, EventType.INSERT);
        persister.setIdentifier(read, id, s);
        List<PlateReadEntity> rows = pending.get(s);
        if (rows == null) {
            List<PlateReadEntity> fresh = new ArrayList<>();
            pending.put(s, fresh);
            // after Hibernate's own flush, before the commit; a failure here rolls the transaction back
            s.getActionQueue().registerProcess(session1 -> write(s, pending.remove(s)));
            s.getActionQueue().registerProcess((success, session1) -> pending.remove(s));
            rows = fresh;
        }
        rows.add(read);
    }

    private static void write(SessionImplementor session, List<PlateReadEntity> rows) {
        if (rows == null || rows.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(SQL)) {
                for (PlateReadEntity r : rows) {
                    bind(insert, r);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static void bind(PreparedStatement insert, PlateReadEntity r) throws SQLException {
        int p = 1;
        insert.setLong(p++, r.getId());
        insert.setString(p++, r.getCameraCode());
        insert.setString(p++, r.getLaneCode());
        insert.setTimestamp(p++, utc(r.getReadAt()));
        insert.setString(p++, r.getRawText());
        insert.setString(p++, r.getPlate());
        insert.setString(p++, r.getCountry() == null ? null : r.getCountry().name());
        insert.setDouble(p++, r.getConfidence());
        insert.setString(p++, r.getImagePath());
        setLong(insert, p++, r.getCrossingId());
        insert.setString(
                p++, r.getMatchStatus() == null ? null : r.getMatchStatus().name());
        insert.setString(p++, r.getCandidates());
        setLong(insert, p++, r.getPairedReadId());
        insert.setString(p++, r.getCorrectedBy());
        insert.setTimestamp(p, utc(r.getCorrectedAt()));
    }

    private static void setLong(PreparedStatement insert, int p, Long value) throws SQLException {
        if (value == null) {
            insert.setNull(p, Types.BIGINT);
        } else {
            insert.setLong(p, value);
        }
    }

    /** As {@link UtcInstantConverter} stores an instant: its UTC wall time. */
    private static Timestamp utc(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
