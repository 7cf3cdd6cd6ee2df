#!/usr/bin/env bash
# The gRPC benchmark (Tests/Benchmarks/GRPCBenchmark) in release mode, with a fresh local broker
# for the Publish part. The generated store (.run/bench-grpc.sqlite) is kept and reused by later
# runs. Extra arguments go to akhbar-grpc-benchmark (--articles, --calls, --publish-articles).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${AKHBAR_BENCH_BROKER_PORT:-19093}"

swift build -c release --product akhbar-grpc-benchmark
deploy/broker.sh down "$PORT"
BROKERS="$(deploy/broker.sh up "$PORT")"
trap 'deploy/broker.sh down "$PORT"' EXIT
.build/release/akhbar-grpc-benchmark --brokers "$BROKERS" "$@"
