#!/usr/bin/env bash
# Manage a local PostgreSQL cluster for development and tests, using the
# Debian PostgreSQL binaries (/usr/lib/postgresql/<ver>/bin).
#
#   scripts/pg.sh ensure-installed   install PostgreSQL via apt-get if no initdb is found
#   scripts/pg.sh start DIR PORT     initdb DIR if needed, start it on 127.0.0.1:PORT,
#                                    create database "agh"; prints the connection string
#                                    as the last line on stdout (everything else -> stderr)
#   scripts/pg.sh stop DIR           fast shutdown of the cluster in DIR, if running
#
# PG_EXTRA_OPTIONS (optional) is appended to the server's start options, e.g. the benchmark's
# "-c shared_preload_libraries=pg_stat_statements".
#
# The cluster is for throwaway/dev use ONLY: it runs with trust authentication and
# with fsync/synchronous_commit/full_page_writes turned off (fast, but not crash safe).
# When run as root, initdb/pg_ctl run as the OS user "postgres" (they refuse to run as root).
set -euo pipefail

log() { echo "pg.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Directory holding initdb/pg_ctl/psql; prefers the newest /usr/lib/postgresql/<ver>/bin.
find_bindir() {
    local d best=""
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best="$d"
    done
    if [ -n "$best" ]; then echo "$best"; return 0; fi
    local initdb
    if initdb="$(command -v initdb 2>/dev/null)"; then
        d="$(dirname "$(readlink -f "$initdb")")"
        if [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    fi
    return 1
}

as_root() {
    if is_root; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root (or sudo) to run: $*"
    fi
}

cmd_ensure_installed() {
    local bindir
    if bindir="$(find_bindir)"; then
        log "PostgreSQL binaries found in $bindir"
        return 0
    fi
    log "PostgreSQL not found; installing with apt-get"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not available; install PostgreSQL manually"
    export DEBIAN_FRONTEND=noninteractive
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2
    # Install postgresql-common first and disable the automatic "main" cluster, so the
    # package install does not create/start a system-wide server on port 5432
    # (same approach as the official postgres Docker image).
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-common >&2
    if [ -f /etc/postgresql-common/createcluster.conf ]; then
        as_root sed -ri 's/^#?[[:space:]]*(create_main_cluster)[[:space:]]*=.*$/\1 = false/' \
            /etc/postgresql-common/createcluster.conf
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    bindir="$(find_bindir)" || die "PostgreSQL installed but initdb/pg_ctl not found"
    log "PostgreSQL binaries installed in $bindir"
}

BINDIR=""
need_bindir() {
    BINDIR="$(find_bindir)" || die "PostgreSQL binaries not found; run: scripts/pg.sh ensure-installed"
}

PSQL=""
need_psql() {
    if [ -x "$BINDIR/psql" ]; then PSQL="$BINDIR/psql"
    elif PSQL="$(command -v psql 2>/dev/null)"; then :
    else die "psql not found"
    fi
}

# Run a PostgreSQL server binary as the owner of the cluster (user postgres when we are root).
# cd / first: the postgres user may not be able to access the caller's working directory.
as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

ensure_postgres_user() {
    if ! id -u postgres >/dev/null 2>&1; then
        log "creating OS user postgres"
        useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
}

abs_path() {
    # DIR need not exist yet
    local p="$1"
    case "$p" in /*) ;; *) p="$PWD/$p" ;; esac
    # normalise (removes ./, ../, double slashes) without requiring existence
    realpath -m "$p"
}

is_running() {
    # pg_ctl status: 0 = running, 3 = not running, 4 = no/invalid data directory
    [ -f "$1/PG_VERSION" ] && as_pg "$BINDIR/pg_ctl" -D "$1" status >/dev/null 2>&1
}

# Unix socket directory inside DIR; sockets paths are limited to ~107 bytes, so fall
# back to "no unix socket" for deep paths (we only use TCP ourselves anyway).
socket_dir_for() {
    local s="$1/run"
    if [ $(( ${#s} + 20 )) -lt 100 ]; then echo "$s"; else echo ""; fi
}

cmd_start() {
    [ $# -eq 2 ] || die "usage: pg.sh start DIR PORT"
    local dir port
    dir="$(abs_path "$1")"
    port="$2"
    case "$port" in ''|*[!0-9]*) die "PORT must be a number: $port" ;; esac
    need_bindir
    need_psql

    if is_root; then
        ensure_postgres_user
    fi

    mkdir -p "$dir"
    if is_root; then
        chown postgres: "$dir"
        chmod 700 "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            die "user postgres cannot access $dir (a parent directory is not traversable; use a directory under /tmp or chmod o+x the parents)"
        fi
    fi

    if [ ! -f "$dir/PG_VERSION" ]; then
        if [ -n "$(ls -A "$dir")" ]; then
            die "$dir is not empty and contains no PostgreSQL cluster"
        fi
        log "initdb $dir"
        local out
        # --no-sync: throwaway/dev cluster, durability is not a goal (see fsync=off below)
        if ! out="$(as_pg "$BINDIR/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C \
                --no-sync --no-instructions 2>&1)"; then
            echo "$out" >&2
            die "initdb failed"
        fi
    fi

    if is_running "$dir"; then
        local running_port
        running_port="$(sed -n '4p' "$dir/postmaster.pid" 2>/dev/null || true)"
        if [ -n "$running_port" ] && [ "$running_port" != "$port" ]; then
            log "warning: cluster in $dir is already running on port $running_port (not $port); using $running_port"
            port="$running_port"
        else
            log "cluster in $dir already running on port $port"
        fi
    else
        local sockdir sockopt
        sockdir="$(socket_dir_for "$dir")"
        if [ -n "$sockdir" ]; then
            mkdir -p "$sockdir"
            if is_root; then chown postgres: "$sockdir"; fi
            chmod 700 "$sockdir"
        fi
        sockopt="-k '$sockdir'"
        log "starting cluster $dir on 127.0.0.1:$port"
        # fsync etc. off: throwaway/dev cluster only, speed over durability.
        if ! as_pg "$BINDIR/pg_ctl" -w -t 60 -D "$dir" -l "$dir/log" start \
            -o "-c listen_addresses=127.0.0.1 -p $port $sockopt -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${PG_EXTRA_OPTIONS:-}" >&2
        then
            log "server failed to start; last lines of $dir/log:"
            tail -n 20 "$dir/log" >&2 2>/dev/null || true
            exit 1
        fi
    fi

    local exists
    exists="$(PGCONNECT_TIMEOUT=10 "$PSQL" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq \
        -c "SELECT 1 FROM pg_database WHERE datname = 'agh'")"
    if [ "$exists" != "1" ]; then
        log "creating database agh"
        if ! "$PSQL" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
            -c "CREATE DATABASE agh" >&2; then
            # tolerate a concurrent creator
            exists="$("$PSQL" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq \
                -c "SELECT 1 FROM pg_database WHERE datname = 'agh'")"
            [ "$exists" = "1" ] || die "could not create database agh"
        fi
    fi

    echo "Host=127.0.0.1;Port=$port;Database=agh;Username=postgres;Password=postgres"
}

cmd_stop() {
    [ $# -eq 1 ] || die "usage: pg.sh stop DIR"
    local dir
    dir="$(abs_path "$1")"
    [ -d "$dir" ] || { log "$dir does not exist; nothing to stop"; return 0; }
    need_bindir
    if is_running "$dir"; then
        log "stopping cluster $dir"
        as_pg "$BINDIR/pg_ctl" -D "$dir" -m fast -w -t 60 stop >&2
    else
        log "cluster in $dir is not running"
    fi
}

# The data directory `make run` uses for a checkout: ROOT/.pg/data, unless the server (which runs as the
# user postgres when we are root) cannot reach into ROOT, e.g. a clone under /root or a mktemp dir; then a
# directory under /var/lib/agh-dev named after the checkout's path.
cmd_dev_dir() {
    [ $# -eq 1 ] || die "usage: pg.sh dev-dir ROOT"
    local root
    root="$(abs_path "$1")"
    if is_root && ! runuser -u nobody -- test -x "$root" 2>/dev/null; then
        echo "/var/lib/agh-dev/$(printf '%s' "$root" | md5sum | cut -c1-12)/data"
    else
        echo "$root/.pg/data"
    fi
}

main() {
    local cmd="${1:-}"
    [ $# -gt 0 ] && shift
    case "$cmd" in
        ensure-installed) cmd_ensure_installed "$@" ;;
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        dev-dir) cmd_dev_dir "$@" ;;
        *) echo "usage: $0 {ensure-installed | start DIR PORT | stop DIR | dev-dir ROOT}" >&2; exit 2 ;;
    esac
}

main "$@"
