#!/usr/bin/env bash
# Run the service locally (Development, demo seed): the staff web app at /app and Swagger UI at /swagger.
#
# Database, in order of preference:
#   1. $ConnectionStrings__Agh if set
#   2. Docker (if an engine answers `docker info`): a development PostgreSQL container `agh-dev-postgres` on
#      127.0.0.1:5432 (not the compose stack, whose database is never published; stop it with `make stop-db`)
#   3. a persistent local cluster in .pg/data on port 55433 (stop it with `make stop-db`)
#
# Env: AGH_HTTP_PORT (default 5080) changes the port the API listens on.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

HTTP_PORT="${AGH_HTTP_PORT:-5080}"
URL="http://127.0.0.1:$HTTP_PORT"
LOCAL_PG_PORT=55433
LOCAL_PG_DIR="$(bash "$ROOT/scripts/pg.sh" dev-dir "$ROOT")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

log() { echo "run.sh: $*" >&2; }

DEV_CONTAINER=agh-dev-postgres

have_docker() {
    command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

if [ -n "${ConnectionStrings__Agh:-}" ]; then
    CONN="$ConnectionStrings__Agh"
    log "using ConnectionStrings__Agh from the environment"
elif have_docker; then
    log "starting the development PostgreSQL container $DEV_CONTAINER (127.0.0.1:5432)"
    # Development credentials on loopback only; the compose stack keeps its database unpublished.
    docker start "$DEV_CONTAINER" >/dev/null 2>&1 \
        || docker run -d --name "$DEV_CONTAINER" -p 127.0.0.1:5432:5432 \
            -e POSTGRES_PASSWORD=postgres -e POSTGRES_DB=agh postgres:15 >/dev/null
    log "waiting for PostgreSQL to accept connections"
    ok=0
    for _ in $(seq 1 60); do
        if docker exec "$DEV_CONTAINER" pg_isready -h 127.0.0.1 -U postgres -d agh >/dev/null 2>&1; then ok=1; break; fi
        sleep 1
    done
    [ "$ok" -eq 1 ] || { log "PostgreSQL container did not become ready"; exit 1; }
    CONN="Host=127.0.0.1;Port=5432;Database=agh;Username=postgres;Password=postgres"
else
    log "no Docker engine available; using a local cluster in $LOCAL_PG_DIR (port $LOCAL_PG_PORT)"
    scripts/pg.sh ensure-installed
    mkdir -p "$(dirname "$LOCAL_PG_DIR")"
    chmod 755 "$(dirname "$LOCAL_PG_DIR")"
    CONN="$(scripts/pg.sh start "$LOCAL_PG_DIR" "$LOCAL_PG_PORT")"
    log "stop it later with: make stop-db"
fi

echo "Staff web app: $URL/app   Swagger UI: $URL/swagger"

# Repeat the URL once the app is live, so it shows up after the startup logs.
# $$ becomes the dotnet process after `exec` below; stop polling if it exits.
if command -v curl >/dev/null 2>&1; then
    APP_PID=$$
    (
        for _ in $(seq 1 90); do
            kill -0 "$APP_PID" 2>/dev/null || exit 0
            if curl -fsS -o /dev/null --max-time 2 "$URL/health/live" 2>/dev/null; then
                echo
                echo "AGH is up - staff web app: $URL/app (sign in with any role)   Swagger UI: $URL/swagger"
                exit 0
            fi
            sleep 1
        done
        echo "run.sh: $URL/health/live did not answer within 90 s" >&2
    ) &
fi

# The environment is stated here, never in a launch profile (`dotnet run` would let a profile override the shell, and
# ASPNETCORE_ENVIRONMENT=Production would silently start in Development). --no-launch-profile keeps it that way.
# Development tokens (POST /dev/token, the sign-in page's role picker) only because this is a developer's machine.
export ASPNETCORE_ENVIRONMENT=Development
export Auth__DevTokens=true
export Demo__Seed=true
export ConnectionStrings__Agh="$CONN"
exec dotnet run --project src/Api -c Debug --no-launch-profile --urls "$URL"
