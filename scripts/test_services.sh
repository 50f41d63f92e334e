#!/usr/bin/env bash
# The second test pass: the whole suite against a real PostgreSQL and Redis on 127.0.0.1.
# Installs them from the distribution's packages when they are missing and this user may
# (root with apt-get); otherwise says why the pass is skipped and succeeds. Once they are
# installed, a server that does not start fails the pass.
#   scripts/test_services.sh .venv/bin/python [pytest arguments, e.g. one test file]
set -uo pipefail
PYTHON=${1:-python3}

skip() { echo "=== PostgreSQL/Redis pass skipped: $1 ==="; exit 0; }
fail() { echo "=== PostgreSQL/Redis pass failed: $1 ==="; exit 1; }

# A port no one listens on: a server left running by an earlier pass keeps its own
free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
PG_PORT=${TEST_PG_PORT:-$(free_port)}
REDIS_PORT=${TEST_REDIS_PORT:-$(free_port)}
[ "$PG_PORT" != "$REDIS_PORT" ] || REDIS_PORT=$(free_port)

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(pg_bin)" ] || ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "=== installing postgresql and redis-server from the distribution's packages ==="
    export DEBIAN_FRONTEND=noninteractive
    # (the browser tests may be installing Chromium at the same moment: wait for the lock)
    APT=(apt-get -o DPkg::Lock::Timeout=900)
    ("${APT[@]}" install -y -q postgresql redis-server >/tmp/test-services-apt.log 2>&1 \
      || ("${APT[@]}" update -q >>/tmp/test-services-apt.log 2>&1 \
          && "${APT[@]}" install -y -q postgresql redis-server >>/tmp/test-services-apt.log 2>&1)) \
      || skip "could not install postgresql and redis-server (see /tmp/test-services-apt.log)"
  else
    skip "PostgreSQL or Redis is not installed, and packages can only be installed as root"
  fi
fi
BIN=$(pg_bin)
[ -n "$BIN" ] || skip "no PostgreSQL server binaries in /usr/lib/postgresql"

WORK=$(mktemp -d /tmp/test-services.XXXXXX)
chmod 755 "$WORK"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then  # PostgreSQL refuses to run as root
  chown postgres "$WORK" 2>/dev/null || skip "no postgres user to run the server as"
  RUN_AS=(runuser -u postgres --)
fi
cleanup() {
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

"${RUN_AS[@]}" "$BIN/initdb" -D "$WORK/pg" -U bot --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$WORK/initdb.log" 2>&1 || fail "initdb failed: $(tail -3 "$WORK/initdb.log")"
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-h 127.0.0.1 -p $PG_PORT -k $WORK -c fsync=off -c max_connections=300" start >/dev/null \
  || fail "PostgreSQL did not start on port $PG_PORT: $(tail -3 "$WORK/pg.log")"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
  --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" >/dev/null || fail "Redis did not start"
# daemonized, it answers before it has bound its port: wait until it does, or say why not
for _ in $(seq 50); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 \
  || fail "Redis did not start on port $REDIS_PORT: $(tail -3 "$WORK/redis.log")"

echo "=== the tests that touch storage again (not one_database): PostgreSQL 127.0.0.1:$PG_PORT, Redis 127.0.0.1:$REDIS_PORT ==="
TEST_DATABASE_URL="postgresql+asyncpg://bot@127.0.0.1:$PG_PORT/postgres" \
TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
  "$PYTHON" -m pytest -m "not one_database" "${@:2}"
