#!/usr/bin/env bash
# Soak: ingest N articles (default 20,000; distinct ids, bodies from the seed pages with a varying line) into a
# local broker, run two release enrichers as services, kill one with SIGKILL halfway and start it again, wait
# (with a deadline) until every article is stored, stop both with SIGTERM, and check that every article was
# stored exactly once (write_count = 1). Exits 1 on any failure.
#   scripts/soak.sh [ARTICLES]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
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

python3 - "$COUNT" "$WORK/articles.jsonl" Fixtures/seeds/*.txt <<'PY'
import json, sys
count, out, seeds = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
bodies = [open(path, encoding="utf-8").read() for path in seeds]
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        body = bodies[i % len(bodies)] + f"\nالخبر رقم {i}."
        f.write(json.dumps({"id": f"soak-{i}", "body": body, "published_at": "2025-05-28"}, ensure_ascii=False) + "\n")
PY
"$BIN/akhbar-ingest" --brokers "$BROKERS" --topic "$TOPIC" --create-topic --partitions 4 "$WORK/articles.jsonl" \
    > "$WORK/ingest.log" 2>&1 || { cat "$WORK/ingest.log"; exit 1; }
echo "soak: $COUNT articles ingested into $TOPIC"

stored() {
    python3 -c 'import sqlite3, sys
try:
    print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM articles").fetchone()[0])
except sqlite3.Error:
    print(0)' "$1"
}

start_enricher() {
    "$BIN/akhbar-enricher" --brokers "$BROKERS" --topic "$TOPIC" --group "soak-$TOPIC" --db "$DB" \
        >> "$WORK/enricher-$1.log" 2>&1 &
    PIDS[$1]=$!
}

started=$(date +%s)
start_enricher 0
start_enricher 1
killed=0
while [ "$(stored "$DB")" -lt "$COUNT" ]; do
    if [ $(($(date +%s) - started)) -ge "$DEADLINE_SECONDS" ]; then
        echo "soak: FAILED, $(stored "$DB") of $COUNT stored after $DEADLINE_SECONDS s"
        tail -n 20 "$WORK"/enricher-*.log
        exit 1
    fi
    if [ "$killed" = 0 ] && [ "$(stored "$DB")" -ge $((COUNT / 2)) ]; then
        kill -9 "${PIDS[0]}"
        wait "${PIDS[0]}" 2>/dev/null || true
        echo "soak: enricher 0 killed with SIGKILL at $(stored "$DB") stored; starting it again"
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
