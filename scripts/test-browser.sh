#!/usr/bin/env bash
# The web view in a real browser (Tests/Browser/web_desk.py): Debian's chromium driven by selenium over a store
# the pipeline fills from Fixtures/ through a running broker. Screenshots go to .build/web-screenshots/.
# Needs AKHBAR_TEST_BROKERS and the debug build; called by scripts/test.sh, or by hand after `make broker-up`
# with AKHBAR_TEST_BROKERS=127.0.0.1:9092.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${AKHBAR_TEST_BROKERS:?set AKHBAR_TEST_BROKERS to a running broker, HOST:PORT}"

export AKHBAR_ROOT="$ROOT" AKHBAR_BIN="$(swift build --package-path "$ROOT" --show-bin-path)"
"$ROOT/.tools/venv/bin/python" "$ROOT/Tests/Browser/web_desk.py"
