#!/usr/bin/env bash
# Makes sure a local PostgreSQL runs and has the role and databases sheet-ingest uses: ${DB_NAME} (dev, quick
# start; kept), ${DB_NAME}_test and ${DB_NAME}_it (tests; recreated empty on every call). Needs root (or the postgres OS user) on
# a Debian-style machine; elsewhere create them by hand:
#   CREATE ROLE sheet_ingest LOGIN PASSWORD 'sheet_ingest'; CREATE DATABASE sheet_ingest OWNER sheet_ingest;
set -euo pipefail

DB_USER=${DB_USER:-sheet_ingest}
DB_PASSWORD=${DB_PASSWORD:-sheet_ingest}
DB_NAME=${DB_NAME:-sheet_ingest}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1 && ! command -v psql >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: installing it with apt" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header | while read -r version cluster _port status _rest; do
    if [ "$status" != online ]; then
      echo "starting PostgreSQL $version/$cluster" >&2
      pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
    fi
  done
fi

for _ in $(seq 1 30); do
  if as_postgres psql -qtAc 'SELECT 1' >/dev/null 2>&1; then break; fi
  sleep 1
done

as_postgres psql -v ON_ERROR_STOP=1 -qtA <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') THEN
    CREATE ROLE ${DB_USER} LOGIN PASSWORD '${DB_PASSWORD}';
  END IF;
END
\$\$;
SQL
if ! as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'" | grep -q 1; then
  as_postgres psql -v ON_ERROR_STOP=1 -qc "CREATE DATABASE ${DB_NAME} OWNER ${DB_USER}"
fi
# The test database starts empty every time, so that no job, lease or table left by an earlier (or interrupted)
# run can change what the tests see.
# ${DB_NAME}_it is a second replica's own database for the integration test that restarts the packaged jar.
for db in "${DB_NAME}_test" "${DB_NAME}_it"; do
  as_postgres psql -v ON_ERROR_STOP=1 -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ${db} WITH (FORCE)"
  as_postgres psql -v ON_ERROR_STOP=1 -qc "CREATE DATABASE ${db} OWNER ${DB_USER}"
done
echo "PostgreSQL ready: databases ${DB_NAME}, ${DB_NAME}_test and ${DB_NAME}_it, role ${DB_USER} on ${DB_HOST:-localhost}:${DB_PORT:-5432}" >&2
