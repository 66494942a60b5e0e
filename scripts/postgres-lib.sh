# Shared by scripts/test.sh and scripts/bench.sh: a private PostgreSQL server for one run, owned by the postgres user
# (PostgreSQL refuses to run as root), on a free port, in the folder "$work" the caller made. Extra server settings
# come from PG_EXTRA_OPTS.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_postgres() {
  local bin port
  bin=$(pg_bin)
  port=$(free_port) || { echo "no free port for PostgreSQL"; return 1; }
  # The server's folder belongs to the postgres user: its data and its log.
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  PGDATA_DIR="$work/pg/data"
  # PostgreSQL refuses to run as root: initdb and the server run as the postgres user.
  runuser -u postgres -- "$bin/initdb" -D "$PGDATA_DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; return 1; }
  runuser -u postgres -- "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$work/pg/server.log" -w -t 60 start \
    -o "-p $port -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${PG_EXTRA_OPTS:-}" \
    >/dev/null || { cat "$work/pg/server.log"; return 1; }
  export MINZHENG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"
}

