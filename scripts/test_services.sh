#!/usr/bin/env bash
# The second test pass: the whole suite against a real PostgreSQL and Redis on 127.0.0.1.
# Installs them from the distribution's packages when they are missing and this user may
# (root with apt-get); otherwise says why the pass is skipped and succeeds.
#   scripts/test_services.sh .venv/bin/python [pytest arguments, e.g. one test file]
set -uo pipefail
PYTHON=${1:-python3}
PG_PORT=${TEST_PG_PORT:-55432}
REDIS_PORT=${TEST_REDIS_PORT:-56379}

skip() { echo "=== PostgreSQL/Redis pass skipped: $1 ==="; exit 0; }

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
  >"$WORK/initdb.log" 2>&1 || skip "initdb failed: $(tail -3 "$WORK/initdb.log")"
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-h 127.0.0.1 -p $PG_PORT -k $WORK -c fsync=off -c max_connections=300" start >/dev/null \
  || skip "PostgreSQL did not start: $(tail -3 "$WORK/pg.log")"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
  --logfile "$WORK/redis.log" >/dev/null || skip "Redis did not start"

echo "=== the tests that touch storage again (not one_database): PostgreSQL 127.0.0.1:$PG_PORT, Redis 127.0.0.1:$REDIS_PORT ==="
TEST_DATABASE_URL="postgresql+asyncpg://bot@127.0.0.1:$PG_PORT/postgres" \
TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
  "$PYTHON" -m pytest -m "not one_database" "${@:2}"
