#!/usr/bin/env bash
# End-to-end throughput: ingest N articles (the five seed pages repeated with distinct ids) into
# a local broker, then time release enrichers from start until every article is stored, with 1
# and with 2 enricher processes, on the SQLite store and then on PostgreSQL (a private cluster
# deploy/postgres.sh starts), and print each process's peak RSS and time per stage. Fails when the
# articles are not all stored within AKHBAR_BENCH_DEADLINE seconds (600); otherwise prints figures.
#   scripts/bench-pipeline.sh [ARTICLES]    (default 3000; AKHBAR_BENCH_STORES="sqlite" skips PostgreSQL)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/seed-corpus.sh
source scripts/seed-corpus.sh
COUNT="${1:-3000}"
PORT="${AKHBAR_BENCH_BROKER_PORT:-19192}"
POSTGRES_PORT="${AKHBAR_BENCH_POSTGRES_PORT:-15434}"
STORES="${AKHBAR_BENCH_STORES:-sqlite postgres}"
DEADLINE_SECONDS="${AKHBAR_BENCH_DEADLINE:-600}"
WORK="$(mktemp -d)"
trap 'deploy/broker.sh down "$PORT" >/dev/null; deploy/postgres.sh down "$POSTGRES_PORT" >/dev/null; rm -rf "$WORK"' EXIT

swift build -c release --product akhbar-ingest
swift build -c release --product akhbar-enricher
BIN=.build/release
BROKERS="$(deploy/broker.sh up "$PORT")"

# One JSONL file of COUNT articles built from the seed pages, each with its own id.
seed_corpus "$COUNT" "$WORK/articles.jsonl" bench
BYTES=$(stat -c %s "$WORK/articles.jsonl")
echo "corpus: $COUNT articles, $((BYTES / 1000000)) MB of JSONL"

# The store options of a run, and how many articles it holds so far.
store_arguments() {
    case "$1" in
        sqlite) echo "--db $WORK/$2.sqlite" ;;
        postgres) echo "--store $POSTGRES_DSN?schema=$(echo "$2" | tr -- '-' '_')" ;;
    esac
}
stored() {
    case "$1" in
        sqlite) stored_articles "$WORK/$2.sqlite" ;;
        postgres) psql "$POSTGRES_DSN" -Atc "SELECT count(*) FROM $(echo "$2" | tr -- '-' '_').articles" 2>/dev/null || echo 0 ;;
    esac
}

run() {
    local processes="$1" backend="$2" topic="bench-$1-$RANDOM"
    local start end
    start=$(date +%s.%N)
    "$BIN/akhbar-ingest" --brokers "$BROKERS" --topic "$topic" --create-topic --partitions 4 "$WORK/articles.jsonl" \
        > "$WORK/ingest.log" 2>&1
    local ingested
    ingested=$(date +%s.%N)
    local pids=()
    for i in $(seq 1 "$processes"); do
        # shellcheck disable=SC2046 # the store options are words of their own
        /usr/bin/time -f "%M" -o "$WORK/rss-$processes-$i" "$BIN/akhbar-enricher" --brokers "$BROKERS" --topic "$topic" \
            --group "bench-$topic" $(store_arguments "$backend" "$topic") --until-idle 3 \
            > "$WORK/enricher-$processes-$i.log" 2>&1 &
        pids+=($!)
    done
    # Stored, not exited: the enrichers wait 3 s of idleness before they exit.
    until [ "$(stored "$backend" "$topic")" -ge "$COUNT" ]; do
        if [ $(($(date +%s) - ${start%.*})) -ge "$DEADLINE_SECONDS" ]; then
            echo "bench-pipeline: FAILED, $(stored "$backend" "$topic") of $COUNT stored after $DEADLINE_SECONDS s"
            tail -n 20 "$WORK"/enricher-"$processes"-*.log
            exit 1
        fi
        sleep 0.2
    done
    end=$(date +%s.%N)
    wait "${pids[@]}"
    # Each enricher's time per stage (decode, enrich, store, commit; stores overlap the rest).
    for log in "$WORK"/enricher-"$processes"-*.log; do grep -h "^enricher stages:" "$log" | sed 's/^/  /'; done
    python3 - "$backend" "$processes" "$COUNT" "$start" "$ingested" "$end" "$WORK"/rss-"$processes"-* <<'PY'
import sys
backend, processes, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start, ingested, end = map(float, sys.argv[4:7])
peaks = [int(open(path).read().split()[-1]) // 1024 for path in sys.argv[7:]]
print(f"{backend}, {processes} enricher(s): {count / (end - start):.0f} articles/s ingest to stored "
      f"({end - start:.1f} s; ingest {ingested - start:.1f} s, then enrichment {count / (end - ingested):.0f} articles/s); "
      f"peak RSS per enricher {peaks} MB")
PY
}

for backend in $STORES; do
    if [ "$backend" = postgres ]; then
        export PGPASSWORD="${AKHBAR_POSTGRES_PASSWORD:-akhbar-test}"
        POSTGRES_DSN="$(deploy/postgres.sh reset "$POSTGRES_PORT")"
    fi
    run 1 "$backend"
    run 2 "$backend"
done
