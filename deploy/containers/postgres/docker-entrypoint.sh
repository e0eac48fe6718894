#!/usr/bin/env bash
# Entrypoint of the PostgreSQL image built from Debian packages (build-images.sh). It speaks
# the part of the official `postgres` image's interface that docker-compose.yml uses:
#   POSTGRES_PASSWORD (required on first start), POSTGRES_USER (postgres), POSTGRES_DB,
#   PGDATA (/var/lib/postgresql/data), and /docker-entrypoint-initdb.d/*.sh|*.sql run once
#   on an empty data directory; the server then runs in the foreground as user postgres.
# Local (socket) connections are trusted inside the container; TCP needs a password (SCRAM).
set -Eeuo pipefail

export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
SOCKET_DIR=/var/run/postgresql

if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" "$SOCKET_DIR"
  chown postgres:postgres "$PGDATA" "$SOCKET_DIR"
  chmod 700 "$PGDATA"
  chmod 2775 "$SOCKET_DIR"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

psql_admin() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --host "$SOCKET_DIR" "$@"
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "postgres: the data directory is empty and POSTGRES_PASSWORD is not set" >&2
    exit 1
  fi
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
    -D "$PGDATA" >/dev/null
  printf '\n# every TCP client authenticates with a password\nhost all all all scram-sha-256\n' \
    >>"$PGDATA/pg_hba.conf"
  # A private server on the socket only, for the first-start scripts.
  pg_ctl -D "$PGDATA" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories=$SOCKET_DIR" start >/dev/null
  if [ "$POSTGRES_DB" != postgres ]; then
    psql_admin --dbname postgres -v db="$POSTGRES_DB" \
      -c 'CREATE DATABASE :"db"' >/dev/null
  fi
  export PGHOST="$SOCKET_DIR"
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) echo "postgres: running $f"; bash "$f" ;;
      *.sql) echo "postgres: running $f"; psql_admin --dbname "$POSTGRES_DB" -f "$f" ;;
      *) ;;
    esac
  done
  unset PGHOST
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  echo "postgres: initialised $PGDATA"
fi

exec postgres -c listen_addresses='*' -c unix_socket_directories="$SOCKET_DIR" "${@:2}"
