#!/usr/bin/env bash
# End-to-end throughput: ingest N articles (the five seed pages repeated with distinct ids) into
# a local broker and time release enrichers until every article is stored: with 1 and 2 enricher
# processes started once ingest finished (a backlog), and with 1 enricher already in its group when
# ingest starts (a stream); on the SQLite store, then on PostgreSQL (a private cluster deploy/postgres.sh
# starts). Prints each process's peak RSS and time per stage. Fails when the articles are not all
# stored within AKHBAR_BENCH_DEADLINE seconds (600); otherwise prints figures.
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

# The first "Partitions assigned" time in LOGS as seconds since the epoch, or 0 when none is logged yet.
assigned_at() {
    python3 - "$@" <<'PY'
import datetime, re, sys
times = []
for path in sys.argv[1:]:
    try:
        lines = open(path, errors="replace").readlines()
    except FileNotFoundError:
        continue
    for line in lines:
        if "Partitions assigned" in line:
            stamp = re.match(r"(\S+)Z ", line)
            if stamp:
                times.append(datetime.datetime.fromisoformat(stamp.group(1)).replace(tzinfo=datetime.timezone.utc).timestamp())
print(min(times) if times else 0)
PY
}

# run PROCESSES BACKEND MODE: MODE "backlog" ingests everything, then starts the enrichers, which first wait for the
# broker to form their group (Tansu, as Kafka's group.initial.rebalance.delay.ms, holds a new group 3 s); "stream"
# starts one enricher on the empty topic, waits until it is in the group, then ingests, as a running service sees it.
run() {
    local processes="$1" backend="$2" mode="$3" topic="bench-$1-$RANDOM"
    local start end ingested launched
    if [ "$mode" = stream ]; then
        : > "$WORK/none.jsonl"
        "$BIN/akhbar-ingest" --brokers "$BROKERS" --topic "$topic" --create-topic --partitions 4 "$WORK/none.jsonl" \
            > "$WORK/ingest.log" 2>&1
    fi
    rm -f "$WORK"/enricher-"$processes"-*.log
    launch() {
        launched=$(date +%s.%N)
        local pids=()
        for i in $(seq 1 "$processes"); do
            # shellcheck disable=SC2046 # the store options are words of their own
            /usr/bin/time -f "%M" -o "$WORK/rss-$processes-$i" "$BIN/akhbar-enricher" --brokers "$BROKERS" \
                --topic "$topic" --group "bench-$topic" $(store_arguments "$backend" "$topic") --until-idle 3 \
                > "$WORK/enricher-$processes-$i.log" 2>&1 &
            pids+=($!)
        done
        ENRICHER_PIDS=("${pids[@]}")
    }
    if [ "$mode" = stream ]; then
        launch
        until [ "$(assigned_at "$WORK"/enricher-"$processes"-*.log)" != 0 ]; do
            if [ $(($(date +%s) - ${launched%.*})) -ge 60 ]; then
                echo "bench-pipeline: FAILED, the enricher was not given partitions within 60 s"
                tail -n 20 "$WORK"/enricher-"$processes"-*.log
                exit 1
            fi
            sleep 0.05
        done
    fi
    start=$(date +%s.%N)
    "$BIN/akhbar-ingest" --brokers "$BROKERS" --topic "$topic" --create-topic --partitions 4 "$WORK/articles.jsonl" \
        > "$WORK/ingest.log" 2>&1
    ingested=$(date +%s.%N)
    [ "$mode" = backlog ] && launch
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
    wait "${ENRICHER_PIDS[@]}"
    # Each enricher's time per stage (decode, enrich, store, commit), summed over the threads that overlap them.
    for log in "$WORK"/enricher-"$processes"-*.log; do grep -h "^enricher stages:" "$log" | sed 's/^/  /'; done
    python3 - "$backend" "$processes" "$mode" "$COUNT" "$start" "$ingested" "$end" "$launched" \
        "$(assigned_at "$WORK"/enricher-"$processes"-*.log)" "$WORK"/rss-"$processes"-* <<'PY'
import sys
backend, processes, mode, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
start, ingested, end, launched, assigned = map(float, sys.argv[5:10])
peaks = [int(open(path).read().split()[-1]) // 1024 for path in sys.argv[10:]]
if mode == "backlog":
    detail = (f"ingest {ingested - start:.1f} s, then the group formed in {assigned - launched:.1f} s, "
              f"then {count / (end - assigned):.0f} articles/s from partitions assigned to stored")
else:
    detail = f"the enricher in its group before ingest started; ingest {ingested - start:.1f} s"
print(f"{backend}, {processes} enricher(s), {mode}: {count / (end - start):.0f} articles/s ingest start to stored "
      f"({end - start:.1f} s; {detail}); peak RSS per enricher {peaks} MB")
PY
}

for backend in $STORES; do
    if [ "$backend" = postgres ]; then
        export PGPASSWORD="${AKHBAR_POSTGRES_PASSWORD:-akhbar-test}"
        POSTGRES_DSN="$(deploy/postgres.sh reset "$POSTGRES_PORT")"
    fi
    run 1 "$backend" backlog
    run 2 "$backend" backlog
    run 1 "$backend" stream
done
