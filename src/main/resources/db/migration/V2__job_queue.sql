-- Durable job queue: cancellation, replace, retry backoff, attempts history, idempotency, inbox origin.

ALTER TABLE ingest.jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE ingest.jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'));

ALTER TABLE ingest.jobs
    ADD COLUMN replace_rows      boolean     NOT NULL DEFAULT false,
    ADD COLUMN not_before        timestamptz,
    ADD COLUMN cancel_requested  boolean     NOT NULL DEFAULT false,
    ADD COLUMN source            text,
    ADD COLUMN parse_ms          bigint,
    ADD COLUMN write_ms          bigint,
    ADD COLUMN superseded_by     uuid;

-- The same bytes for the same dataset are one job while that job is alive, or succeeded and not replaced since.
CREATE UNIQUE INDEX jobs_dataset_sha256_live ON ingest.jobs (dataset, sha256)
    WHERE status IN ('queued', 'running', 'succeeded') AND superseded_by IS NULL;

-- Newest-first keyset pagination.
CREATE INDEX jobs_created_id_idx ON ingest.jobs (created_at DESC, id DESC);

CREATE TABLE ingest.job_attempts (
    job_id       uuid        NOT NULL REFERENCES ingest.jobs (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    owner        text        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    outcome      text,
    error        jsonb,
    PRIMARY KEY (job_id, attempt)
);
