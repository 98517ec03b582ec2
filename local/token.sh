#!/usr/bin/env bash
# Prints an access token from the identity service (client credentials grant) for one of the
# development clients it seeds in Development: dev-<country>-<role> (dev-th-secretariat,
# dev-la-jwg-water-resources, ...) and dev-admin. Usage:
#   token.sh --country TH --role secretariat [--scope "projects:read projects:write"] [--issuer URL]
set -euo pipefail
country="" role="" scope="" issuer="${LMC_ISSUER:-http://localhost:5001}"
while [ $# -gt 0 ]; do
  case "$1" in
    --country) country=$(echo "${2:?--country needs a value}" | tr 'A-Z' 'a-z'); shift 2 ;;
    --role) [ -z "$role" ] || { echo "one role per development client; an admin grants more (see README)" >&2; exit 2; }; role="${2:?--role needs a value}"; shift 2 ;;
    --scope) scope="${2:?--scope needs a value}"; shift 2 ;;
    --issuer) issuer="${2:?--issuer needs a value}"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$country" in kh|cn|la|mm|th|vn|"") ;; *) echo "--country must be one of KH CN LA MM TH VN" >&2; exit 2 ;; esac
[ -n "$role" ] || { echo "give --role: secretariat, jwg:<area>, fund-manager, health-focal-point, water-focal-point, animal-health-focal-point, integrator or admin" >&2; exit 2; }
if [ "$role" = admin ]; then client="dev-admin"; else
  [ -n "$country" ] || { echo "--country is needed for the role $role" >&2; exit 2; }
  client="dev-$country-${role//:/-}"
fi

response=$(curl -sS -X POST "${issuer%/}/connect/token" \
  --data-urlencode grant_type=client_credentials \
  --data-urlencode "client_id=$client" \
  --data-urlencode "client_secret=$client-secret" \
  ${scope:+--data-urlencode "scope=$scope"}) || { echo "the identity service at $issuer does not answer; is ./lmc up running?" >&2; exit 1; }
token=$(printf '%s' "$response" | sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "no token for $client: $response" >&2; exit 1; }
printf '%s\n' "$token"
