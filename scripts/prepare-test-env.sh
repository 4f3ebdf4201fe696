#!/usr/bin/env bash
# Prepares this machine for the test suite. Idempotent; each step says what it does.
#  - PostgreSQL, Redis and RabbitMQ on loopback: started if they are down
#  - RabbitMQ's STOMP plugin (port 61613): enabled, then waited for
#  - Chromium and ChromeDriver from Debian (browser tests): installed if missing
#  - nginx from Debian (the deployment tests run it with deploy/nginx/nginx.conf): installed if missing;
#    the service Debian starts with it is stopped and disabled, since the tests start nginx themselves
set -uo pipefail

say() { echo "[prepare] $*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-; }
wait_port() { # port seconds name
  for _ in $(seq 1 "$2"); do port_open "$1" && return 0; sleep 1; done
  say "$3 did not open port $1 within $2 s"; return 1
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

if ! port_open 5432; then
  say "starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  wait_port 5432 30 PostgreSQL || exit 1
fi
if ! port_open 6379; then
  say "starting Redis"
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  wait_port 6379 20 Redis || exit 1
fi
if ! port_open 5672; then
  say "starting RabbitMQ (with a raised file limit)"
  as_root su rabbitmq -s /bin/sh -c 'ulimit -n 20000; exec rabbitmq-server -detached' || true
  wait_port 5672 60 RabbitMQ || exit 1
fi
if ! port_open 61613; then
  say "enabling RabbitMQ's STOMP plugin"
  as_root rabbitmq-plugins enable rabbitmq_stomp >/dev/null || { say "could not enable rabbitmq_stomp"; exit 1; }
  wait_port 61613 60 "RabbitMQ STOMP" || exit 1
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx) # /usr/sbin is not on every user's PATH
[ -x "$nginx_bin" ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq >/dev/null && \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { say "could not install ${missing[*]}"; exit 1; }
  if [[ " ${missing[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    as_root systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
fi
command -v npm >/dev/null || { say "npm is missing; install Node.js and npm"; exit 1; }
say "ready: PostgreSQL, Redis, RabbitMQ (+STOMP), $(chromium --version 2>/dev/null | head -1), $("$nginx_bin" -v 2>&1)"
