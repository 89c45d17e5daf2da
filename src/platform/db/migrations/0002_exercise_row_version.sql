-- Advances and adjustments of an exercise are edited together; this version detects concurrent edits.
ALTER TABLE exercise ADD COLUMN row_version integer NOT NULL DEFAULT 1;
