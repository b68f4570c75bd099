#!/usr/bin/env bash
# ./test.sh   builds and runs every test project against a real PostgreSQL, then prints
#             "Tests: N passed, N failed[, N skipped]" summed over all test assemblies.
#
# PostgreSQL: TIPCASES_TEST_DB (a server connection string) if set; else Testcontainers where a
# Docker engine answers; else a throwaway cluster started here with the installed server binaries
# and removed at the end. Browser tests need Debian's chromium: installed here if missing (as root).
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
# shellcheck source=scripts/postgres.sh
. "$ROOT/scripts/postgres.sh"

command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK 10 is missing: install it and run ./test.sh again." >&2; exit 1; }

# Chromium for the browser tests (Playwright drives the system browser; it never downloads one).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/tipcases-chromium-install.log 2>&1 \
      || { echo "Could not install chromium (see /tmp/tipcases-chromium-install.log)." >&2; exit 1; }
  else
    echo "Chromium is missing at /usr/bin/chromium: install it (sudo apt-get install chromium) and run ./test.sh again." >&2
    exit 1
  fi
fi

CLUSTER_DIR=""
cleanup() {
  if [ -n "$CLUSTER_DIR" ]; then
    pg_cluster_stop "$CLUSTER_DIR/data"
    rm -rf "$CLUSTER_DIR"
  fi
}
trap cleanup EXIT

if [ -n "${TIPCASES_TEST_DB:-}" ]; then
  echo "Database: TIPCASES_TEST_DB"
elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "Database: Testcontainers (Docker engine found)"
else
  CLUSTER_DIR=$(mktemp -d /tmp/tipcases-test-pg.XXXXXX)
  chmod 755 "$CLUSTER_DIR"
  PORT=$(free_port 55432)
  # A throwaway cluster: durability is not needed, speed is.
  PG_FSYNC=off pg_cluster_start "$CLUSTER_DIR/data" "$PORT" || exit 1
  export TIPCASES_TEST_DB="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres;Database=postgres"
  echo "Database: throwaway PostgreSQL cluster on 127.0.0.1:$PORT"
fi

echo "Building..."
if ! dotnet build "$ROOT/TipCases.sln" -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "Build failed."
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi

RESULTS=$(mktemp -d /tmp/tipcases-test-results.XXXXXX)
dotnet test "$ROOT/TipCases.sln" -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "$@"
TEST_EXIT=$?

# Sum the counters of every assembly's TRX file.
read -r PASSED FAILED SKIPPED TOTAL < <(
  python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = total = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); total += int(c.get("total", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(passed, failed, skipped, total)
PY
)
rm -rf "$RESULTS"
if [ "$TEST_EXIT" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
  FAILED=1 # the runner failed without a result file saying why (a crashed test host, say)
fi
if [ "${TOTAL:-0}" -eq 0 ]; then
  echo "No test ran."
  FAILED=$((FAILED + 1))
fi
if [ "$SKIPPED" -gt 0 ]; then
  echo "Tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
else
  echo "Tests: $PASSED passed, $FAILED failed"
fi
[ "$FAILED" -eq 0 ] && [ "$TEST_EXIT" -eq 0 ]
