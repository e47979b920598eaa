#!/usr/bin/env bash
# Starts the packaged JVM application (target/quarkus-app, prod profile) as if it had 2, 4, 8 and 16 CPUs
# (-XX:ActiveProcessorCount, which is what a cgroup CPU limit amounts to for the JVM) and checks the executor sizes
# and the Agroal base pool it reports against the formulas docs/deployment.md promises. Needs PostgreSQL as for
# the application (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD) and opens up to 31 connections for a moment.
# Usage: scripts/sizing-check.sh [CORES...]      (about 10 s per count)
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "sizing-check: $JAR missing, run ./mvnw package first" >&2; exit 1; }
COUNTS=("$@")
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(2 4 8 16)

status=0
printf '%-6s %-12s %-12s %-10s\n' cores cpu-executor io-executor pool-base
for cores in "${COUNTS[@]}"; do
  log=$(mktemp)
  java -XX:ActiveProcessorCount="$cores" -Dquarkus.http.port=0 -Dquarkus.management.port=0 \
      -Dsheet-ingest.store.dir=target/sizing-store -jar "$JAR" >"$log" 2>&1 &
  pid=$!
  port=
  for _ in $(seq 1 120); do
    port=$(grep -o 'Management interface listening on http://[^ ]*:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$port" ]; then
    echo "sizing-check: the application did not start with $cores cores:" >&2
    cat "$log" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
  fi
  metrics=$(curl -sf "http://127.0.0.1:$port/q/metrics")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$log"

  cpu=$(sed -n 's/^executor_pool_max_threads{name="cpu"} \([0-9]*\).*/\1/p' <<<"$metrics")
  io=$(sed -n 's/^executor_pool_max_threads{name="io"} \([0-9]*\).*/\1/p' <<<"$metrics")
  # Agroal opens the base at start-up; start-up itself (Flyway) may leave one more idle connection.
  available=$(sed -n 's/^agroal_available_count{datasource="default"} \([0-9]*\).*/\1/p' <<<"$metrics")
  printf '%-6s %-12s %-12s %-10s\n' "$cores" "$cpu" "$io" "$available"

  want_cpu=$(( cores - 1 > 1 ? cores - 1 : 1 ))
  want_io=$(( cores * 5 < 20 ? cores * 5 : 20 ))
  want_base=$(( cores * 10 < 30 ? cores * 10 : 30 ))
  if [ "$cpu" != "$want_cpu" ] || [ "$io" != "$want_io" ] \
      || [ "$available" -lt "$want_base" ] || [ "$available" -gt $(( want_base + 1 )) ]; then
    echo "sizing-check: $cores cores should give cpu=$want_cpu io=$want_io pool base=$want_base" >&2
    status=1
  fi
done
exit $status
