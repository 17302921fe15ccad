# Sourced by test.sh and bench/run.sh: a throwaway PostgreSQL on loopback, gone when the script ends.
# After `start_throwaway_postgres PORT`, SAFEGUARD_PG holds its connection string.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_apt_packages() { # package names whose commands are missing
  if [ $# -gt 0 ]; then
    echo "Installing $* through apt..."
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
  fi
}

start_throwaway_postgres() {
  local port="$1"
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || ensure_apt_packages postgresql || return 1
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PGTMP="$(mktemp -d)"
  PGUSER_RUN=postgres
  id postgres >/dev/null 2>&1 || PGUSER_RUN="$(id -un)"
  chown "$PGUSER_RUN" "$PGTMP" 2>/dev/null || true
  trap stop_throwaway_postgres EXIT
  as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null || return 1
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
    -o "-p $port -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$PGTMP/server.log" 2>/dev/null; return 1; }
  SAFEGUARD_PG="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true"
}

as_pg() { if [ "$(id -un)" = "$PGUSER_RUN" ]; then "$@"; else as_root runuser -u "$PGUSER_RUN" -- "$@"; fi; }

stop_throwaway_postgres() {
  [ -n "${PGTMP:-}" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$PGTMP"
}
