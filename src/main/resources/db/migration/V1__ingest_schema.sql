-- Bookkeeping for ingestion: jobs, the datasets they fill and the files they read.
-- Dataset tables themselves live in schema "datasets" and are created by the jobs.

CREATE SCHEMA IF NOT EXISTS datasets;

CREATE TABLE ingest.datasets (
    name        text        PRIMARY KEY,
    table_name  text        NOT NULL UNIQUE,
    columns     jsonb       NOT NULL DEFAULT '[]'::jsonb,
    row_count   bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ingest.jobs (
    id            uuid        PRIMARY KEY,
    dataset       text        NOT NULL,
    file_name     text        NOT NULL,
    sha256        text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    format        text        NOT NULL,
    sheet         text,
    status        text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    attempts      integer     NOT NULL DEFAULT 0,
    owner         text,
    lease_until   timestamptz,
    rows_read     bigint      NOT NULL DEFAULT 0,
    rows_written  bigint      NOT NULL DEFAULT 0,
    warnings      integer     NOT NULL DEFAULT 0,
    error         jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz
);

CREATE INDEX jobs_status_created_idx ON ingest.jobs (status, created_at);
CREATE INDEX jobs_dataset_idx ON ingest.jobs (dataset, created_at DESC);

CREATE TABLE ingest.files (
    job_id      uuid        PRIMARY KEY REFERENCES ingest.jobs (id) ON DELETE CASCADE,
    dataset     text        NOT NULL REFERENCES ingest.datasets (name),
    file_name   text        NOT NULL,
    sha256      text        NOT NULL,
    size_bytes  bigint      NOT NULL,
    row_count   bigint      NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX files_dataset_idx ON ingest.files (dataset);
