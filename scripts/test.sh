#!/usr/bin/env bash
# The whole test suite: builds, starts a local broker on its own port, runs `swift test` with the
# integration tests pointed at it, then the Python round trip (scripts/test-python.sh), and stops the
# broker whatever happens. Called by `make test`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${AKHBAR_TEST_BROKER_PORT:-19092}"
# The differential normalizer test runs pyarabic from the venv that scripts/setup.sh fills.
export AKHBAR_PYTHON="$ROOT/.tools/venv/bin/python"

scripts/lint.sh

# Build first, so broker time is not spent compiling; fail on import-check violations.
swift build --build-tests --explicit-target-dependency-import-check error

deploy/broker.sh down "$PORT"
BROKERS="$(deploy/broker.sh up "$PORT")"
trap 'deploy/broker.sh down "$PORT"' EXIT

AKHBAR_TEST_BROKERS="$BROKERS" swift test --skip-build "$@"

# The contracts from another language, against the same broker.
AKHBAR_TEST_BROKERS="$BROKERS" scripts/test-python.sh
