-- The same bytes for the same dataset are one job per set of read options (sheet, header row, encoding, column
-- types): uploading them again with other options is another ingestion, not the one already done. '' stands for
-- all options left to detection, which is what every job before this migration had or is treated as having.
ALTER TABLE ingest.jobs ADD COLUMN options_key text NOT NULL DEFAULT '';

DROP INDEX ingest.jobs_dataset_sha256_live;
CREATE UNIQUE INDEX jobs_dataset_sha256_options_live ON ingest.jobs (dataset, sha256, options_key)
    WHERE status IN ('queued', 'running', 'succeeded') AND superseded_by IS NULL;
