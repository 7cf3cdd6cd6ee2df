#!/usr/bin/env bash
# The whole test suite: builds, starts a local broker and a private PostgreSQL cluster on their own
# ports, runs `swift test` with the integration tests pointed at them, then the Python round trip
# (scripts/test-python.sh) and the web view's browser test (scripts/test-browser.sh), and stops both whatever happens. Called by `make test`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${AKHBAR_TEST_BROKER_PORT:-19092}"
POSTGRES_PORT="${AKHBAR_TEST_POSTGRES_PORT:-15433}"
POSTGRES_PASSWORD="${AKHBAR_POSTGRES_PASSWORD:-akhbar-test}"
# The differential normalizer test runs pyarabic from the venv that scripts/setup.sh fills.
export AKHBAR_PYTHON="$ROOT/.tools/venv/bin/python"

scripts/lint.sh
# The deployment files: Dockerfile, compose, Kubernetes manifests, shell scripts (linters from PyPI).
deploy/lint.sh

# Build first, so broker time is not spent compiling; fail on import-check violations.
swift build --build-tests --explicit-target-dependency-import-check error

deploy/broker.sh down "$PORT"
BROKERS="$(deploy/broker.sh up "$PORT")"
trap 'deploy/postgres.sh down "$POSTGRES_PORT" || true; deploy/broker.sh down "$PORT"' EXIT

# The PostgreSQL store's tests: the cluster keeps its data between runs, reset empties the database.
AKHBAR_TEST_POSTGRES="$(AKHBAR_POSTGRES_PASSWORD="$POSTGRES_PASSWORD" deploy/postgres.sh reset "$POSTGRES_PORT")"
export AKHBAR_TEST_POSTGRES
export PGPASSWORD="$POSTGRES_PASSWORD"

# The operator endpoints' latency test first, on its own: it measures a stall by idle clients, and the
# other suites loading both cores would delay single answers past its bound. Then everything else.
if [ $# -eq 0 ]; then
    swift test --skip-build --filter OperatorHTTPTests
    AKHBAR_TEST_BROKERS="$BROKERS" swift test --skip-build --skip OperatorHTTPTests
else
    AKHBAR_TEST_BROKERS="$BROKERS" swift test --skip-build "$@"
fi

# The contracts from another language, against the same broker.
AKHBAR_TEST_BROKERS="$BROKERS" scripts/test-python.sh
# The web view in a real browser, over a store the same broker filled.
AKHBAR_TEST_BROKERS="$BROKERS" scripts/test-browser.sh
