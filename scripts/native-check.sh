#!/usr/bin/env bash
# Runs every Quarkus native build step without native-image (-Dquarkus.native.sources-only=true) and checks what
# they hand to native-image: target/native-sources/ with its args file, the runner jar and its libraries, and the
# registrations Apache POI and the REST API need. A failing build step or a missing registration fails the script.
# A real native build (local GraalVM/Mandrel or the builder image) is described in docs/native.md.
# Takes about a minute; leaves the native sources in target/native-sources/ and no JVM jar in target/quarkus-app/
# worth testing (run ./mvnw package again before integration tests).
set -euo pipefail

cd "$(dirname "$0")/.."
SOURCES=target/native-sources
ARGS=$SOURCES/native-image.args

# A stale directory from an earlier run must not pass for this one.
rm -rf "$SOURCES"
./mvnw -B -q package -Dnative -Dquarkus.native.sources-only=true -DskipTests "$@"

fail() {
  echo "native-check: $*" >&2
  exit 1
}

[ -f "$ARGS" ] || fail "$ARGS was not written"
RUNNER=$(ls "$SOURCES"/*-runner.jar 2>/dev/null | head -n 1)
[ -n "$RUNNER" ] || fail "no runner jar in $SOURCES"
[ -n "$(ls -A "$SOURCES/lib" 2>/dev/null)" ] || fail "no libraries in $SOURCES/lib"
grep -q -- "-jar $(basename "$RUNNER")" "$ARGS" || fail "$ARGS does not build $(basename "$RUNNER")"

# What the native settings must put on native-image's command line.
for arg in \
  'io.quarkiverse.poi.runtime.graal.POIFeature' \
  '-H:+AddAllCharsets' \
  '--enable-monitoring=heapdump,jfr' \
  '-H:+ReportExceptionStackTraces' \
  '-J-Xmx'; do
  grep -q -F -- "$arg" "$ARGS" || fail "$ARGS lacks $arg"
done

# Reflection and resources the image needs at run time: the API's JSON types, the XMLBeans types POI parses
# styles and workbooks with, the pool-sizing config factory, Aalto's array of namespace bindings (grown
# reflectively), and POI's schema type system.
REFLECT=$(unzip -p "$RUNNER" META-INF/native-image/reflect-config.json)
for type in \
  io.sheetingest.ingest.Job \
  io.sheetingest.problem.Problem \
  io.sheetingest.dataset.DatasetDetail \
  io.sheetingest.dataset.DatasetSummary \
  io.sheetingest.pool.PoolSizingConfigSourceFactory \
  org.openxmlformats.schemas.spreadsheetml.x2006.main.impl.CTStylesheetImpl \
  org.openxmlformats.schemas.spreadsheetml.x2006.main.impl.CTWorkbookImpl \
  '[Lcom.fasterxml.aalto.in.NsBinding;'; do
  grep -q -F "\"$type\"" <<<"$REFLECT" || fail "$type is not registered for reflection"
done
RESOURCES=$(unzip -p "$RUNNER" META-INF/native-image/resource-config.json)
grep -q -F 'org/apache/poi/schemas/ooxml/' <<<"$RESOURCES" || fail "POI's .xsb schema resources are not included"
grep -q -F 'db/migration/V1__ingest_schema.sql' <<<"$RESOURCES" || fail "Flyway migrations are not included"

# Aalto parses sheet XML but must not become every library's StAX parser: its service registrations are dropped.
AALTO=$(ls "$SOURCES"/lib/*aalto-xml*.jar 2>/dev/null | head -n 1)
[ -n "$AALTO" ] || fail "Aalto is not among the libraries in $SOURCES/lib"
if unzip -Z1 "$AALTO" | grep -q '^META-INF/services/javax.xml.stream'; then
  fail "$(basename "$AALTO") still registers Aalto as the StAX implementation"
fi

echo "native-check: native build steps passed; $(wc -l < <(unzip -Z1 "$RUNNER")) entries in $(basename "$RUNNER"), $(ls "$SOURCES/lib" | wc -l) libraries, args in $ARGS"
