#!/usr/bin/env bash
# Soak: ingest N articles (default 20,000; distinct ids, bodies from the seed pages with a varying line) into a
# local broker, run two release enrichers as services, kill one with SIGKILL halfway and start it again, wait
# (with a deadline) until every article is stored, stop both with SIGTERM, and check that every article was
# stored exactly once (write_count = 1). Exits 1 on any failure.
#   scripts/soak.sh [ARTICLES]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/seed-corpus.sh
source scripts/seed-corpus.sh
COUNT="${1:-20000}"
PORT="${AKHBAR_SOAK_BROKER_PORT:-19292}"
DEADLINE_SECONDS="${AKHBAR_SOAK_DEADLINE:-900}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    deploy/broker.sh down "$PORT" >/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

swift build -c release --product akhbar-ingest
swift build -c release --product akhbar-enricher
BIN=.build/release
BROKERS="$(deploy/broker.sh up "$PORT")"
TOPIC="soak-$RANDOM"
DB="$WORK/soak.sqlite"

seed_corpus "$COUNT" "$WORK/articles.jsonl" soak numbered
"$BIN/akhbar-ingest" --brokers "$BROKERS" --topic "$TOPIC" --create-topic --partitions 4 "$WORK/articles.jsonl" \
    > "$WORK/ingest.log" 2>&1 || { cat "$WORK/ingest.log"; exit 1; }
echo "soak: $COUNT articles ingested into $TOPIC"

start_enricher() {
    "$BIN/akhbar-enricher" --brokers "$BROKERS" --topic "$TOPIC" --group "soak-$TOPIC" --db "$DB" \
        >> "$WORK/enricher-$1.log" 2>&1 &
    PIDS[$1]=$!
}

started=$(date +%s)
start_enricher 0
start_enricher 1
killed=0
while [ "$(stored_articles "$DB")" -lt "$COUNT" ]; do
    if [ $(($(date +%s) - started)) -ge "$DEADLINE_SECONDS" ]; then
        echo "soak: FAILED, $(stored_articles "$DB") of $COUNT stored after $DEADLINE_SECONDS s"
        tail -n 20 "$WORK"/enricher-*.log
        exit 1
    fi
    if [ "$killed" = 0 ] && [ "$(stored_articles "$DB")" -ge $((COUNT / 2)) ]; then
        kill -9 "${PIDS[0]}"
        wait "${PIDS[0]}" 2>/dev/null || true
        echo "soak: enricher 0 killed with SIGKILL at $(stored_articles "$DB") stored; starting it again"
        start_enricher 0
        killed=1
    fi
    sleep 1
done
elapsed=$(($(date +%s) - started))
kill -TERM "${PIDS[@]}"
for pid in "${PIDS[@]}"; do wait "$pid" || { echo "soak: an enricher exited non-zero on SIGTERM"; exit 1; }; done
PIDS=()
python3 - "$DB" "$COUNT" "$elapsed" <<'PY'
import sqlite3, sys
db, count, elapsed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows, once = sqlite3.connect(db).execute("SELECT count(*), sum(write_count = 1) FROM articles").fetchone()
print(f"soak: {rows} of {count} articles stored in {elapsed} s, {once} written exactly once")
sys.exit(0 if rows == count and once == count else 1)
PY
