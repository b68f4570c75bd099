#!/usr/bin/env bash
# bench/run.sh [CASES]   e.g. bench/run.sh 100000, bench/run.sh 1000000 (default 100000)
#
# Generates CASES synthetic cases (tools/TipCases.DataGenerator), starts TipCases in Release in the
# Benchmark environment (production settings, plain HTTP on loopback), signs in and measures the
# main pages with wrk on loopback, /health/live as the baseline of the same run. Prints, per page,
# requests per second, p50 and p95 latency and the ratio to the baseline, then the app's peak
# memory (VmHWM) and the generation time. The table is also written to .data/bench/results-CASES.md.
#
# Database: TIPCASES_DB (a connection string; its database must not hold the generated offices
# yet, or set BENCH_REUSE=1 to measure data generated earlier with the same key), else a
# throwaway PostgreSQL cluster in .data/bench/pg started with the installed server binaries
# (scripts/postgres.sh) and stopped at the end (BENCH_KEEP=1 keeps it and its data for a rerun).
#
# Settings (environment): BENCH_DURATION (per page, default 10s), BENCH_WARMUP (before each page,
# default 3s), BENCH_THREADS (2),
# BENCH_CONNECTIONS (8), BENCH_PORT (app port; default the first free one from 5190,
# clear of the app's 5080-5090 and the shared test cluster's 5440; the throwaway PostgreSQL from 5490), BENCH_DASHBOARD (default /Dashboard;
# skipped when it answers 404; waited for up to BENCH_DASHBOARD_WAIT seconds, default 900),
# BENCH_REUSE=1 (skip generation when the data is there), BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.data/bench
SIZE=${1:-100000}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
DASHBOARD=${BENCH_DASHBOARD:-/Dashboard}
PASSWORD=${TIPCASES_DEMO_PASSWORD:-tipcases-demo-2026}
# shellcheck source=scripts/postgres.sh
. "$ROOT/scripts/postgres.sh"
APP_PORT=${BENCH_PORT:-$(free_port 5190)}
BASE=http://127.0.0.1:$APP_PORT

case $SIZE in '' | *[!0-9]*) echo "Usage: bench/run.sh [CASES]  (e.g. 100000 or 1000000)" >&2; exit 2 ;; esac
mkdir -p "$OUT"

fail() { echo "bench: $*" >&2; exit 1; }

# --- Tools ------------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK 10 is missing."
command -v curl >/dev/null 2>&1 || fail "curl is missing (apt-get install curl)."
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "wrk is missing: installing Debian's package (apt-get install wrk)..."
    { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; }; } \
      || fail "could not install wrk with apt-get; install it (Debian: apt-get install wrk) and run again."
  else
    fail "wrk is missing and cannot be installed from here: install it (Debian: apt-get install wrk) and run again."
  fi
fi

APP_PID=
CLUSTER=
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [ -n "$CLUSTER" ] && [ "${BENCH_KEEP:-}" != 1 ]; then
    pg_cluster_stop "$CLUSTER"
  fi
}
trap cleanup EXIT

# --- Database ---------------------------------------------------------------------------------
if [ -n "${TIPCASES_DB:-}" ]; then
  CONNECTION=$TIPCASES_DB
  echo "Database: TIPCASES_DB"
else
  [ -n "$(pg_bin_dir)" ] || fail "no database: set TIPCASES_DB, or install the PostgreSQL server binaries (Debian: apt-get install postgresql)."
  CLUSTER=$OUT/pg
  if [ -f "$CLUSTER/postmaster.pid" ] && [ -f "$OUT/pg.port" ]; then
    PG_PORT=$(cat "$OUT/pg.port")
  else
    PG_PORT=$(free_port 5490)
    # A server tuned as one would tune it for this machine (24 GB, SSD), plus bulk-load settings
    # that only affect writes: no WAL for COPY into tables emptied in the same transaction
    # (wal_level=minimal) and few checkpoints during the load.
    PG_OPTIONS="-c shared_buffers=1GB -c effective_cache_size=8GB -c random_page_cost=1.1 -c work_mem=16MB \
-c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c wal_level=minimal -c max_wal_senders=0" \
      pg_cluster_start "$CLUSTER" "$PG_PORT"
    echo "$PG_PORT" >"$OUT/pg.port"
  fi
  DB_NAME=tipcases_bench_$SIZE
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=$DB_NAME;Username=postgres;Password=postgres"
  echo "Database: throwaway cluster in .data/bench/pg on 127.0.0.1:$PG_PORT, database $DB_NAME"
fi

# The identity key of the generated victims; the app needs the same one to read them.
if [ ! -s "$OUT/identity.key" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 >"$OUT/identity.key")
fi
IDENTITY_KEY=$(cat "$OUT/identity.key")

# --- Build ------------------------------------------------------------------------------------
echo "Building (Release)..."
dotnet build "$ROOT/tools/TipCases.DataGenerator/TipCases.DataGenerator.csproj" -c Release -nologo -v quiet >"$OUT/build.log" 2>&1 \
  || { tail -30 "$OUT/build.log"; fail "build failed; see .data/bench/build.log"; }
WEB_DLL=$ROOT/src/TipCases.Web/bin/Release/net10.0/TipCases.Web.dll
GENERATOR_DLL=$ROOT/tools/TipCases.DataGenerator/bin/Release/net10.0/TipCases.DataGenerator.dll

# --- Data -------------------------------------------------------------------------------------
GENERATED="(reused)"
if [ -n "$CLUSTER" ] && [ "${BENCH_REUSE:-}" != 1 ]; then
  # A fresh database each run, so the generator starts from empty tables.
  PSQL=$(command -v psql || echo "$(pg_bin_dir)/psql")
  "$PSQL" -q "host=127.0.0.1 port=$PG_PORT user=postgres password=postgres dbname=postgres" \
    -c "DROP DATABASE IF EXISTS $DB_NAME" -c "CREATE DATABASE $DB_NAME" >/dev/null
fi
if [ "${BENCH_REUSE:-}" != 1 ]; then
  echo "Generating $SIZE cases (log: .data/bench/generate-$SIZE.log)..."
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  TIPCASES_DB=$CONNECTION TIPCASES_IDENTITY_KEY=$IDENTITY_KEY TIPCASES_DEMO_PASSWORD=$PASSWORD \
    dotnet "$GENERATOR_DLL" --cases "$SIZE" >"$OUT/generate-$SIZE.log" 2>&1 \
    || { tail -30 "$OUT/generate-$SIZE.log"; fail "generation failed; see .data/bench/generate-$SIZE.log"; }
  GENERATED=$(sed -n 's/^Done in \(.*\)\.$/\1/p' "$OUT/generate-$SIZE.log")
  grep -E '^(Planned|Loaded|Indexes|Done)' "$OUT/generate-$SIZE.log" | sed 's/^/  /'
  echo "  load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# --- App --------------------------------------------------------------------------------------
(exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null && fail "port $APP_PORT is in use (set BENCH_PORT)."
echo "Starting TipCases (Release, Benchmark environment) on $BASE..."
APP_STARTED=$(date -u '+%Y-%m-%d %H:%M:%S+00')
(
  cd "$ROOT/src/TipCases.Web"
  ASPNETCORE_ENVIRONMENT=Benchmark \
  ASPNETCORE_URLS=$BASE \
  ConnectionStrings__TipCases="$CONNECTION" \
  Security__IdentityKey="$IDENTITY_KEY" \
  Summaries__RefreshInterval=01:00:00 \
  exec dotnet "$WEB_DLL" >"$OUT/app-$SIZE.log" 2>&1
) &
APP_PID=$!
for _ in $(seq 1 60); do
  curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$OUT/app-$SIZE.log"; fail "the app stopped during start-up; see .data/bench/app-$SIZE.log"; }
  sleep 1
done
curl -fsS "$BASE/health/ready" >/dev/null 2>&1 || fail "the app did not become ready in 60 s; see .data/bench/app-$SIZE.log"

# --- Sign-in ---------------------------------------------------------------------------------
# The current 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30-second steps) of a base32 secret.
totp() {
  if command -v oathtool >/dev/null 2>&1; then
    oathtool --totp -b "$1"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))' "$1"
  else
    fail "signing in needs a TOTP code: install oathtool (apt-get install oathtool) or python3."
  fi
}

# Signs USER in through the real sign-in pages and prints the session cookie ("TipCases=...").
# The only place that knows the sign-in flow: the password form, then, when the app asks for it
# (two-step sign-in), a code from the accounts' authenticator secret (TIPCASES_DEMO_TOTP_SECRET,
# default the published demo secret; the generator must have enrolled the accounts with it).
sign_in() {
  local user=$1 jar token status location
  jar=$(mktemp)
  token=$(curl -fsS -c "$jar" -b "$jar" "$BASE/Account/Login" \
    | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
  location=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "Form.UserName=$user" --data-urlencode "Form.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login")
  status=${location%% *} location=${location#* }
  [ "$status" = 302 ] || { rm -f "$jar"; fail "sign-in of $user answered $status, not a redirect."; }
  if [[ $location == */Account/Mfa* ]]; then
    token=$(curl -fsS -c "$jar" -b "$jar" "$location" \
      | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
    [ -n "$token" ] || { rm -f "$jar"; fail "$user has no authenticator set up (enrol the generated accounts with the demo secret)."; }
    status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
      --data-urlencode "Form.Code=$(totp "${TIPCASES_DEMO_TOTP_SECRET:-TIPCASESDEMOTOTPSECRETKEYABCDEFG}")" \
      --data-urlencode "__RequestVerificationToken=$token" "$location")
    [ "$status" = 302 ] || { rm -f "$jar"; fail "the code step of $user's sign-in answered $status, not a redirect."; }
  fi
  awk '$6 == "TipCases" { print "TipCases=" $7 }' "$jar"
  rm -f "$jar"
}
SUPERVISOR=$(sign_in supervisor.cpo.001)
LIAISON=$(sign_in liaison.cpo.001)
PROSECUTOR=$(sign_in prosecutor.cpo.001)

# Fetches PATH with COOKIE; prints the body, fails unless the answer is 200.
page() {
  local cookie=$1 path=$2 body status
  body=$(mktemp)
  status=$(curl -sS -o "$body" -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
  [ "$status" = 200 ] || { rm -f "$body"; fail "GET $path answered $status."; }
  cat "$body"
  rm -f "$body"
}

# The pages: a case in trial (its page has team, history, tasks and victims), the list's second
# page (keyset cursor from the first), a reference prefix of that case.
TRIAL_CASE=$(page "$SUPERVISOR" "/Cases?stage=Trial" | grep -o 'href="/Cases/[0-9a-f-]\{36\}"' | head -1 | sed 's/href="//; s/"$//')
[ -n "$TRIAL_CASE" ] || fail "no case in trial found on the case list."
REFERENCE=$(page "$SUPERVISOR" "$TRIAL_CASE" | grep -o 'CPO-[0-9]\{4\}-[0-9]\{6\}' | head -1)
NEXT_PAGE=$(page "$SUPERVISOR" "/Cases" | grep -o 'href="/Cases?[^"]*after=[^"]*"' | head -1 | sed 's/href="//; s/"$//; s/&amp;/\&/g')
[ -n "$NEXT_PAGE" ] || fail "the case list has no next page."

declare -a NAMES=() PATHS=() COOKIES=()
add() { NAMES+=("$1"); COOKIES+=("$2"); PATHS+=("$3"); }
add "Baseline: /health/live" "" /health/live
add "Case list, first page (supervisor)" "$SUPERVISOR" /Cases
add "Case list, next page (supervisor)" "$SUPERVISOR" "$NEXT_PAGE"
add "Case list, place name + stage (supervisor)" "$SUPERVISOR" "/Cases?q=kestlow&stage=Trial"
add "Case list, reference prefix (supervisor)" "$SUPERVISOR" "/Cases?q=${REFERENCE:0:13}"
add "Case page (supervisor)" "$SUPERVISOR" "$TRIAL_CASE"
add "My work (liaison officer)" "$LIAISON" /
add "My work (prosecutor)" "$PROSECUTOR" /
add "My work (supervisor)" "$SUPERVISOR" /
# The dashboard's office figures are computed in the background after start-up (a minute or
# more at a million cases); a page asked before they are there counts them itself, which may
# time out. Wait for this app's first round to have kept every office's presets (4 each), then ask once.
# (The app runs with an hourly refresh, so the measurements below see pages, not a refresh round.)
# My work's own figures of the liaison officer and the prosecutor are counted in the background at
# their first visit (seconds for a busy officer at a million cases) and kept: visit once, and wait
# for them below with the dashboard's, so that the measurements see the page as people do.
PSQL=$(command -v psql || echo "$(pg_bin_dir)/psql")
WAIT_START=$SECONDS
DEADLINE=$((SECONDS + ${BENCH_DASHBOARD_WAIT:-900}))
while [ $SECONDS -lt $DEADLINE ]; do
  # A visit starts the count when the kept figures are missing or too old.
  page "$LIAISON" / >/dev/null
  page "$PROSECUTOR" / >/dev/null
  kept=$("$PSQL" -tAq "$(echo "$CONNECTION" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Database=/dbname=/; s/Username=/user=/; s/Password=/password=/')" \
    -c "SELECT (SELECT count(*) FROM summary_snapshots WHERE key LIKE 'dashboard:%' AND computed_at >= '$APP_STARTED') >= 4 * (SELECT count(*) FROM offices) AND (SELECT count(*) FROM summary_snapshots WHERE key LIKE 'my-figures:%' AND computed_at >= now() - interval '15 minutes') >= 2" 2>/dev/null || echo f)
  [ "$kept" = t ] && break
  sleep 5
done
ROUND=$(grep -o 'Summary [\\"]*dashboard[\\"]* refreshed in [0-9]* ms' "$OUT/app-$SIZE.log" | grep -o '[0-9]* ms' | head -1 || true)
echo "Dashboard and My work figures kept after $((SECONDS - WAIT_START)) s of waiting; the round: ${ROUND:-still finishing (the app log has its time when it ends)}."
DASHBOARD_STATUS=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 300 -H "Cookie: $SUPERVISOR" "$BASE$DASHBOARD" || echo 000)
if [ "$DASHBOARD_STATUS" = 200 ]; then
  add "Dashboard (supervisor)" "$SUPERVISOR" "$DASHBOARD"
else
  echo "Dashboard: $DASHBOARD answered $DASHBOARD_STATUS (not built on this branch yet?); skipped."
fi

# --- Measure ----------------------------------------------------------------------------------
echo "Measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION per page, after $WARMUP of warm-up on each page..."
RESULTS=$OUT/results-$SIZE.md
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "| page | requests/s | p50 ms | p95 ms | p99 ms | vs baseline |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} >"$RESULTS.tmp"
# Each wrk thread keeps the cookies the app sets, as a browser does (bench/report.lua).
# Warm-up, every page before any is measured: the JIT's second tier, connection pools and
# PostgreSQL's caches settle in these seconds.
for i in "${!NAMES[@]}"; do
  headers=()
  [ -n "${COOKIES[$i]}" ] && headers=(-H "Cookie: ${COOKIES[$i]}")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -s "$ROOT/bench/report.lua" "${headers[@]}" "$BASE${PATHS[$i]}" >/dev/null
done
BASELINE_RPS=
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]} path=${PATHS[$i]} cookie=${COOKIES[$i]}
  headers=()
  [ -n "$cookie" ] && headers=(-H "Cookie: $cookie")
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$ROOT/bench/report.lua" "${headers[@]}" "$BASE$path" | grep '^BENCH ')
  field() { echo "$line" | sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
  rps=$(field rps) p50=$(field p50) p95=$(field p95) p99=$(field p99) errors=$(field errors) status=$(field status) other=$(field other)
  [ -z "$BASELINE_RPS" ] && BASELINE_RPS=$rps
  ratio=$(awk -v a="$rps" -v b="$BASELINE_RPS" 'BEGIN { printf "%.3f", a / b }')
  note=
  if [ "$errors" != 0 ] || [ "$status" != 0 ] || [ "$other" != 0 ]; then note=" ($errors socket errors, $status HTTP errors, $other answers not 200)"; fi
  echo "| $name$note | $rps | $p50 | $p95 | $p99 | $ratio |" >>"$RESULTS.tmp"
  printf '  %-46s %9s req/s  p50 %7s ms  p95 %7s ms  ×%s%s\n' "$name" "$rps" "$p50" "$p95" "$ratio" "$note"
done
PEAK=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$APP_PID/status")
RSS=$(awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$APP_PID/status")
{
  echo "# TipCases benchmark, $SIZE cases"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "- command: bench/run.sh $SIZE (wrk -t$THREADS -c$CONNECTIONS -d$DURATION per page after $WARMUP of warm-up, loopback)"
  echo "- generation: $GENERATED; app peak memory (VmHWM): $PEAK (RSS at the end $RSS)"
  echo "- load average (1, 5, 15 min) before measuring: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  cat "$RESULTS.tmp"
} >"$RESULTS"
rm -f "$RESULTS.tmp"
echo "App peak memory (VmHWM): $PEAK. Generation: $GENERATED. Load average: $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after."
echo "Table written to .data/bench/results-$SIZE.md"
