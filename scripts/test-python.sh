#!/usr/bin/env bash
# The Python round trip (Tests/Interop/round_trip.py): Python code generated from the very .proto
# files the Swift code is generated from, talking gRPC to the services and reading Kafka with
# confluent-kafka. Runs on a SQLite store, then on PostgreSQL when AKHBAR_TEST_POSTGRES names a server
# (password in PGPASSWORD). Needs a running broker in AKHBAR_TEST_BROKERS and the debug build; called by
# scripts/test.sh, or by hand after `make broker-up` with AKHBAR_TEST_BROKERS=127.0.0.1:9092.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="$ROOT/.tools/venv/bin/python"
: "${AKHBAR_TEST_BROKERS:?set AKHBAR_TEST_BROKERS to a running broker, HOST:PORT}"

GENERATED="$(mktemp -d)"
trap 'rm -rf "$GENERATED"' EXIT
# grpc_tools bundles protoc and google/protobuf/timestamp.proto.
(cd "$ROOT/Shared/ArticleCodec/Proto" && "$PYTHON" -m grpc_tools.protoc --proto_path=. \
    --python_out="$GENERATED" --grpc_python_out="$GENERATED" akhbar/v1/*.proto)

export AKHBAR_ROOT="$ROOT" AKHBAR_BIN="$(swift build --package-path "$ROOT" --show-bin-path)"
"$PYTHON" "$ROOT/Tests/Interop/round_trip.py" "$GENERATED"
# Again on PostgreSQL when the run has a server (scripts/test.sh starts one), in a schema of its own.
if [ -n "${AKHBAR_TEST_POSTGRES:-}" ]; then
    separator="?"
    case "$AKHBAR_TEST_POSTGRES" in *\?*) separator="&" ;; esac
    AKHBAR_ROUND_TRIP_STORE="$AKHBAR_TEST_POSTGRES${separator}schema=round_trip_$(date +%s)_$$" \
        "$PYTHON" "$ROOT/Tests/Interop/round_trip.py" "$GENERATED"
fi
