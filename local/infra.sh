#!/usr/bin/env bash
# Makes sure PostgreSQL 15 and RabbitMQ (Debian's packages) are installed and running on this
# machine, with the development credentials the platform's configuration expects:
#   PostgreSQL  127.0.0.1:5432  role lmc / lmc (CREATEDB, CREATEROLE)
#   RabbitMQ    127.0.0.1:5672  user lmc / lmc (administrator), management API on :15672
# Used by `./lmc up`, `./lmc test` and CI; safe to run again.
set -euo pipefail

PG_VERSION=15
need=()
command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /usr/lib/postgresql/$PG_VERSION ] || need+=(postgresql-$PG_VERSION postgresql-client-$PG_VERSION)
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
command -v curl >/dev/null 2>&1 || need+=(curl)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages. Install them, then run again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "infra: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL: the Debian cluster, started if down.
if ! pg_lsclusters -h 2>/dev/null | awk '$1=="'$PG_VERSION'" && $2=="main"' | grep -q .; then
  as_root pg_createcluster $PG_VERSION main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1=="'$PG_VERSION'" && $2=="main" {print $4}' | grep -q online; then
  echo "infra: starting PostgreSQL $PG_VERSION"
  as_root pg_ctlcluster $PG_VERSION main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lmc') THEN
    CREATE ROLE lmc LOGIN PASSWORD 'lmc' CREATEDB CREATEROLE;
  END IF;
END $$;
ALTER SYSTEM SET max_connections = 300;
SQL
# max_connections only takes effect after a restart; do it once.
if [ "$(as_root runuser -u postgres -- psql -tAc 'show max_connections' -d postgres)" != "300" ]; then
  as_root pg_ctlcluster $PG_VERSION main restart
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

# RabbitMQ: the Debian server, detached, with the management plugin (tests create a vhost per run).
if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then
  echo "infra: starting RabbitMQ"
  as_root rabbitmq-plugins -q --offline enable rabbitmq_management >/dev/null
  as_root rabbitmq-server -detached
  as_root rabbitmqctl -q wait --timeout 120 /var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid >/dev/null 2>&1 \
    || as_root rabbitmqctl -q await_startup --timeout 120 >/dev/null
fi
as_root rabbitmq-plugins -q enable rabbitmq_management >/dev/null 2>&1 || true
if ! as_root rabbitmqctl -q list_users | grep -q '^lmc\b'; then
  as_root rabbitmqctl -q add_user lmc lmc >/dev/null
  as_root rabbitmqctl -q set_user_tags lmc administrator >/dev/null
  as_root rabbitmqctl -q set_permissions -p / lmc '.*' '.*' '.*' >/dev/null
fi
for _ in $(seq 1 60); do curl -fsS -u lmc:lmc http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && break; sleep 1; done
echo "infra: PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672 are up"
