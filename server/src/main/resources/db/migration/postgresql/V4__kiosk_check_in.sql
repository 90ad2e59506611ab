-- A driver checked a crossing in at a yard kiosk: its queue number of the gate day and its yard.
CREATE TABLE kiosk_check_in (
    id BIGINT NOT NULL,
    crossing_id BIGINT NOT NULL,
    queue_day DATE NOT NULL,
    queue_number INTEGER NOT NULL,
    yard_code VARCHAR(32) NOT NULL,
    checked_in_at TIMESTAMP NOT NULL,
    kiosk VARCHAR(64) NOT NULL,
    CONSTRAINT pk_kiosk_check_in PRIMARY KEY (id),
    CONSTRAINT uq_kiosk_check_in_crossing_id UNIQUE (crossing_id),
    CONSTRAINT uq_kiosk_check_in_number UNIQUE (queue_day, queue_number)
);
ALTER TABLE kiosk_check_in ADD CONSTRAINT fk_kiosk_check_in_crossing_id FOREIGN KEY (crossing_id) REFERENCES crossing (id);
