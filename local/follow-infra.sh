#!/usr/bin/env bash
# The AppHost's PostgreSQL and RabbitMQ resources: makes sure the server runs (local/infra.sh),
# then follows its log so the Aspire dashboard shows it beside the services'.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/infra.sh" >/dev/null
case "${1:?postgres or rabbitmq}" in
  postgres) log=$(ls /var/log/postgresql/postgresql-*-main.log | head -n 1) ;;
  rabbitmq) log="/var/log/rabbitmq/rabbit@$(hostname -s).log" ;;
  *) echo "unknown resource $1" >&2; exit 2 ;;
esac
echo "$1 is running; following $log"
exec tail -n 20 -F "$log"
