#!/usr/bin/env bash
# ./lmc bench [--quick] [--no-build] [--events-only | --webhooks-only | --ingest-only | --edge-only | --routes-only]: builds the measured pieces in Release, makes sure PostgreSQL, RabbitMQ,
# nginx and wrk are there, and runs the driver (bench/Lmc.Bench). Results: bench/results/.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "bench needs: sudo apt-get install -y ${missing[*]}" >&2; exit 1
  fi
fi
export PATH="$PATH:/usr/sbin"

"$repo/local/infra.sh"

if [[ " $* " == *" --no-build "* ]]; then :; else
echo "== build (Release)"
# Every manifest's service (local/services.py), the gateway and the bench itself.
for p in $(python3 "$repo/local/services.py" projects) gateway/Lmc.Gateway.csproj bench/Lmc.Bench/Lmc.Bench.csproj; do
  dotnet build -c Release "$repo/$p" -nologo -v q "-clp:ErrorsOnly;NoSummary"
done
fi

dotnet "$repo/bench/Lmc.Bench/bin/Release/net10.0/Lmc.Bench.dll" --repo "$repo" "$@"
