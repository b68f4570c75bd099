# Shared by run.sh and test.sh: start and stop a private PostgreSQL cluster with the server
# binaries installed on this machine. Source it; it defines functions only.

# Prints the directory holding initdb/pg_ctl, or nothing when PostgreSQL is not installed.
pg_bin_dir() {
  local candidate
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  for candidate in /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then
      echo "$candidate"
      return
    fi
  done
}

# Prints a TCP port on 127.0.0.1 that nothing listens on, starting from $1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# Runs a command as the cluster's owner: initdb refuses to run as root, so root runs it as postgres.
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_cluster_start DIR PORT: creates (first time) and starts a cluster in DIR listening on
# 127.0.0.1:PORT only, with a superuser "postgres" whose password is "postgres". PG_OPTIONS adds
# server settings (e.g. "-c shared_buffers=1GB", as bench/run.sh does).
pg_cluster_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin_dir)
  if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries (initdb, pg_ctl) are not installed. Install them (Debian: apt-get install postgresql)," >&2
    echo "or set the connection string of a running server in TIPCASES_DB / TIPCASES_TEST_DB." >&2
    return 1
  fi
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$dir"
    chmod 700 "$dir"
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    local pwfile
    pwfile=$(mktemp)
    echo postgres >"$pwfile"
    chmod 644 "$pwfile"
    as_pg_owner "$bin/initdb" -D "$dir" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
      || { rm -f "$pwfile"; echo "initdb failed; see $dir.initdb.log" >&2; return 1; }
    rm -f "$pwfile"
  fi
  as_pg_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200 -c fsync=${PG_FSYNC:-on} ${PG_OPTIONS:-}" start >/dev/null \
    || { echo "PostgreSQL did not start; see $dir/server.log" >&2; return 1; }
}

pg_cluster_stop() {
  local dir=$1 bin
  bin=$(pg_bin_dir)
  [ -n "$bin" ] && [ -f "$dir/postmaster.pid" ] && as_pg_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

# pg_app_role PORT ROLE PASSWORD: creates (or resets the password of) a login role with no
# privileges of its own on the local cluster; the app's migration step grants it data access only.
pg_app_role() {
  local port=$1 role=$2 password=$3 psql
  psql="$(pg_bin_dir)/psql"
  [ -x "$psql" ] || psql=$(command -v psql) || { echo "psql (the PostgreSQL client) is not installed: apt-get install postgresql-client" >&2; return 1; }
  PGPASSWORD=postgres "$psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v role="$role" -v password="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'role', :'password') \gexec
SQL
}
