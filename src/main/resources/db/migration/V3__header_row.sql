-- The uploader may name the row that holds the column names.
ALTER TABLE ingest.jobs ADD COLUMN header_row integer CHECK (header_row >= 1);
