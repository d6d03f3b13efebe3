#!/usr/bin/env bash
# Redocly CLI (pinned) in a project-local folder, installed from the npm registry when missing.
#
#   scripts/redocly.sh install      install it if missing (make test does this before the tests)
#   scripts/redocly.sh lint FILE    `redocly lint --extends recommended FILE`; non-zero exit on any error
#
# The OpenApiDocumentTests write the served document to TestResults/openapi.json and lint it with this script.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=2.77.0
DIR="$ROOT/.tools/redocly"
BIN="$DIR/node_modules/.bin/redocly"

install() {
    if [ -x "$BIN" ] && [ "$("$BIN" --version 2>/dev/null | tail -n 1)" = "$VERSION" ]; then return 0; fi
    command -v npm >/dev/null 2>&1 || { echo "redocly.sh: npm is needed to install @redocly/cli $VERSION" >&2; exit 1; }
    mkdir -p "$DIR"
    echo "redocly.sh: installing @redocly/cli@$VERSION into $DIR" >&2
    npm install --prefix "$DIR" --no-audit --no-fund --no-save --loglevel=error "@redocly/cli@$VERSION" >&2
}

case "${1:-}" in
    install) install ;;
    lint)
        [ -n "${2:-}" ] || { echo "usage: scripts/redocly.sh lint FILE" >&2; exit 2; }
        install
        # Node 20 is end-of-life for Redocly: its banner is noise here.
        REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_TELEMETRY=off "$BIN" lint --extends recommended --format stylish "$2" ;;
    *) echo "usage: scripts/redocly.sh install | lint FILE" >&2; exit 2 ;;
esac
