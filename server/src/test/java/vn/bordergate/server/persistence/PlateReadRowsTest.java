package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.server.support.Await;
import vn.bordergate.server.support.TestGate;

/** Plate-read rows by JDBC (the writers' path) are the rows Hibernate's persist writes, on the real database. */
class PlateReadRowsTest {
    private final Transactions tx = TestGate.shared().server().services().tx;
    private final PlateReadRows rows = new PlateReadRows();

    @Test
    void theColumnListIsTheTablesAndTheMappings() {
        List<String> table = tx.read(session -> session.doReturningWork(connection -> {
            List<String> names = new ArrayList<>();
            try (ResultSet columns = connection.getMetaData().getColumns(null, null, "PLATE_READ", null)) {
                while (columns.next()) {
                    names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }));
        List<String> mapped = tx.read(session -> {
            EntityPersister persister = session.unwrap(SessionImplementor.class)
                    .getFactory()
                    .getMappingMetamodel()
                    .getEntityDescriptor(PlateReadEntity.class);
            List<String> names = new ArrayList<>();
            persister
                    .getIdentifierMapping()
                    .forEachSelectable((i, selectable) ->
                            names.add(selectable.getSelectionExpression().toLowerCase(Locale.ROOT)));
            persister.forEachSelectable((i, selectable) ->
                    names.add(selectable.getSelectionExpression().toLowerCase(Locale.ROOT)));
            return names;
        });
        assertThat(PlateReadRows.COLUMNS).doesNotHaveDuplicates();
        assertThat(table).containsExactlyInAnyOrderElementsOf(PlateReadRows.COLUMNS);
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(PlateReadRows.COLUMNS);
    }

    /**
     * Each index is one more B-tree insert per read: only those a query reads (the id; the handover report's, the
     * recent reads' and the auto-match rate's columns). V11 dropped those on match status and on the crossing; V12 put the
     * id into the report index, newest first, for the recent reads.
     */
    @Test
    void eachReadIsIndexedOnlyWhereAQueryReadsIt() {
        Map<String, List<String>> indexes = tx.read(session -> session.doReturningWork(connection -> {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet index = connection.getMetaData().getIndexInfo(null, null, "PLATE_READ", false, false)) {
                while (index.next()) {
                    columns.computeIfAbsent(index.getString("INDEX_NAME"), name -> new ArrayList<>())
                            .add(
                                    index.getShort("ORDINAL_POSITION") - 1,
                                    index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        }));
        assertThat(indexes.values())
                .containsExactlyInAnyOrder(
                        List.of("id"), List.of("read_at", "id", "match_status", "corrected_at", "corrected_by"));
    }

    @Test
    void everyColumnIsWrittenAsHibernateWritesIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Consumer<PlateReadEntity> full = r -> {
            r.setCameraCode("CAM-" + run);
            r.setLaneCode("LANE-" + run);
            r.setReadAt(Instant.parse("2026-11-24T16:20:31.123456789Z"));
            r.setRawText("raw " + run);
            r.setPlate("51C" + run.substring(0, 5));
            r.setCountry(PlateCountry.CN);
            r.setConfidence(0.8125);
            r.setImagePath("img/" + run);
            r.setCrossingId(987_654_321L);
            r.setMatchStatus(MatchStatus.CORRECTED);
            r.setCandidates("1|51C-123.45|0.3;2|51C-123.46|1.0");
            r.setPairedReadId(123_456_789L);
            r.setCorrectedBy("officer-" + run);
            r.setCorrectedAt(Instant.parse("2026-11-24T17:01:02.5Z"));
        };
        Consumer<PlateReadEntity> bare = r -> {
            r.setCameraCode("CAM-" + run);
            r.setReadAt(Instant.parse("2026-11-24T00:00:00Z"));
            r.setRawText("?");
            r.setMatchStatus(MatchStatus.NEEDS_OFFICER);
        };
        for (Consumer<PlateReadEntity> fields : List.of(full, bare)) {
            long[] ids = tx.write(session -> {
                PlateReadEntity byHibernate = new PlateReadEntity();
                fields.accept(byHibernate);
                session.persist(byHibernate);
                PlateReadEntity byJdbc = new PlateReadEntity();
                fields.accept(byJdbc);
                rows.insert(session, byJdbc);
                return new long[] {byHibernate.getId(), byJdbc.getId()};
            });
            assertThat(ids[1]).isNotEqualTo(ids[0]);
            Map<String, Object> hibernate = row(ids[0]);
            Map<String, Object> jdbc = row(ids[1]);
            assertThat(hibernate.remove("id")).isEqualTo(ids[0]);
            assertThat(jdbc.remove("id")).isEqualTo(ids[1]);
            assertThat(jdbc).hasSize(PlateReadRows.COLUMNS.size() - 1).isEqualTo(hibernate);
        }
        Map<String, Object> first = row(tx.read(session -> session.createSelectionQuery(
                        "select max(id) from PlateReadEntity where cameraCode = :camera and rawText like 'raw %'",
                        Long.class)
                .setParameter("camera", "CAM-" + run)
                .getSingleResult()));
        assertThat(first.get("read_at").toString()).isEqualTo("2026-11-24 16:20:31.123456789");
        assertThat(first.get("country")).isEqualTo("CN");
    }

    @Test
    void rowsComeWithTheCommitAndGoWithARollback() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long id = tx.write(session -> {
            PlateReadEntity r = read(run);
            rows.insert(session, r);
            r.setImagePath("set after the insert call " + run); // as the pictures' path is
            return r.getId();
        });
        assertThat(row(id)).containsEntry("image_path", "set after the insert call " + run);

        long[] refused = new long[1];
        assertThatThrownBy(() -> tx.write(session -> {
                    PlateReadEntity r = read(run);
                    rows.insert(session, r);
                    refused[0] = r.getId();
                    throw new IllegalStateException("refused");
                }))
                .hasMessageContaining("refused");
        assertThat(refused[0]).isPositive();
        assertThat(row(refused[0])).isEmpty();

        // a row the database refuses (too long for its column) fails its transaction whole, at the commit
        long[] other = new long[1];
        assertThatThrownBy(() -> tx.write(session -> {
            PlateReadEntity fine = read(run);
            rows.insert(session, fine);
            other[0] = fine.getId();
            PlateReadEntity tooLong = read(run);
            tooLong.setCameraCode("X".repeat(40));
            rows.insert(session, tooLong);
            return null;
        }));
        assertThat(row(other[0])).isEmpty();
    }

    /**
     * In the writers' shared transaction a row the database refuses fails the batch at its commit, after every unit
     * has run: each unit then runs again alone, and every other read is stored exactly once (its first row went with
     * the rolled-back batch), the refused one not at all.
     */
    @Test
    void aRowRefusedAtTheSharedCommitFailsAloneAndTheOthersAreStoredOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Integer> committedBatches = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        GroupCommit writes = new GroupCommit(
                tx,
                "rows-test",
                1,
                64,
                64,
                5_000,
                60_000,
                () -> new IllegalStateException("busy"),
                () -> new IllegalStateException("unknown"),
                results -> committedBatches.add(results.size()));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // the only writer waits in a first unit while the others queue: they are written as one batch
            Future<Long> first = pool.submit(() -> writes.write(session -> {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return stored(session, run, "first", false);
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "unit" + i;
                boolean refused = i == 3;
                others.add(pool.submit(() -> writes.write(session -> {
                    runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    return stored(session, run, name, refused);
                })));
            }
            Await.until(() -> writes.queued() == 6, "six units never queued behind the first");
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isPositive();
            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    assertThatThrownBy(others.get(i)::get).isInstanceOf(ExecutionException.class);
                } else {
                    assertThat(others.get(i).get(30, TimeUnit.SECONDS)).isPositive();
                }
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        List<String> texts = tx.read(session -> session.createSelectionQuery(
                        "select rawText from PlateReadEntity where cameraCode = :camera", String.class)
                .setParameter("camera", "CAM-" + run)
                .getResultList());
        assertThat(texts)
                .containsExactlyInAnyOrder(
                        "first " + run, "unit0 " + run, "unit1 " + run, "unit2 " + run, "unit4 " + run, "unit5 " + run);
        // each of the six ran in the shared batch and once more alone; the first and the five redone were committed
        assertThat(runs)
                .hasSize(6)
                .allSatisfy((name, count) -> assertThat(count.get()).as(name).isEqualTo(2));
        assertThat(committedBatches).containsExactly(1, 5);
    }

    private long stored(org.hibernate.Session session, String run, String name, boolean refusedByTheDatabase) {
        PlateReadEntity r = read(run);
        r.setRawText(name + " " + run);
        if (refusedByTheDatabase) {
            r.setLaneCode("X".repeat(40)); // longer than its column: refused only when the batch is executed
        }
        rows.insert(session, r);
        return r.getId();
    }

    private static PlateReadEntity read(String run) {
        PlateReadEntity r = new PlateReadEntity();
        r.setCameraCode("CAM-" + run);
        r.setReadAt(Instant.now());
        r.setRawText("raw " + run);
        r.setMatchStatus(MatchStatus.NEEDS_OFFICER);
        return r;
    }

    /** The stored row, column name to value as JDBC gives it (empty when there is none). */
    private Map<String, Object> row(long id) {
        return tx.read(session -> session.doReturningWork(connection -> {
            Map<String, Object> values = new LinkedHashMap<>();
            try (var select = connection.prepareStatement("select * from plate_read where id = ?")) {
                select.setLong(1, id);
                try (ResultSet result = select.executeQuery()) {
                    ResultSetMetaData meta = result.getMetaData();
                    if (result.next()) {
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            values.put(meta.getColumnName(c).toLowerCase(Locale.ROOT), result.getObject(c));
                        }
                    }
                }
            }
            return values;
        }));
    }
}
