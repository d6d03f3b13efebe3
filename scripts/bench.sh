#!/usr/bin/env bash
# Benchmark of the AGH service (`make bench`, `make bench QUICK=1`).
#
# - Builds the solution in Release (the service and bench/AGH.Bench).
# - Starts a throwaway PostgreSQL cluster (scripts/pg.sh: fsync, synchronous_commit and full_page_writes OFF,
#   trust auth, pg_stat_statements loaded) in a fresh temp dir on a free port (55700 upward); it is stopped and deleted on exit (trap).
# - Runs bench/AGH.Bench, which starts the service as its own process (`dotnet AGH.Api.dll`) on a free loopback
#   port (5700 upward), drives the load, prints a table and writes bench/results/latest.json.
# - QUICK=1 (or --quick) runs every measurement with small sizes (< 3 minutes); figures are reported, not asserted.
# - Any other argument goes to the bench after the defaults, e.g. only the growth figures into a file of their own:
#   `bash scripts/bench.sh --growth-only --out bench/results/mine.json` (a later --out wins; `make bench` passes none).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

QUICK_ARG=()
EXTRA_ARGS=()
if [ "${QUICK:-0}" != "0" ] && [ -n "${QUICK:-}" ]; then QUICK_ARG=(--quick); fi
for a in "$@"; do
    if [ "$a" = "--quick" ]; then QUICK_ARG=(--quick); else EXTRA_ARGS+=("$a"); fi
done

PG_TMP=""
log() { echo "bench.sh: $*" >&2; }

stop_cluster() {
    if [ -n "$PG_TMP" ]; then
        "$ROOT/scripts/pg.sh" stop "$PG_TMP/data" >/dev/null 2>&1 || true
        rm -rf "$PG_TMP"
        PG_TMP=""
    fi
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start=$(date +%s)
log "building (Release)"
dotnet build AGH.sln -c Release -nologo -v quiet -clp:ErrorsOnly >&2

"$ROOT/scripts/pg.sh" ensure-installed
PG_TMP="$(mktemp -d /tmp/agh-bench-pg.XXXXXX)"
chmod 755 "$PG_TMP"   # the postgres OS user must be able to traverse it
port=55700 attempts=0 CONN=""
while [ "$attempts" -lt 5 ]; do
    while port_in_use "$port"; do port=$(( port + 1 )); done
    # pg_stat_statements: the bench counts the statements per command (loaded in this throwaway cluster only).
    if CONN="$(PG_EXTRA_OPTIONS="-c shared_preload_libraries=pg_stat_statements" "$ROOT/scripts/pg.sh" start "$PG_TMP/data" "$port")"; then break; fi
    "$ROOT/scripts/pg.sh" stop "$PG_TMP/data" >/dev/null 2>&1 || true
    rm -rf "$PG_TMP/data"
    CONN="" port=$(( port + 1 )) attempts=$(( attempts + 1 ))
done
[ -n "$CONN" ] || { log "could not start PostgreSQL"; exit 1; }
log "throwaway PostgreSQL on 127.0.0.1:$port (fsync off)"

rc=0
dotnet bench/AGH.Bench/bin/Release/net10.0/AGH.Bench.dll \
    --connection "$CONN" \
    --api src/Api/bin/Release/net10.0/AGH.Api.dll \
    --out bench/results/latest.json \
    --logs "$PG_TMP" \
    "${QUICK_ARG[@]}" "${EXTRA_ARGS[@]}" || rc=$?
if [ "$rc" -ne 0 ] && [ -f "$PG_TMP/agh-bench-service.log" ]; then
    log "bench failed ($rc); last lines of the service log:"
    tail -n 40 "$PG_TMP/agh-bench-service.log" >&2 || true
fi
stop_cluster
log "done in $(( $(date +%s) - start )) s"
exit "$rc"
