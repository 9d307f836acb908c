#!/bin/sh
# Initializes PGDATA on first start (the user, password and database from the environment), then runs the
# server on every address with password authentication. As the official image's entrypoint does, in short.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (the database user's password)}"
user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --pgdata="$PGDATA" --username="$user" --pwfile="$password_file" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C >/dev/null
  rm -f "$password_file"
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    echo "CREATE DATABASE \"$database\"" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "postgresql: initialized $PGDATA for user $user"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
