#!/usr/bin/env bash
# Wolverine's pre-generated handlers (src/Api/Internal/Generated), which Release and the container image load
# (TypeLoadMode.Static); Development and tests generate them at start instead.
#
#   scripts/codegen.sh          regenerate them after changing an endpoint or handler (`make codegen`)
#   scripts/codegen.sh --check  fail when the checked-in code is not what the current endpoints generate
#                               (`make test` runs this first: an endpoint added without regenerating would be a 404)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GEN=src/Api/Internal/Generated
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Api -c Release -v q -nologo >/dev/null
rm -rf "$GEN"
# Writing the code needs no database; the connection string only satisfies the service's start-up check.
(cd src/Api && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Agh='Host=127.0.0.1;Port=1;Database=codegen;Timeout=2' \
    dotnet run -c Release --no-build -- codegen write >/dev/null)

if [ "${1:-}" = "--check" ]; then
    if [ -n "$(git status --porcelain -- "$GEN")" ]; then
        echo "codegen.sh: the checked-in Wolverine code in $GEN is stale; run 'make codegen' and commit it:" >&2
        git status --porcelain -- "$GEN" >&2
        git checkout -q -- "$GEN" 2>/dev/null || true
        exit 1
    fi
    echo "codegen.sh: checked-in Wolverine code is current" >&2
else
    echo "codegen.sh: wrote $GEN" >&2
fi
