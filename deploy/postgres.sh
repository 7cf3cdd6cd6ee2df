#!/usr/bin/env bash
# Starts or stops a private PostgreSQL 15 cluster as a plain process, for the PostgreSQL store in
# development and tests: no system service, no container engine. Everything lives in .run/:
# the cluster in .run/postgres-PORT/ (its Unix socket too), the server's log in
# .run/postgres-PORT.log.
#   deploy/postgres.sh up [PORT]      start (creating the cluster the first time) and wait until it
#                                     accepts connections; prints the DSN
#   deploy/postgres.sh down [PORT]    stop it (fast shutdown); the data stays
#   deploy/postgres.sh status [PORT]
#   deploy/postgres.sh reset [PORT]   start if needed, drop and recreate the database akhbar; prints
#                                     the DSN
# PORT defaults to $AKHBAR_POSTGRES_PORT, else 15432. The server listens on 127.0.0.1 only. The
# DSN, postgres://akhbar@127.0.0.1:PORT/akhbar, has no password: the role akhbar logs in with
# $AKHBAR_POSTGRES_PASSWORD (default akhbar-test) over scram-sha-256, so clients need
# PGPASSWORD. `up` sets that password each time it runs. To start from nothing, run `down` and
# delete .run/postgres-PORT.
#
# PostgreSQL refuses to run as root. Run as root (as the development machines do), the script
# creates a system user akhbar-pg once and runs the server and its tools as that user.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${AKHBAR_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
RUN_DIR="$ROOT/.run"
PORT="${2:-${AKHBAR_POSTGRES_PORT:-15432}}"
DATA="$RUN_DIR/postgres-$PORT"
LOG_FILE="$RUN_DIR/postgres-$PORT.log"
LOCK_FILE="$RUN_DIR/postgres-$PORT.flock"
PASSWORD="${AKHBAR_POSTGRES_PASSWORD:-akhbar-test}"
DSN="postgres://akhbar@127.0.0.1:$PORT/akhbar"
SERVER_USER=akhbar-pg
START_SECONDS="${AKHBAR_POSTGRES_START_TIMEOUT:-60}"

fail() { echo "postgres.sh: $*" >&2; exit 1; }

if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
    fail "bad port: $PORT"
fi
# Every path here is absolute; a neutral working directory spares the server user one it may not
# be allowed to enter (e.g. /root).
cd /

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the user that owns the cluster: akhbar-pg under root, else the caller.
as_server() {
    if is_root; then
        runuser -u "$SERVER_USER" -- "$@"
    else
        "$@"
    fi
}

# The cluster's superuser is the operating system user that ran initdb; the local socket lets in
# only that user (peer authentication), and its directory is the 0700 data directory.
superuser() { if is_root; then echo "$SERVER_USER"; else id -un; fi; }

# psql as the superuser over the Unix socket in the data directory; -X skips any ~/.psqlrc.
admin_psql() {
    as_server "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DATA" -p "$PORT" -U "$(superuser)" "$@"
}

sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

running() {
    [ -f "$DATA/postmaster.pid" ] && as_server "$PG_BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}
accepting() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 >/dev/null 2>&1; }
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

ensure_server_user() {
    is_root || return 0
    getent passwd "$SERVER_USER" >/dev/null && return 0
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin --comment "Akhbar's private PostgreSQL clusters" "$SERVER_USER"
}

# Makes a file or directory in .run/ the server user's.
give_to_server() { if is_root; then chown "$SERVER_USER:$SERVER_USER" "$@"; fi; }

init_cluster() {
    [ -f "$DATA/PG_VERSION" ] && return
    [ -e "$DATA" ] && fail "$DATA exists but holds no cluster; delete it and run up again"
    # initdb into a scratch directory and rename it at the end, so an interrupted first start
    # leaves nothing that looks like a cluster.
    local fresh="$DATA.init"
    rm -rf "$fresh"
    mkdir -m 0700 "$fresh"
    give_to_server "$fresh"
    as_server test -w "$fresh" \
        || fail "user $(superuser) cannot write $fresh; every folder above it must be searchable (o+x)"
    echo "postgres.sh: creating a cluster in ${DATA#"$ROOT"/}" >&2
    if ! as_server "$PG_BIN/initdb" -D "$fresh" --encoding=UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 >"$LOG_FILE.initdb" 2>&1; then
        tail -n 20 "$LOG_FILE.initdb" >&2 || true
        rm -rf "$fresh"
        fail "initdb failed; see $LOG_FILE.initdb"
    fi
    rm -f "$LOG_FILE.initdb"
    # Only TCP from this machine with a password, and the socket for the superuser: no trust
    # lines, so a wrong password fails.
    as_server tee "$fresh/pg_hba.conf" >/dev/null <<'HBA'
# Written by deploy/postgres.sh.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  peer
host    all       all   127.0.0.1/32   scram-sha-256
HBA
    echo "include = 'akhbar.conf'" | as_server tee -a "$fresh/postgresql.conf" >/dev/null
    mv "$fresh" "$DATA"
}

# The settings that depend on this checkout's place and port; rewritten at each start, so a
# moved work tree still works.
write_settings() {
    local socket_dir="${DATA//\'/\'\'}"
    as_server tee "$DATA/akhbar.conf" >/dev/null <<CONF
# Written by deploy/postgres.sh at each start; edits are lost.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$socket_dir'
unix_socket_permissions = 0700
# Durable commits, as a real deployment has them: the tests rely on what was committed.
fsync = on
synchronous_commit = on
full_page_writes = on
password_encryption = scram-sha-256
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
CONF
}

provision() {
    # CREATE DATABASE cannot run inside a DO block, hence \gexec.
    admin_psql -d postgres >/dev/null <<SQL
SELECT 'CREATE ROLE akhbar' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'akhbar') \gexec
ALTER ROLE akhbar WITH LOGIN PASSWORD $(sql_literal "$PASSWORD");
SELECT 'CREATE DATABASE akhbar OWNER akhbar'
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'akhbar') \gexec
SQL
}

start_failed() {
    echo "postgres.sh: $1; see $LOG_FILE" >&2
    tail -n 20 "$LOG_FILE" >&2 || true
    stop
    exit 1
}

start() {
    [ -x "$PG_BIN/initdb" ] || fail "$PG_BIN/initdb is missing; run scripts/setup.sh (postgresql-15)"
    if running; then
        return
    fi
    port_taken && fail "port $PORT is taken by another process"
    local socket="$DATA/.s.PGSQL.$PORT"
    # The kernel takes Unix socket paths of at most 107 bytes.
    [ ${#socket} -le 107 ] || fail "$socket is too long for a Unix socket; move the work tree higher up"
    mkdir -p "$RUN_DIR"
    ensure_server_user
    init_cluster
    write_settings
    touch "$LOG_FILE"
    give_to_server "$LOG_FILE"
    # pg_ctl detaches the server into its own session; -w waits until it accepts connections (or
    # gives up after START_SECONDS, e.g. after a long crash recovery). The server must inherit no
    # descriptor above 2: not this script's lock (it would hold it for as long as it runs), nor a
    # caller's pipe or socket (a caller that learns of this script's exit through one, as Swift's
    # Foundation.Process does, would wait for the server instead).
    (
        for fd in "/proc/$BASHPID/fd/"*; do
            fd="${fd##*/}"
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        as_server "$PG_BIN/pg_ctl" start -D "$DATA" -l "$LOG_FILE" -s -w -t "$START_SECONDS" >/dev/null
    ) || start_failed "the server did not start (waited up to ${START_SECONDS}s)"
    local deadline=$((SECONDS + 10))
    until accepting; do
        [ "$SECONDS" -lt "$deadline" ] || start_failed "the server does not accept TCP connections on 127.0.0.1:$PORT"
        sleep 0.2
    done
}

stop() {
    running || return 0
    as_server "$PG_BIN/pg_ctl" stop -D "$DATA" -m fast -s -w -t 60 \
        || as_server "$PG_BIN/pg_ctl" stop -D "$DATA" -m immediate -s -w -t 30
}

up() {
    start
    provision
    echo "$DSN"
}

reset() {
    start
    provision
    # WITH (FORCE) ends the sessions still connected to it.
    admin_psql -d postgres >/dev/null <<'SQL'
DROP DATABASE IF EXISTS akhbar WITH (FORCE);
CREATE DATABASE akhbar OWNER akhbar;
SQL
    echo "$DSN"
}

with_lock() {
    mkdir -p "$RUN_DIR"
    exec 9>"$LOCK_FILE"
    flock -w 300 9 || fail "another deploy/postgres.sh has held $LOCK_FILE for 5 minutes"
    "$@"
}

case "${1:-}" in
    up) with_lock up ;;
    down) with_lock stop ;;
    reset) with_lock reset ;;
    status) if running; then echo "running at $DSN"; else echo "stopped"; exit 1; fi ;;
    *) echo "usage: deploy/postgres.sh up|down|status|reset [PORT]" >&2; exit 2 ;;
esac
