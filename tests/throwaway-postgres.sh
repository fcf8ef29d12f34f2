# shellcheck shell=bash
# A throwaway PostgreSQL server, sourced by tests/run.sh and bench/run-load.sh: a cluster of its own made with
# initdb in a temporary folder, on a free loopback port, with a random password; stopped and deleted by
# throwaway_pg_stop. The machine's own clusters are never touched. When PostgreSQL's programs are missing on a
# Debian-like machine, Debian's postgresql is installed with apt-get (and sudo when not root); only its programs
# are used.
#
#   throwaway_pg_start FIRST_PORT LAST_PORT MAX_CONNECTIONS LOG_DIR
#       starts it on the first free port in the range; sets THROWAWAY_PG (an Npgsql connection string) and
#       THROWAWAY_PG_VERSION. On failure it prints why and returns 1.
#   throwaway_pg_stop
#       stops it and deletes its folder (nothing when none was started); safe in an EXIT trap.

throwaway_pg_dir=""
throwaway_pg_bin=""
throwaway_pg_as=""

throwaway_pg_start() {
  local first=$1 last=$2 connections=$3 logs=$4
  local how="install Debian's postgresql ('sudo apt-get install postgresql')"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
  throwaway_pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$throwaway_pg_bin" ]; then
    command -v apt-get >/dev/null || { echo "PostgreSQL is missing and this is not a Debian-like system: $how." >&2; return 1; }
    [ -z "$sudo" ] || command -v sudo >/dev/null || { echo "PostgreSQL is missing and installing it needs root: $how." >&2; return 1; }
    echo "installing Debian's postgresql (once; only its programs are used, the machine's own clusters are left alone)"
    { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >"$logs/apt-postgres.log" 2>&1 \
      || { tail -n 5 "$logs/apt-postgres.log" >&2; echo "PostgreSQL could not be installed: $how." >&2; return 1; }
    throwaway_pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi

  throwaway_pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/supportbot-pg.XXXXXX")
  throwaway_pg_as=""
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$throwaway_pg_dir"; throwaway_pg_as="runuser -u postgres --"; fi # initdb refuses to run as root
  local password
  password="supportbot-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
  echo "$password" >"$throwaway_pg_dir/pw" && chmod 600 "$throwaway_pg_dir/pw" && { [ -z "$throwaway_pg_as" ] || chown postgres "$throwaway_pg_dir/pw"; }
  $throwaway_pg_as "$throwaway_pg_bin/initdb" -D "$throwaway_pg_dir/data" -U supportbot --pwfile="$throwaway_pg_dir/pw" -A scram-sha-256 -E UTF8 --no-locale >"$logs/initdb.log" 2>&1 \
    || { tail -n 5 "$logs/initdb.log" >&2; echo "could not create a throwaway PostgreSQL cluster." >&2; return 1; }
  local port="" candidate
  for candidate in $(seq "$first" "$last"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [ -n "$port" ] || { echo "no free loopback port for PostgreSQL between $first and $last." >&2; return 1; }
  $throwaway_pg_as "$throwaway_pg_bin/pg_ctl" -D "$throwaway_pg_dir/data" -l "$throwaway_pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $throwaway_pg_dir -c fsync=off -c max_connections=$connections" start >/dev/null \
    || { tail -n 5 "$throwaway_pg_dir/server.log" >&2; echo "the throwaway PostgreSQL did not start." >&2; return 1; }
  PGPASSWORD="$password" "$throwaway_pg_bin/createdb" -h 127.0.0.1 -p "$port" -U supportbot supportbot \
    || { echo "could not create the database." >&2; return 1; }
  THROWAWAY_PG="Host=127.0.0.1;Port=$port;Username=supportbot;Password=$password;Database=supportbot"
  THROWAWAY_PG_VERSION="$("$throwaway_pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

throwaway_pg_stop() {
  if [ -n "$throwaway_pg_dir" ]; then
    $throwaway_pg_as "$throwaway_pg_bin/pg_ctl" -D "$throwaway_pg_dir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$throwaway_pg_dir"
    throwaway_pg_dir=""
  fi
}

# throwaway_pg_database NAME: creates database NAME in the throwaway server; prints its connection string.
throwaway_pg_database() {
  local password
  password=$(sed -n 's/.*;Password=\([^;]*\);.*/\1/p' <<<"$THROWAWAY_PG")
  PGPASSWORD="$password" "$throwaway_pg_bin/createdb" -h 127.0.0.1 -p "$(sed -n 's/.*;Port=\([0-9]*\);.*/\1/p' <<<"$THROWAWAY_PG")" -U supportbot "$1" || return 1
  echo "${THROWAWAY_PG%;Database=*};Database=$1"
}
