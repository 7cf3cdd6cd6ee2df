#!/usr/bin/env bash
# The main job on the bundled fixtures: a fresh local broker, ingest Fixtures/seeds, enrich until
# idle into a fresh SQLite file, print what was stored, then leave the web view serving that file
# and print its address (scripts/web.sh down stops it). Called by `make demo` after set-up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${AKHBAR_BROKER_PORT:-9092}"
DB="${AKHBAR_DEMO_DB:-.run/demo.sqlite}"
BIN="$(swift build --show-bin-path)"
WEB_PORT="${AKHBAR_WEB_PORT:-8080}"

# Tansu keeps topics in memory: a fresh broker makes the demo repeatable.
deploy/broker.sh down "$PORT"
BROKERS="$(deploy/broker.sh up "$PORT")"
trap 'deploy/broker.sh down "$PORT"' EXIT
# The web view of an earlier demo reads the file about to be replaced.
scripts/web.sh down
rm -f "$DB" "$DB-wal" "$DB-shm"

echo "== ingest Fixtures/seeds → $BROKERS"
"$BIN/akhbar-ingest" --brokers "$BROKERS" --create-topic --partitions 4 Fixtures/seeds
echo "== enrich until idle → $DB"
"$BIN/akhbar-enricher" --brokers "$BROKERS" --db "$DB" --until-idle 5
echo "== stored articles"
"$BIN/akhbar-enricher" show --db "$DB"
echo "== web view"
scripts/web.sh up "$DB" "$WEB_PORT"
