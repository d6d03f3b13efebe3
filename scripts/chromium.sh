#!/usr/bin/env bash
# Debian's Chromium for the staff app's browser tests (Playwright drives it by its executable path; Playwright's own
# browser download is not reachable here).
#   scripts/chromium.sh ensure-installed   installs it with apt-get when missing, prints its path
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

find_chromium() {
    for c in "${AGH_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
        [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
    done
    return 1
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else log "need root (or sudo) to run: $*"; return 1
    fi
}

case "${1:-}" in
    ensure-installed)
        if path="$(find_chromium)"; then
            # German date fields need Chromium's German locale; without it the tests still pass (dates shown mm/dd/yyyy).
            if [ "$path" = /usr/bin/chromium ] && [ ! -e /usr/lib/chromium/locales/de.pak ] && command -v apt-get >/dev/null 2>&1; then
                log "installing chromium-l10n (German locale)"
                as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium-l10n >&2 \
                    || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium-l10n >&2; } \
                    || log "chromium-l10n could not be installed"
            fi
            echo "$path"; exit 0
        fi
        log "Chromium not found; installing Debian's chromium with apt-get"
        command -v apt-get >/dev/null 2>&1 || { log "apt-get not available; install Chromium and set AGH_CHROMIUM"; exit 1; }
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2
        # chromium-l10n: date fields laid out as dd.mm.yyyy (--lang=de-DE); fonts-dejavu-core: a known font for the screenshots.
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-l10n fonts-dejavu-core >&2
        find_chromium || { log "chromium installed but not found"; exit 1; }
        ;;
    *) echo "usage: $0 ensure-installed" >&2; exit 2 ;;
esac
