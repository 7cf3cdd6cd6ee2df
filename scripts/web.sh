#!/usr/bin/env bash
# The web view of a SQLite store, in the background: `scripts/web.sh up DB PORT` starts
# `akhbar-enricher serve-web` on 127.0.0.1:PORT and prints its address once it answers;
# `scripts/web.sh down` stops it. Its pid and log are in .run/. Used by `make demo` and `make web-down`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PID_FILE=.run/web.pid
LOG=.run/web.log

down() {
    [ -f "$PID_FILE" ] || return 0
    local pid
    pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && { echo "web view (pid $pid) did not stop within 10 s" >&2; exit 1; }
    fi
    rm -f "$PID_FILE"
}

up() {
    local db="$1" port="$2" bin
    bin="$(swift build --show-bin-path)"
    down
    mkdir -p .run
    # setsid: the web view outlives the make that started it, until `make web-down`.
    setsid "$bin/akhbar-enricher" serve-web --db "$db" --port "$port" >"$LOG" 2>&1 < /dev/null &
    echo $! >"$PID_FILE"
    for _ in $(seq 300); do
        if grep -q '^web view: ' "$LOG"; then
            echo "Web view of $db: $(sed -n 's/^web view: //p' "$LOG") (stop it with: make web-down)"
            return 0
        fi
        kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break
        sleep 0.1
    done
    echo "the web view did not start within 30 s:" >&2
    cat "$LOG" >&2
    exit 1
}

case "${1:-}" in
    up) up "${2:?store file}" "${3:-8080}" ;;
    down) down ;;
    *) echo "usage: scripts/web.sh up DB [PORT] | down" >&2; exit 2 ;;
esac
