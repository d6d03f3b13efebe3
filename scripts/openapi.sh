#!/usr/bin/env bash
# Refreshes the checked-in OpenAPI document (openapi/agh-v1.json) from the running host and regenerates the test
# project's NSwag client from it (`make openapi`). Run it after changing an endpoint or the document's filters,
# then review `git diff openapi/` and fix GeneratedClientTests where the client's names or types changed.
#
# The document is the one the test host serves (Development, as under WebApplicationFactory): written by
# OpenApiDocumentTests with AGH_OPENAPI_REFRESH=1, so the refresh and the drift check share one text form.
# Uses $AGH_TEST_CONNECTION if set, else a throwaway PostgreSQL cluster (scripts/pg.sh), removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PG_TMP=""
cleanup() {
    if [ -n "$PG_TMP" ]; then
        bash scripts/pg.sh stop "$PG_TMP/data" >/dev/null 2>&1 || true
        rm -rf "$PG_TMP"
    fi
}
trap cleanup EXIT

if [ -z "${AGH_TEST_CONNECTION:-}" ]; then
    bash scripts/pg.sh ensure-installed
    PG_TMP="$(mktemp -d /tmp/agh-openapi-pg.XXXXXX)"
    chmod 755 "$PG_TMP"
    port=56432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
    AGH_TEST_CONNECTION="$(bash scripts/pg.sh start "$PG_TMP/data" "$port" | tail -n 1)"
    export AGH_TEST_CONNECTION
fi

# The host is built with the client generated from the current file; if an earlier refresh left a document the test
# code no longer compiles against, restore it with `git checkout openapi/` first.
dotnet build tests/AGH.Tests -c Release -v q -nologo
AGH_OPENAPI_REFRESH=1 dotnet test tests/AGH.Tests -c Release --no-build -v q --nologo \
    --filter 'FullyQualifiedName~AGH.Tests.Http.OpenApi.OpenApiDocumentTests'
echo "openapi.sh: wrote openapi/agh-v1.json" >&2

# Regenerates obj/.../Generated/AghClient.g.cs from the new file; compile errors here are client uses to update.
dotnet build tests/AGH.Tests -c Release -v q -nologo
echo "openapi.sh: client regenerated; review 'git diff openapi/' and commit it" >&2
