#!/usr/bin/env bash
# The gRPC benchmark (Tests/Benchmarks/GRPCBenchmark) in release mode, with a fresh local broker
# for the Publish part: query latency on SQLite, then on PostgreSQL (a private cluster that
# deploy/postgres.sh starts; AKHBAR_BENCH_STORES="sqlite" skips it). The generated stores
# (.run/bench-grpc.sqlite, the schema bench_grpc_N) are kept and reused by later runs. Extra
# arguments go to akhbar-grpc-benchmark (--articles, --calls, --publish-articles).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${AKHBAR_BENCH_BROKER_PORT:-19093}"
POSTGRES_PORT="${AKHBAR_BENCH_POSTGRES_PORT:-15435}"
STORES="${AKHBAR_BENCH_STORES:-sqlite postgres}"

swift build -c release --product akhbar-grpc-benchmark
deploy/broker.sh down "$PORT"
BROKERS="$(deploy/broker.sh up "$PORT")"
trap 'deploy/broker.sh down "$PORT"; deploy/postgres.sh down "$POSTGRES_PORT" >/dev/null' EXIT
for backend in $STORES; do
    case "$backend" in
        sqlite)
            echo "== SQLite"
            .build/release/akhbar-grpc-benchmark --brokers "$BROKERS" "$@"
            ;;
        postgres)
            echo "== PostgreSQL"
            export PGPASSWORD="${AKHBAR_POSTGRES_PASSWORD:-akhbar-test}"
            # No --brokers: Publish goes through the broker, not the store, and is measured once, above.
            .build/release/akhbar-grpc-benchmark --store "$(deploy/postgres.sh up "$POSTGRES_PORT")" "$@"
            ;;
    esac
done
