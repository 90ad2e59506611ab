-- Derby gave audit_entry 32 KB pages (its row may reach details' 2,000 characters), and its update of a row allocates
-- a buffer of the page's size whenever the row's new header does not fit where the old one was. The chainer updates
-- every entry's two hash columns once: 61 KB allocated per entry it linked, 17 KB in 4 KB pages (AuditEntryPagesTest).
-- In DeclarationCpuBenchmark's flight recording that buffer was 17 % of all the server allocated, the largest single
-- allocation of a declaration. A page size is fixed when a table is created, so the table is created again in 4 KB
-- pages (a rare long row spans pages, as Derby does for any long row) and its rows copied.
-- The page size is a database property read at CREATE TABLE: set for this one table, then removed again.
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '4096');
CREATE TABLE audit_entry_small_pages (
    id BIGINT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    actor VARCHAR(64) NOT NULL,
    station_code VARCHAR(32),
    action VARCHAR(48) NOT NULL,
    entity_type VARCHAR(32) NOT NULL,
    entity_id VARCHAR(32),
    details VARCHAR(2000),
    previous_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL
);
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', NULL);
INSERT INTO audit_entry_small_pages (id, recorded_at, actor, station_code, action, entity_type, entity_id, details,
        previous_hash, hash)
    SELECT id, recorded_at, actor, station_code, action, entity_type, entity_id, details, previous_hash, hash
    FROM audit_entry;
DROP TABLE audit_entry;
RENAME TABLE audit_entry_small_pages TO audit_entry;
ALTER TABLE audit_entry ADD CONSTRAINT pk_audit_entry PRIMARY KEY (id);
