#!/usr/bin/env bash
# Checks the format of every hand-written Swift file (generated protobuf code is exempt).
# `scripts/lint.sh --fix` rewrites the files instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mapfile -t files < <(git ls-files '*.swift' | grep -v '/Generated/')
if [ "${1:-}" = "--fix" ]; then
    swift format --in-place "${files[@]}"
else
    swift format lint --strict "${files[@]}"
fi
