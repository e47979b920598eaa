#!/usr/bin/env bash
# The sheet-ingest benchmark, in one run (bench/README.md):
#   bench/run.sh            100k and 1M rows (~15 min on 2 cores), writes docs/benchmarks.md
#   bench/run.sh --quick    100k rows only (~3 min), writes bench/target/benchmarks-quick.md
# Options: --no-build (reuse target/quarkus-app; bench/target is built when missing), --out FILE (the Markdown).
# Talks only to 127.0.0.1: the service it starts and the local PostgreSQL (database $DB_NAME, default si_bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

QUICK=0
BUILD=1
OUT_MD=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --out) OUT_MD="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then
  SIZES=(100000)
  OUT_MD=${OUT_MD:-bench/target/benchmarks-quick.md}
else
  SIZES=(100000 1000000)
  OUT_MD=${OUT_MD:-docs/benchmarks.md}
fi
# pandas and POI usermodel run at this size only: at 1M rows they take 5 min and more than 15 min (docs/DESIGN).
BASELINE_SIZE=100000

# ------------------------------------------------------------------------------------------------ settings
DB_NAME=${DB_NAME:-si_bench}
DB_USER=${DB_USER:-sheet_ingest}
API_PORT=${BENCH_HTTP_PORT:-18080}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-19000}
RATE=${BENCH_RATE:-200}
IDLE_SECONDS=${BENCH_IDLE_SECONDS:-10}
REPS=${BENCH_REPS:-3}
SETTLE_SECONDS=$([ "$QUICK" = 1 ] && echo 5 || echo 10)
IDLE_CPU_SECONDS=${BENCH_IDLE_CPU_SECONDS:-$([ "$QUICK" = 1 ] && echo 10 || echo 20)}
# The container's 1 GiB limit with run-java.sh's 50 % heap ratio (src/main/docker/Dockerfile.jvm).
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:--Xmx512m}
# The resource monitor's one knob: the variable that sets its sampling interval, and the values meaning on / off.
# Repoint these three when the resource monitor of issue 6 lands with its own setting.
MONITOR_ENV=${BENCH_MONITOR_ENV:-RESOURCE_SAMPLE_INTERVAL}
MONITOR_ON=${BENCH_MONITOR_ON:-1s}
MONITOR_OFF=${BENCH_MONITOR_OFF:-24h}
SCRAPE_SECONDS=5
BASELINE_TIMEOUT=${BENCH_BASELINE_TIMEOUT:-600}

OUT=bench/target
DATA=$OUT/data
LOGS=$OUT/logs
RESULTS=$OUT/results.jsonl
PY=/usr/bin/python3
export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -h 127.0.0.1 -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt)
CLIENT=(java -Xmx1g -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory
  -cp "bench/target/classes:bench/target/lib/*" io.sheetingest.benchmark.BenchClient)
SERVICE_PID=""
BENCH_STARTED=$(date +%s)

log() { printf '== %s %s\n' "$(date +%H:%M:%S)" "$*"; }
now_ns() { date +%s%N; }

stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=""
}
trap stop_service EXIT

# ------------------------------------------------------------------------------------------------ prerequisites
prerequisites() {
  if ! "$PY" -c "import pandas, openpyxl, psycopg2" 2>/dev/null; then
    log "installing the pandas baseline's Debian packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas python3-openpyxl python3-psycopg2 >/dev/null
  fi
  if [ "$BUILD" = 1 ]; then
    log "building the service (target/quarkus-app)"
    ./mvnw -q -B package -DskipTests
  fi
  if [ "$BUILD" = 1 ] || [ ! -d bench/target/lib ]; then
    log "building the bench client (bench/target)"
    ./mvnw -q -B -f bench/pom.xml package
  fi
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "target/quarkus-app/quarkus-run.jar is missing: run without --no-build" >&2
    exit 1
  fi
  mkdir -p "$DATA" "$LOGS" "$OUT/keys"
  : > "$RESULTS"
}

generate_inputs() {
  log "inputs: ${SIZES[*]} rows (kept between runs)"
  "${CLIENT[@]}" generate "$DATA" "${SIZES[@]}"
}

# A key pair of the bench's own and an 'ingest read' token signed with it; the service trusts only its public key.
mint_token() {
  local key=$OUT/keys/signing.pem
  [ -f "$key" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
  PUBLIC_KEY=$(openssl rsa -in "$key" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')
  local b64url now payload unsigned signature
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  payload=$(printf '{"iss":"urn:sheet-ingest:bench","aud":"sheet-ingest","sub":"bench","groups":["ingest","read"],"iat":%d,"exp":%d}' \
    "$now" "$((now + 4 * 3600))")
  unsigned="$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '%s' "$payload" | b64url)"
  signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" -binary | b64url)
  printf '%s.%s\n' "$unsigned" "$signature" > "$OUT/keys/token"
}

# Empties the bench database: the service's schemas (Flyway recreates them) and the baselines' tables.
reset_database() {
  if ! psql -h 127.0.0.1 -U "$DB_USER" -d "$DB_NAME" -qAtc "SELECT 1" >/dev/null 2>&1; then
    log "creating database $DB_NAME (scripts/setup-db.sh)"
    DB_NAME="$DB_NAME" bash scripts/setup-db.sh >/dev/null
  fi
  log "resetting database $DB_NAME"
  "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS ingest CASCADE; DROP SCHEMA IF EXISTS datasets CASCADE;
                   DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;" 2>&1 | grep -v NOTICE || true
  rm -rf "$OUT/store"
}

# ------------------------------------------------------------------------------------------------ the service
# start_service <name> <monitor interval> [extra JVM options...]
start_service() {
  local name=$1 interval=$2
  shift 2
  local port
  for port in "$API_PORT" "$MGMT_PORT"; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
      echo "port $port is already in use; stop what listens there or set BENCH_HTTP_PORT/BENCH_MANAGEMENT_PORT" >&2
      exit 1
    fi
  done
  SERVICE_LOG=$LOGS/service-$name.log
  env QUARKUS_PROFILE=prod DB_NAME="$DB_NAME" DB_HOST=127.0.0.1 HTTP_PORT="$API_PORT" MANAGEMENT_PORT="$MGMT_PORT" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    OIDC_PUBLIC_KEY="$PUBLIC_KEY" OIDC_ISSUER=urn:sheet-ingest:bench OIDC_AUDIENCE=sheet-ingest \
    STORE_DIR="$OUT/store" STORE_MIN_FREE=100M "$MONITOR_ENV=$interval" ALERT_INTERVAL="$interval" SHEET_INGEST_JOBS_LEASE=10m \
    java $SERVICE_JAVA_OPTS "$@" -jar target/quarkus-app/quarkus-run.jar > "$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  local deadline=$(( $(date +%s) + 90 ))
  until curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" > /dev/null; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      echo "the service did not become ready; see $SERVICE_LOG" >&2
      tail -30 "$SERVICE_LOG" >&2
      exit 1
    fi
    sleep 0.5
  done
  log "service $name ready (pid $SERVICE_PID, $MONITOR_ENV=$interval)"
  # One unmeasured ingestion, so that every measured one meets a warm JIT, as a long-running service would.
  client ingest "warmup_$name" "warmup_$name" "$DATA/orders-100000.xlsx" > /dev/null
}

# client <mode> <label> <dataset> [file, "" for none [extra client options...]]
client() {
  local mode=$1 label=$2 dataset=$3 file=${4:-}
  shift 3; [ $# -gt 0 ] && shift
  local args=(--api "http://127.0.0.1:$API_PORT" --token-file "$OUT/keys/token" --label "$label"
    --dataset "$dataset" --pid "$SERVICE_PID" --rate "$RATE" --service-log "$SERVICE_LOG"
    --idle-seconds "$IDLE_SECONDS")
  [ -n "$file" ] && args+=(--file "$file")
  "${CLIENT[@]}" "$mode" "${args[@]}" "$@"
}

# measure <label> <file> [extra client options...]: ingestions of one file, each result appended to the results.
# Runs of 100k rows or fewer are repeated (BENCH_REPS) and the report takes the median: single short runs on a
# shared machine are too noisy for a ratio such as the monitoring overhead.
measure() {
  local label=$1 file=$2
  shift 2
  local reps=1 rep line zeros dataset
  [ "$(rows_of "$file")" -le 100000 ] && reps=$REPS
  for rep in $(seq 1 "$reps"); do
    dataset="${label}_r$rep"
    log "measuring $label ($rep/$reps)"
    line=$(client ingest "$label" "$dataset" "$file" "$@")
    zeros=$("${PSQL[@]}" -c "SELECT count(*) > 0 FROM datasets.\"$dataset\" WHERE customer_code LIKE '0%'" \
      2>/dev/null || echo f)
    echo "$line" | jq -c --arg z "$zeros" --argjson rows "$(rows_of "$file")" --argjson rep "$rep" \
      '. + {kind:"service", expected_rows:$rows, rep:$rep, zeros_kept:($z == "t")}' | tee -a "$RESULTS"
  done
}

# idle_cpu <label> [scrape]: the service's own CPU time per second with no requests (scraping /q/metrics every
# SCRAPE_SECONDS when asked), after a settling pause so that JIT compilation of the warm-up is over. This isolates
# what the resource monitor and the scraper cost, which wall times of whole ingestions are too noisy to show here.
idle_cpu() {
  local label=$1 scrape=${2:-}
  log "idle CPU: $label"
  sleep "$SETTLE_SECONDS"
  local before after scraper=""
  before=$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat")
  if [ -n "$scrape" ]; then
    ( while true; do curl -s -o /dev/null "http://127.0.0.1:$MGMT_PORT/q/metrics"; sleep "$SCRAPE_SECONDS"; done ) &
    scraper=$!
  fi
  sleep "$IDLE_CPU_SECONDS"
  after=$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat")
  [ -n "$scraper" ] && kill "$scraper"
  jq -nc --arg name "$label" --argjson ticks "$((after - before))" --argjson s "$IDLE_CPU_SECONDS" \
    '{"kind":"idle_cpu", "label":$name, "seconds":$s, "cpu_ms_per_s":($ticks * 10 / $s)}' | tee -a "$RESULTS"
}

rows_of() { basename "$1" | sed -E 's/orders-([0-9]+)\..*/\1/'; }

# ------------------------------------------------------------------------------------------------ baselines
# baseline <label> <rows> <table> <command...>: runs a baseline under /usr/bin/time, appends its result
baseline() {
  local label=$1 rows=$2 table=$3
  shift 3
  log "baseline $label"
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS $table; CREATE TABLE $table ($(schema_columns))"
  local started ended rc=0 rss_kb loaded zeros
  started=$(now_ns)
  /usr/bin/time -f '%M' -o "$LOGS/$label.rss" timeout "$BASELINE_TIMEOUT" "$@" > "$LOGS/$label.out" 2>&1 || rc=$?
  ended=$(now_ns)
  rss_kb=$(tail -1 "$LOGS/$label.rss" | grep -E '^[0-9]+$' || echo 0)
  loaded=$("${PSQL[@]}" -c "SELECT count(*) FROM $table")
  zeros=$("${PSQL[@]}" -c "SELECT count(*) > 0 FROM $table WHERE customer_code LIKE '0%'")
  jq -nc --arg name "$label" --argjson rows "$rows" --argjson rc "$rc" --argjson loaded "$loaded" \
    --arg z "$zeros" --argjson ns "$((ended - started))" --argjson kb "$rss_kb" \
    '{"kind":"baseline", "label":$name, "expected_rows":$rows, "rowsWritten":$loaded, "exit":$rc,
      "status":(if $rc == 0 and $loaded == $rows then "succeeded" elif $rc == 124 then "timeout" else "failed" end),
      "seconds":($ns / 1e9), "peak_rss_mb":($kb / 1024), "zeros_kept":($z == "t")}' | tee -a "$RESULTS"
  "${PSQL[@]}" -c "DROP TABLE $table"
}

schema_columns() {
  echo "order_id bigint, customer_code text, quantity bigint, unit_price numeric, discount numeric,
        order_date date, shipped_at timestamp, product text, city text, paid boolean, note text, weight_kg numeric"
}

baselines() {
  local n
  for n in "${SIZES[@]}"; do
    baseline "copy_$n" "$n" "bench.copy_$n" \
      "${PSQL[@]}" -c "\\copy bench.copy_$n FROM '$DATA/orders-$n.csv' WITH (FORMAT csv, HEADER)"
  done
  baseline "pandas_$BASELINE_SIZE" "$BASELINE_SIZE" "bench.pandas_$BASELINE_SIZE" \
    "$PY" bench/baselines/pandas_copy.py "$DATA/orders-$BASELINE_SIZE.xlsx" \
    "host=127.0.0.1 dbname=$DB_NAME user=$DB_USER" "bench.pandas_$BASELINE_SIZE"
  baseline "poi_usermodel_$BASELINE_SIZE" "$BASELINE_SIZE" "bench.poi_usermodel_$BASELINE_SIZE" \
    java -Xmx4g -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
    -cp "bench/target/classes:bench/target/lib/*" io.sheetingest.benchmark.BenchClient poi-usermodel \
    --file "$DATA/orders-$BASELINE_SIZE.xlsx" --table "bench.poi_usermodel_$BASELINE_SIZE" \
    --jdbc "jdbc:postgresql://127.0.0.1:5432/$DB_NAME?user=$DB_USER"
}

# ------------------------------------------------------------------------------------------------ the run
environment() {
  jq -nc --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
    --arg cores "$(nproc)" --arg mem "$(free -g | awk '/Mem:/ {print $2}')" \
    --arg kernel "$(uname -r)" --arg java "$(java -version 2>&1 | head -1)" \
    --arg pg "$("${PSQL[@]}" -c 'SHOW server_version')" --arg psql "$(psql --version)" \
    --arg py "$("$PY" -c 'import sys, pandas, openpyxl, psycopg2; print(sys.version.split()[0], pandas.__version__, openpyxl.__version__, psycopg2.__version__.split()[0])')" \
    --arg quarkus "$(grep -m1 '<quarkus.platform.version>' pom.xml | sed -E 's/.*>(.*)<.*/\1/')" \
    --arg poi "$(grep -m1 '<poi.version>' pom.xml | sed -E 's/.*>(.*)<.*/\1/')" \
    --arg commit "$(git rev-parse --short HEAD)" --arg java_opts "$SERVICE_JAVA_OPTS" --arg rate "$RATE" \
    --arg quick "$QUICK" --arg monitor "$MONITOR_ENV=$MONITOR_ON" \
    '{kind:"environment", cpu:$cpu, cores:$cores, memory_gb:$mem, kernel:$kernel, java:$java, postgresql:$pg,
      psql:$psql, python:$py, quarkus:$quarkus, poi:$poi, commit:$commit, service_java_opts:$java_opts,
      rate:$rate, quick:($quick == "1"), monitor:$monitor}' >> "$RESULTS"
}

main() {
  prerequisites
  generate_inputs
  mint_token
  reset_database
  environment

  local n
  start_service base "$MONITOR_OFF"
  log "idle latency, ${IDLE_SECONDS}s at $RATE req/s"
  client idle idle idle | jq -c '. + {kind:"service"}' | tee -a "$RESULTS"
  idle_cpu idle_cpu_off
  for n in "${SIZES[@]}"; do
    measure "si_xlsx_$n" "$DATA/orders-$n.xlsx"
    measure "si_csv_$n" "$DATA/orders-$n.csv"
  done
  stop_service

  start_service monitored "$MONITOR_ON"
  log "idle latency with the monitor on and scraping, ${IDLE_SECONDS}s"
  client idle idle_monitored idle_monitored "" --scrape-url "http://127.0.0.1:$MGMT_PORT/q/metrics" \
    --scrape-seconds "$SCRAPE_SECONDS" | jq -c '. + {kind:"service"}' | tee -a "$RESULTS"
  idle_cpu idle_cpu_on scrape
  for n in "${SIZES[@]}"; do
    measure "si_monitored_xlsx_$n" "$DATA/orders-$n.xlsx" \
      --scrape-url "http://127.0.0.1:$MGMT_PORT/q/metrics" --scrape-seconds "$SCRAPE_SECONDS"
  done
  stop_service

  start_service eventloop "$MONITOR_OFF" -Dsheet-ingest.bench-mode=true -Dsheet-ingest.bench.parse-on-event-loop=true
  for n in "${SIZES[@]}"; do
    REPS=1 measure "si_eventloop_xlsx_$n" "$DATA/orders-$n.xlsx"
  done
  stop_service

  baselines

  local took=$(( $(date +%s) - BENCH_STARTED ))
  jq -nc --argjson s "$took" '{kind:"run", seconds:$s}' >> "$RESULTS"
  "$PY" bench/report.py "$RESULTS" "$OUT_MD"
  log "done in ${took}s: $OUT_MD"
}

main
