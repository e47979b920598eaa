-- Every sheet of the workbook a job read, so that the uploader sees the ones that were not ingested.
ALTER TABLE ingest.jobs ADD COLUMN sheets jsonb;
