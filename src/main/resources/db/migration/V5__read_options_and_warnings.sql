-- How the uploader asked a CSV file to be decoded and which columns it typed itself, and the first warnings a job
-- raised, so that "warnings: 3" comes with the rows to look at.
ALTER TABLE ingest.jobs
    ADD COLUMN encoding text,
    ADD COLUMN column_types jsonb,
    ADD COLUMN warning_details jsonb;
