#!/usr/bin/env bash
# ./run.sh        builds TipCases, starts its database, applies migrations, seeds the demo data
#                 and serves the app on http://localhost:5080 (in the background).
# ./run.sh stop   stops what ./run.sh started.
#
# Database: the connection string in TIPCASES_DB if set; otherwise a PostgreSQL cluster under
# .data/pg started with the installed server binaries; otherwise a container where a Docker
# engine answers (the same image and settings as docker-compose.yml).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DATA=$ROOT/.data
APP_PORT=${TIPCASES_PORT:-5080}
DEMO_PASSWORD=${TIPCASES_DEMO_PASSWORD:-tipcases-demo-2026}
# shellcheck source=scripts/postgres.sh
. "$ROOT/scripts/postgres.sh"

stop() {
  if [ -f "$DATA/app.pid" ]; then
    kill "$(cat "$DATA/app.pid")" 2>/dev/null && echo "TipCases stopped."
    rm -f "$DATA/app.pid"
  fi
  if [ -f "$DATA/pg/postmaster.pid" ]; then
    pg_cluster_stop "$DATA/pg" && echo "PostgreSQL (.data/pg) stopped."
  fi
  if [ -f "$DATA/docker" ]; then
    docker stop tipcases-postgres >/dev/null 2>&1 && echo "PostgreSQL container stopped."
    rm -f "$DATA/docker"
  fi
}

if [ "${1:-}" = stop ]; then
  stop
  exit 0
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK 10 is missing: install it (https://dotnet.microsoft.com/download) and run ./run.sh again." >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "curl is missing (used to wait for the app): apt-get install curl" >&2; exit 1; }
mkdir -p "$DATA"

if [ -f "$DATA/app.pid" ] && kill -0 "$(cat "$DATA/app.pid")" 2>/dev/null; then
  echo "TipCases is already running on http://localhost:$APP_PORT (./run.sh stop to stop it)."
  exit 0
fi

# 1. The database.
if [ -n "${TIPCASES_DB:-}" ]; then
  CONNECTION=$TIPCASES_DB
  echo "Database: TIPCASES_DB"
elif [ -n "$(pg_bin_dir)" ]; then
  if [ -f "$DATA/pg.port" ] && [ -f "$DATA/pg/postmaster.pid" ]; then
    PG_PORT=$(cat "$DATA/pg.port")
  else
    PG_PORT=$(free_port 5433)
    pg_cluster_start "$DATA/pg" "$PG_PORT"
    echo "$PG_PORT" >"$DATA/pg.port"
  fi
  # Least privilege: the owner (postgres) migrates; the app connects as tipcases_app, which may
  # read and write data but not change the schema or the audit trail (see SECURITY.md, 13.2.2).
  if [ ! -s "$DATA/app-db.password" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DATA/app-db.password")
  fi
  APP_DB_PASSWORD=$(cat "$DATA/app-db.password")
  pg_app_role "$PG_PORT" tipcases_app "$APP_DB_PASSWORD"
  OWNER_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=tipcases;Username=postgres;Password=postgres"
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=tipcases;Username=tipcases_app;Password=$APP_DB_PASSWORD"
  echo "Database: PostgreSQL cluster in .data/pg on 127.0.0.1:$PG_PORT (the app connects as tipcases_app)"
elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  PG_PORT=$(free_port 5433)
  docker rm -f tipcases-postgres >/dev/null 2>&1 || true
  docker run -d --name tipcases-postgres -p "127.0.0.1:$PG_PORT:5432" -e POSTGRES_PASSWORD=postgres -e POSTGRES_DB=tipcases postgres:15 >/dev/null
  touch "$DATA/docker"
  for _ in $(seq 1 60); do docker exec tipcases-postgres pg_isready -U postgres >/dev/null 2>&1 && break; sleep 1; done
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=tipcases;Username=postgres;Password=postgres"
  echo "Database: PostgreSQL container tipcases-postgres on 127.0.0.1:$PG_PORT"
else
  echo "No database: set TIPCASES_DB to a PostgreSQL connection string, install the PostgreSQL server" >&2
  echo "binaries (Debian: apt-get install postgresql), or start a Docker engine." >&2
  exit 1
fi

# 2. The key that encrypts victims' identities: TIPCASES_IDENTITY_KEY if set, else one made for
#    this machine and kept in .data/identity.key (never committed).
if [ -n "${TIPCASES_IDENTITY_KEY:-}" ]; then
  IDENTITY_KEY=$TIPCASES_IDENTITY_KEY
else
  if [ ! -s "$DATA/identity.key" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$DATA/identity.key")
  fi
  IDENTITY_KEY=$(cat "$DATA/identity.key")
fi

# 3. Build.
echo "Building..."
dotnet build "$ROOT/src/TipCases.Web/TipCases.Web.csproj" -c Debug -nologo -v quiet >"$DATA/build.log" 2>&1 \
  || { tail -30 "$DATA/build.log"; echo "Build failed; full log in .data/build.log" >&2; exit 1; }

# 4. Start the app (migrations and demo data run at start-up in Development).
(
  cd "$ROOT/src/TipCases.Web"
  ASPNETCORE_ENVIRONMENT=Development \
  ASPNETCORE_URLS="http://localhost:$APP_PORT" \
  ConnectionStrings__TipCases="$CONNECTION" \
  ConnectionStrings__TipCasesOwner="${OWNER_CONNECTION:-}" \
  Security__IdentityKey="$IDENTITY_KEY" \
  TIPCASES_DEMO_PASSWORD="$DEMO_PASSWORD" \
  nohup dotnet bin/Debug/net10.0/TipCases.Web.dll >"$DATA/app.log" 2>&1 &
  echo $! >"$DATA/app.pid"
)
echo -n "Starting TipCases"
for _ in $(seq 1 90); do
  if curl -fsS "http://localhost:$APP_PORT/health/ready" >/dev/null 2>&1; then
    echo
    cat <<MSG

TipCases is running on http://localhost:$APP_PORT   (log: .data/app.log; stop: ./run.sh stop)

Demo accounts (password: $DEMO_PASSWORD; sign-in codes from the authenticator secret
TIPCASESDEMOTOTPSECRETKEYABCDEFG, see README "Signing in")
  investigator       Investigator, Central Prosecution Office
  prosecutor         Prosecutor, Central Prosecution Office
  liaison            Victim liaison officer, Central Prosecution Office
  supervisor         Supervisor, Central Prosecution Office
  admin              Administrator, Central Prosecution Office
  investigator.north Investigator, Northern Regional Office
  prosecutor.north   Prosecutor, Northern Regional Office
  supervisor.north   Supervisor, Northern Regional Office
MSG
    exit 0
  fi
  if ! kill -0 "$(cat "$DATA/app.pid")" 2>/dev/null; then
    echo
    tail -30 "$DATA/app.log"
    echo "TipCases stopped during start-up; full log in .data/app.log" >&2
    exit 1
  fi
  echo -n "."
  sleep 1
done
echo
echo "TipCases did not become ready within 90 seconds; see .data/app.log" >&2
exit 1
