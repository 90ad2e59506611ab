-- The gate this server runs, with its congestion thresholds (National Single Window levels: green below
-- yellow_from vehicles waiting, yellow up to orange_above, orange up to red_above, red beyond). Change a
-- gate's thresholds with an UPDATE of its row; the public status feed reads them on each refresh.
CREATE TABLE gate_site (
    code VARCHAR(32) NOT NULL,
    name_vi VARCHAR(120) NOT NULL,
    name_en VARCHAR(120) NOT NULL,
    yellow_from INT NOT NULL,
    orange_above INT NOT NULL,
    red_above INT NOT NULL,
    CONSTRAINT pk_gate_site PRIMARY KEY (code),
    CONSTRAINT ck_gate_site_thresholds CHECK (yellow_from > 0 AND orange_above >= yellow_from AND red_above >= orange_above)
);
INSERT INTO gate_site (code, name_vi, name_en, yellow_from, orange_above, red_above)
    VALUES ('HUU_NGHI', 'Cửa khẩu Hữu Nghị', 'Huu Nghi border gate', 500, 1000, 5000);

-- Report queries select by time range: arrivals, releases, decisions, history, fees, declarations.
CREATE INDEX ix_crossing_arrived_at ON crossing (arrived_at);
CREATE INDEX ix_crossing_released_at ON crossing (released_at);
CREATE INDEX ix_crossing_return_deadline ON crossing (return_deadline);
CREATE INDEX ix_crossing_step_decided_at ON crossing_step (decided_at);
CREATE INDEX ix_step_confirmation_decided_at ON step_confirmation (decided_at);
CREATE INDEX ix_fee_paid_at ON fee (paid_at);
CREATE INDEX ix_declaration_submitted_at ON declaration (submitted_at);
