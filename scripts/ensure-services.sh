#!/usr/bin/env bash
# Checks that MariaDB/MySQL and Redis answer at the configured addresses. When one is missing on this machine
# and we are root, installs it from Debian packages and starts it; otherwise prints the exact commands.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DB_URL="$(cfg DATABASE_URL mysql://root@127.0.0.1:3306/rectiflow)"
REDIS_URL="$(cfg REDIS_URL redis://127.0.0.1:6379/0)"
hostport() { node -e 'const u=new URL(process.argv[1]);console.log(u.hostname+" "+(u.port||process.argv[2]))' "$1" "$2"; }
read -r DB_HOST DB_PORT < <(hostport "$DB_URL" 3306)
read -r REDIS_HOST REDIS_PORT < <(hostport "$REDIS_URL" 6379)

answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
local_host() { [ "$1" = 127.0.0.1 ] || [ "$1" = localhost ]; }

start_mariadb() {
  if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
    say "Installing mariadb-server from Debian packages…"
    apt-get update -qq >&2 && apt-get install -y -qq mariadb-server >&2
  fi
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
}

start_redis() {
  if ! command -v redis-server >/dev/null; then
    say "Installing redis-server from Debian packages…"
    apt-get update -qq >&2 && apt-get install -y -qq redis-server >&2
  fi
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir /var/lib/redis --logfile /var/log/redis/rectiflow.log
}

ensure() {
  local name="$1" host="$2" port="$3" starter="$4" manual="$5"
  if answers "$host" "$port"; then say "$name answers at $host:$port."; return 0; fi
  warn "$name does not answer at $host:$port."
  if local_host "$host" && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    "$starter"
    for _ in $(seq 1 60); do answers "$host" "$port" && { say "$name started."; return 0; }; sleep 0.5; done
    die "$name still does not answer at $host:$port after starting it."
  fi
  die "Start $name, then rerun. As root on Debian/Ubuntu:
    $manual"
}

ensure "MariaDB/MySQL" "$DB_HOST" "$DB_PORT" start_mariadb \
  "apt-get install -y mariadb-server && start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"
ensure "Redis" "$REDIS_HOST" "$REDIS_PORT" start_redis \
  "apt-get install -y redis-server && redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT"
