-- Calling the next vehicle from the yard: which lane called a crossing, and when (null: not called yet).
ALTER TABLE crossing ADD COLUMN called_lane_code VARCHAR(16);
ALTER TABLE crossing ADD COLUMN called_at TIMESTAMP;
