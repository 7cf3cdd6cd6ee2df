#!/usr/bin/env bash
# Starts or stops a local Kafka-compatible broker (Tansu, memory storage) as a plain process:
# the development machines have no container engine. State lives in .run/.
#   deploy/broker.sh up [PORT]      start (if not running) and wait until it accepts connections
#   deploy/broker.sh down [PORT]    stop it
#   deploy/broker.sh status [PORT]
# PORT defaults to $AKHBAR_BROKER_PORT, else 9092. The address is printed as HOST:PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TANSU="$ROOT/.tools/bin/tansu"
RUN_DIR="$ROOT/.run"
PORT="${2:-${AKHBAR_BROKER_PORT:-9092}}"
PID_FILE="$RUN_DIR/broker-$PORT.pid"
LOG_FILE="$RUN_DIR/broker-$PORT.log"
ADDRESS="127.0.0.1:$PORT"

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
accepting() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

up() {
    if running; then
        echo "$ADDRESS"
        return
    fi
    [ -x "$TANSU" ] || { echo "broker.sh: $TANSU is missing; run scripts/setup.sh" >&2; exit 1; }
    if accepting; then
        echo "broker.sh: port $PORT is taken by another process" >&2
        exit 1
    fi
    mkdir -p "$RUN_DIR"
    setsid "$TANSU" broker \
        --listener-url "tcp://$ADDRESS" \
        --advertised-listener-url "tcp://$ADDRESS" \
        --storage-engine memory://tansu/ \
        >"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 100); do
        if accepting; then
            echo "$ADDRESS"
            return
        fi
        running || break
        sleep 0.2
    done
    echo "broker.sh: the broker did not start; see $LOG_FILE" >&2
    tail -n 20 "$LOG_FILE" >&2 || true
    down
    exit 1
}

down() {
    if running; then
        local pid
        pid="$(cat "$PID_FILE")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) if running; then echo "running at $ADDRESS"; else echo "stopped"; exit 1; fi ;;
    *) echo "usage: deploy/broker.sh up|down|status [PORT]" >&2; exit 2 ;;
esac
