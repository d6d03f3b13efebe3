#!/usr/bin/env bash
# Build and run the whole test suite against a throwaway PostgreSQL.
#
# - If AGH_TEST_CONNECTION is already set, that database is used and no cluster is started.
# - Otherwise, if a Docker engine answers `docker info` within 5 s (and AGH_TEST_DOCKER is not 0), AGH_TEST_CONNECTION
#   stays unset: the HTTP tests' AghFactory starts a Testcontainers PostgreSQL (postgres:15-alpine). The process-level
#   tests (outage, crash safety, multi-node, production auth) then start clusters of their own with scripts/pg.sh, so
#   the PostgreSQL binaries are installed if needed.
# - Otherwise PostgreSQL is installed if needed (scripts/pg.sh ensure-installed), a cluster
#   is started in a fresh temp dir on a free port (55432 upward), AGH_TEST_CONNECTION is
#   exported, and the cluster is stopped and deleted afterwards.
# - The last line printed is always "N passed, N failed, N skipped" (summed over all .trx files in
#   TestResults/; also written to TestResults/summary.txt). Exit code is non-zero if any test failed,
#   `dotnet test` failed, or a guarantee test (see GUARANTEE_TESTS) was skipped.
# - AGH_REQUIRE_GUARANTEES=1 is exported: the guarantee tests fail instead of skipping when they cannot run
#   (e.g. no PostgreSQL binaries for a cluster of their own).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RESULTS_DIR="$ROOT/TestResults"
PG_TMP=""
SUMMARY_PRINTED=0

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "test.sh: $*" >&2; }

# Test classes whose skipping would hide a broken guarantee (README "Guarantees"): a skip of any of them fails the run.
GUARANTEE_TESTS='\.(OutageTests|CrashSafetyTests|MultiNodeTests|ProductionAuthTests|ProductionStartTests)\.'

# Sum the <Counters .../> attributes of all trx files; prints "N passed, N failed, N skipped".
# "failed" also counts the error/timeout/aborted outcomes; "skipped" is what was not executed (xUnit's skipped tests
# appear only as total minus executed) or came out notExecuted/inconclusive/notRunnable/pending.
summarize() {
    local passed=0 failed=0 skipped=0 f counters attr v total executed other
    if [ -d "$RESULTS_DIR" ]; then
        while IFS= read -r -d '' f; do
            counters="$(tr '\n\r' '  ' < "$f" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
            [ -n "$counters" ] || continue
            v="$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')"
            passed=$(( passed + ${v:-0} ))
            for attr in failed error timeout aborted; do
                v="$(printf '%s' "$counters" | sed -n "s/.* ${attr}=\"\\([0-9]*\\)\".*/\\1/p")"
                failed=$(( failed + ${v:-0} ))
            done
            total="$(printf '%s' "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')"
            executed="$(printf '%s' "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')"
            other=0
            for attr in notExecuted inconclusive notRunnable pending; do
                v="$(printf '%s' "$counters" | sed -n "s/.* ${attr}=\"\\([0-9]*\\)\".*/\\1/p")"
                other=$(( other + ${v:-0} ))
            done
            v=$(( ${total:-0} - ${executed:-0} ))
            [ "$v" -gt "$other" ] || v=$other
            skipped=$(( skipped + v ))
        done < <(find "$RESULTS_DIR" -type f -name '*.trx' -print0)
    fi
    echo "$passed passed, $failed failed, $skipped skipped"
}

# Names of skipped (not executed / inconclusive) tests that belong to the guarantee classes, one per line.
skipped_guarantees() {
    [ -d "$RESULTS_DIR" ] || return 0
    find "$RESULTS_DIR" -type f -name '*.trx' -print0 | while IFS= read -r -d '' f; do
        tr '\n\r' '  ' < "$f" | grep -o '<UnitTestResult [^>]*>' \
            | grep -E 'outcome="(NotExecuted|Inconclusive|NotRunnable|Pending)"' \
            | sed -n 's/.* testName="\([^"]*\)".*/\1/p' | grep -E "$GUARANTEE_TESTS" || true
    done
}

stop_cluster() {
    if [ -n "$PG_TMP" ]; then
        "$ROOT/scripts/pg.sh" stop "$PG_TMP/data" >/dev/null 2>&1 || true
        rm -rf "$PG_TMP"
        PG_TMP=""
    fi
}

print_summary() {
    local line
    line="$(summarize)"
    mkdir -p "$RESULTS_DIR"
    echo "$line" > "$RESULTS_DIR/summary.txt"
    echo "$line"
    SUMMARY_PRINTED=1
}

on_exit() {
    local rc=$?
    stop_cluster
    # Make sure the summary line is the last line even when we bail out early.
    if [ "$SUMMARY_PRINTED" -eq 0 ]; then
        print_summary
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Is something listening on 127.0.0.1:PORT?
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Does a Docker engine answer within a few seconds? AGH_TEST_DOCKER=0 says no without asking.
docker_answers() {
    [ "${AGH_TEST_DOCKER:-1}" != "0" ] || return 1
    command -v docker >/dev/null 2>&1 || return 1
    timeout 5 docker info >/dev/null 2>&1
}

start_cluster() {
    "$ROOT/scripts/pg.sh" ensure-installed
    PG_TMP="$(mktemp -d /tmp/agh-pg.XXXXXX)"
    chmod 755 "$PG_TMP"     # the postgres OS user must be able to traverse it
    local port=55432 attempts=0 conn
    while [ "$attempts" -lt 5 ]; do
        while port_in_use "$port"; do
            port=$(( port + 1 ))
            [ "$port" -lt 56432 ] || { log "no free port found"; return 1; }
        done
        if conn="$("$ROOT/scripts/pg.sh" start "$PG_TMP/data" "$port")"; then
            export AGH_TEST_CONNECTION="$conn"
            log "using throwaway PostgreSQL: $AGH_TEST_CONNECTION"
            return 0
        fi
        # probably lost a race for the port: wipe and retry on the next one
        "$ROOT/scripts/pg.sh" stop "$PG_TMP/data" >/dev/null 2>&1 || true
        rm -rf "$PG_TMP/data"
        port=$(( port + 1 ))
        attempts=$(( attempts + 1 ))
    done
    log "could not start PostgreSQL"
    return 1
}

rm -rf "$RESULTS_DIR"

# The guarantee tests must run or fail, never skip silently (CI=true has the same effect in the tests).
export AGH_REQUIRE_GUARANTEES=1

if [ -n "${AGH_TEST_CONNECTION:-}" ]; then
    log "using AGH_TEST_CONNECTION from the environment"
    # The outage test still needs PostgreSQL binaries for a cluster of its own; without them it fails loudly.
    "$ROOT/scripts/pg.sh" ensure-installed || log "PostgreSQL binaries could not be installed; the outage test will fail"
elif docker_answers; then
    log "a Docker engine answers: the HTTP tests use Testcontainers PostgreSQL, the process-level tests clusters of their own"
    "$ROOT/scripts/pg.sh" ensure-installed || log "PostgreSQL binaries could not be installed; the process-level tests will fail"
else
    start_cluster
fi

# The pre-generated Wolverine code that Release loads must match the endpoints (a stale file is a silent 404 there).
bash "$ROOT/scripts/codegen.sh" --check

# The staff app's browser tests drive Debian's Chromium (installed here when missing).
AGH_CHROMIUM="$(bash "$ROOT/scripts/chromium.sh" ensure-installed)" || { log "Chromium could not be installed; the browser tests will fail"; AGH_CHROMIUM=""; }
export AGH_CHROMIUM

# OpenApiDocumentTests lint the served document with Redocly's recommended rules (installed here, pinned, when missing).
bash "$ROOT/scripts/redocly.sh" install

test_rc=0
dotnet test AGH.sln -c Release \
    --logger "trx;LogFileName=results.trx" \
    --results-directory "$RESULTS_DIR" || test_rc=$?

# Stop PostgreSQL before printing the summary so its output cannot follow the summary line.
stop_cluster

summary="$(summarize)"
failed="${summary#*passed, }"
failed="${failed%% failed*}"
skipped_guarantee_tests="$(skipped_guarantees)"

if [ "$test_rc" -ne 0 ]; then
    log "dotnet test exited with code $test_rc"
elif [ "$failed" != "0" ]; then
    test_rc=1
fi
if [ -n "$skipped_guarantee_tests" ]; then
    log "guarantee tests were skipped; a skipped guarantee is not a proven one:"
    printf '%s\n' "$skipped_guarantee_tests" | sed 's/^/test.sh:   /' >&2
    [ "$test_rc" -ne 0 ] || test_rc=1
fi

print_summary
exit "$test_rc"
