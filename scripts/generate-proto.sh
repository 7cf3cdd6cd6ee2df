#!/usr/bin/env bash
# Regenerates the committed Swift code for the Akhbar protobuf messages.
#
#   Shared/ArticleCodec/Proto/akhbar/v1/*.proto  ->  Shared/ArticleCodec/Generated/*.pb.swift
#
# Uses Debian's protoc (package protobuf-compiler) and protoc-gen-swift built from the very
# swift-protobuf checkout SwiftPM resolved for this package, so the generated code always
# matches the SwiftProtobuf runtime it is compiled against. The plugin is built once into
# .build-protoc/ (gitignored, separate from .build/ so it never contends with package builds);
# later runs only check it is up to date.
#
# Only messages are generated: *_service.proto files are checked for errors but produce no
# Swift here; their gRPC stubs belong to the target that implements the service.
#
# Idempotent: the output depends only on the .proto files and the swift-protobuf version, and
# stale generated files are removed. Run from anywhere; commit what changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROTO_ROOT="$ROOT/Shared/ArticleCodec/Proto"
OUT="$ROOT/Shared/ArticleCodec/Generated"
CHECKOUT="$ROOT/.build/checkouts/swift-protobuf"
PLUGIN_SCRATCH="$ROOT/.build-protoc"
# Visibility=Public: other modules (services, gRPC handlers) use the messages directly.
# UseAccessLevelOnImports=true: our targets build with InternalImportsByDefault, so the
#   generated `import SwiftProtobuf` must say `public import` to expose it in public API.
# FileNaming=PathToUnderscores: akhbar/v1/entity.proto -> akhbar_v1_entity.pb.swift, one flat
#   folder without name clashes should another package version (v2) appear.
SWIFT_OPTS=(Visibility=Public UseAccessLevelOnImports=true FileNaming=PathToUnderscores)

log() { printf '[generate-proto] %s\n' "$*"; }
die() { printf '[generate-proto] error: %s\n' "$*" >&2; exit 1; }

command -v protoc >/dev/null || die "protoc not found; install Debian's protobuf-compiler (scripts/setup.sh does)"
log "using $(protoc --version) at $(command -v protoc)"

if [ ! -f "$CHECKOUT/Package.swift" ]; then
    log "swift-protobuf checkout missing; resolving packages"
    swift package resolve --package-path "$ROOT"
fi
[ -f "$CHECKOUT/Package.swift" ] || die "swift package resolve did not produce $CHECKOUT"

log "building protoc-gen-swift ($(git -C "$CHECKOUT" describe --tags 2>/dev/null || echo unknown version))"
swift build -c release --package-path "$CHECKOUT" --scratch-path "$PLUGIN_SCRATCH" \
    --product protoc-gen-swift >/dev/null
PLUGIN="$(swift build -c release --package-path "$CHECKOUT" --scratch-path "$PLUGIN_SCRATCH" \
    --show-bin-path)/protoc-gen-swift"
[ -x "$PLUGIN" ] || die "plugin not built at $PLUGIN"

cd "$PROTO_ROOT"
mapfile -t ALL_PROTOS < <(find akhbar -name '*.proto' | LC_ALL=C sort)
mapfile -t MESSAGE_PROTOS < <(printf '%s\n' "${ALL_PROTOS[@]}" | grep -v '_service\.proto$')
[ ${#MESSAGE_PROTOS[@]} -gt 0 ] || die "no .proto files under $PROTO_ROOT/akhbar"

# Every file, services included, must compile.
protoc --proto_path="$PROTO_ROOT" --descriptor_set_out=/dev/null "${ALL_PROTOS[@]}"

STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT
opts="$(IFS=,; echo "${SWIFT_OPTS[*]}")"
protoc --proto_path="$PROTO_ROOT" \
    --plugin=protoc-gen-swift="$PLUGIN" \
    --swift_opt="$opts" \
    --swift_out="$STAGING" \
    "${MESSAGE_PROTOS[@]}"

mkdir -p "$OUT"
find "$OUT" -maxdepth 1 -name '*.pb.swift' -delete
cp "$STAGING"/*.pb.swift "$OUT"/
log "wrote $(find "$OUT" -maxdepth 1 -name '*.pb.swift' | wc -l) files to ${OUT#"$ROOT"/}"
