#!/usr/bin/env bash
# A health probe for containers without curl: GETs http://127.0.0.1:PORT/PATH and exits 0 when
# the answer's status is 2xx, 1 otherwise. The image installs it as `akhbar-http-probe`.
#   akhbar-http-probe [PATH] [PORT]      PATH defaults to /health, PORT to 9464
# (9464 is the port the deployment files give the enricher's --metrics-port).
set -euo pipefail

path="${1:-/health}"
port="${2:-9464}"
host=127.0.0.1

if ! { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null; then
    echo "akhbar-http-probe: nothing listens on $host:$port" >&2
    exit 1
fi
printf 'GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$path" "$host" "$port" >&3
status=""
if ! IFS= read -r -t 5 status <&3; then
    echo "akhbar-http-probe: no answer from $host:$port$path" >&2
    exit 1
fi
status="${status%$'\r'}"
case "$status" in
    "HTTP/1."[01]" 2"[0-9][0-9]*) exit 0 ;;
    *)
        echo "akhbar-http-probe: $path answered: $status" >&2
        exit 1
        ;;
esac
