#!/usr/bin/env bash
# The web view's benchmark (Tests/Benchmarks/web_pages.py): server time of the search, article, entity
# and overview pages on the generated store of 100,000 articles that `make bench-grpc` also uses
# (.run/bench-grpc.sqlite, generated here when missing), and the peak memory of exporting all of it.
# Release build. Extra arguments: calls per case (default 200).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DB=.run/bench-grpc.sqlite

swift build -c release --product akhbar-grpc-benchmark
swift build -c release --product akhbar-enricher
.build/release/akhbar-grpc-benchmark --store-only --db "$DB"

LOG="$(mktemp)"
.build/release/akhbar-enricher serve-web --db "$DB" --port 0 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 300); do
    grep -q '^web view: ' "$LOG" && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.1
done
BASE="$(sed -n 's/^web view: //p' "$LOG")"
[ -n "$BASE" ] || { echo "serve-web did not start within 30 s" >&2; cat "$LOG" >&2; exit 1; }
.tools/venv/bin/python Tests/Benchmarks/web_pages.py "${BASE%/}" "$DB" "$SERVER" "$@"
