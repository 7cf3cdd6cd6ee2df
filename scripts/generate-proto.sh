#!/usr/bin/env bash
# Regenerates the committed Swift code for the Akhbar protobuf contracts.
#
#   Shared/ArticleCodec/Proto/akhbar/v1/*.proto (messages)  ->  Shared/ArticleCodec/Generated/*.pb.swift
#   Shared/ArticleCodec/Proto/akhbar/v1/*_service.proto     ->  Shared/ServiceContracts/Generated/*.grpc.swift
#   Shared/GRPCHosting/Proto/grpc/health/v1/health.proto    ->  Shared/GRPCHosting/Generated/*.swift
#
# Uses Debian's protoc (package protobuf-compiler) with protoc-gen-swift and
# protoc-gen-grpc-swift-2 built from the very swift-protobuf and grpc-swift-protobuf checkouts
# SwiftPM resolved for this package, so the generated code always matches the runtimes it is
# compiled against. The plugins are built once into .build-protoc/ (gitignored, separate from
# .build/ so they never contend with package builds); later runs only check they are up to date.
#
# Idempotent: the output depends only on the .proto files and the package versions, and stale
# generated files are removed. Run from anywhere; commit what changes.
set -euo pipefail
shopt -s inherit_errexit  # a failed plugin build inside $(...) stops the script

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AKHBAR_PROTOS="$ROOT/Shared/ArticleCodec/Proto"
HEALTH_PROTOS="$ROOT/Shared/GRPCHosting/Proto"
PLUGIN_SCRATCH="$ROOT/.build-protoc"
# Visibility=Public: other modules (services, gRPC handlers, tests) use the generated types.
# UseAccessLevelOnImports=true: our targets build with InternalImportsByDefault, so generated
#   imports must say `public import` to expose the imported types in public API.
# FileNaming=PathToUnderscores: akhbar/v1/entity.proto -> akhbar_v1_entity.pb.swift, one flat
#   folder without name clashes should another package version (v2) appear.
COMMON_OPTS="Visibility=Public,UseAccessLevelOnImports=true,FileNaming=PathToUnderscores"

log() { printf '[generate-proto] %s\n' "$*"; }
die() { printf '[generate-proto] error: %s\n' "$*" >&2; exit 1; }

command -v protoc >/dev/null || die "protoc not found; install Debian's protobuf-compiler (scripts/setup.sh does)"
log "using $(protoc --version) at $(command -v protoc)"

# Prints the path of protoc plugin $2 built from the resolved checkout of package $1.
build_plugin() {
    local checkout="$ROOT/.build/checkouts/$1" product="$2"
    if [ ! -f "$checkout/Package.swift" ]; then
        log "$1 checkout missing; resolving packages"
        swift package resolve --package-path "$ROOT" >&2
    fi
    [ -f "$checkout/Package.swift" ] || die "swift package resolve did not produce $checkout"
    log "building $product ($(git -C "$checkout" describe --tags 2>/dev/null || echo unknown version))" >&2
    swift build -c release --package-path "$checkout" --scratch-path "$PLUGIN_SCRATCH/$1" \
        --product "$product" >&2
    local plugin
    plugin="$(swift build -c release --package-path "$checkout" --scratch-path "$PLUGIN_SCRATCH/$1" \
        --show-bin-path)/$product"
    [ -x "$plugin" ] || die "plugin not built at $plugin"
    printf '%s\n' "$plugin"
}

SWIFT_PLUGIN="$(build_plugin swift-protobuf protoc-gen-swift)"
GRPC_PLUGIN="$(build_plugin grpc-swift-protobuf protoc-gen-grpc-swift-2)"

STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT

# Replaces the generated files matching $2 in $1 with those staged in $3.
replace_generated() {
    local out="$1" pattern="$2" staged="$3"
    mkdir -p "$out"
    find "$out" -maxdepth 1 -name "$pattern" -delete
    cp "$staged"/$pattern "$out"/
    log "wrote $(find "$out" -maxdepth 1 -name "$pattern" | wc -l) files to ${out#"$ROOT"/}"
}

cd "$AKHBAR_PROTOS"
mapfile -t ALL_PROTOS < <(find akhbar -name '*.proto' | LC_ALL=C sort)
mapfile -t MESSAGE_PROTOS < <(printf '%s\n' "${ALL_PROTOS[@]}" | grep -v '_service\.proto$')
mapfile -t SERVICE_PROTOS < <(printf '%s\n' "${ALL_PROTOS[@]}" | grep '_service\.proto$')
[ ${#MESSAGE_PROTOS[@]} -gt 0 ] || die "no .proto files under $AKHBAR_PROTOS/akhbar"

# Akhbar messages go to ArticleCodec, which the Kafka paths use without any gRPC.
mkdir -p "$STAGING/messages" "$STAGING/services" "$STAGING/health"
protoc --proto_path=. --plugin=protoc-gen-swift="$SWIFT_PLUGIN" \
    --swift_opt="$COMMON_OPTS" --swift_out="$STAGING/messages" "${MESSAGE_PROTOS[@]}"
replace_generated "$ROOT/Shared/ArticleCodec/Generated" '*.pb.swift' "$STAGING/messages"

# Akhbar service stubs go to ServiceContracts; their messages are imported from ArticleCodec.
{
    for proto in "${MESSAGE_PROTOS[@]}"; do
        printf 'mapping { module_name: "ArticleCodec" proto_file_path: "%s" }\n' "$proto"
    done
} >"$STAGING/module-mappings.asciipb"
protoc --proto_path=. --plugin=protoc-gen-grpc-swift-2="$GRPC_PLUGIN" \
    --grpc-swift-2_opt="$COMMON_OPTS,ProtoPathModuleMappings=$STAGING/module-mappings.asciipb" \
    --grpc-swift-2_out="$STAGING/services" "${SERVICE_PROTOS[@]}"
# The generator qualifies message types with their module, but ArticleCodec also names an enum
# ArticleCodec, which shadows the module there; the unqualified names resolve through the import.
sed -i 's/\bArticleCodec\.Akhbar_V1_/Akhbar_V1_/g' "$STAGING"/services/*.grpc.swift
replace_generated "$ROOT/Shared/ServiceContracts/Generated" '*.grpc.swift' "$STAGING/services"

# The standard health service: messages and stubs together in GRPCHosting.
cd "$HEALTH_PROTOS"
protoc --proto_path=. --plugin=protoc-gen-swift="$SWIFT_PLUGIN" \
    --plugin=protoc-gen-grpc-swift-2="$GRPC_PLUGIN" \
    --swift_opt="$COMMON_OPTS" --swift_out="$STAGING/health" \
    --grpc-swift-2_opt="$COMMON_OPTS" --grpc-swift-2_out="$STAGING/health" \
    grpc/health/v1/health.proto
replace_generated "$ROOT/Shared/GRPCHosting/Generated" '*.swift' "$STAGING/health"
