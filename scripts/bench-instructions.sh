#!/usr/bin/env bash
# Instructions per article of the enricher's per-article path (decode the message, clean,
# normalize, tag, collect search terms), counted by callgrind: a figure that, unlike a timing,
# does not move with the load of a shared machine. Only PerArticlePath.run is counted, not the
# model loading or the corpus building around it.
#   scripts/bench-instructions.sh [ARTICLES]    (default 50 pages of the bench-tag corpus)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ARTICLES="${1:-50}"
if ! command -v valgrind >/dev/null; then
    echo "bench-instructions: installing valgrind (Debian package)" >&2
    sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
fi
swift build -c release --product akhbar-tag-benchmark
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Debian's valgrind cannot read the DWARF the Swift compiler writes; the symbol table it needs
# to find the function by name stays.
objcopy --strip-debug .build/release/akhbar-tag-benchmark "$WORK/akhbar-tag-benchmark"
valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" --collect-atstart=no \
    '--toggle-collect=*PerArticlePath*run*' \
    "$WORK/akhbar-tag-benchmark" --per-article-path "$ARTICLES" 2>/dev/null
TOTAL="$(callgrind_annotate "$WORK/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ && !found { gsub(",", "", $1); print $1; found = 1 }')"
[ -n "$TOTAL" ] && [ "$TOTAL" -gt 0 ] || { echo "bench-instructions: callgrind counted nothing" >&2; exit 1; }
echo "per-article path: $((TOTAL / ARTICLES)) instructions per article ($TOTAL over $ARTICLES articles)"
