#!/usr/bin/env bash
# Mints an HS256 development token signed with local/dev-signing-key (what the services accept in
# Development when no identity service is configured). Usage:
#   mint-dev-token.sh --country TH --role secretariat [--role jwg:water-resources] [--sub name] [--minutes 60]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
country="" sub="" minutes=60 roles=() scope="lmc.api"
while [ $# -gt 0 ]; do
  case "$1" in
    --country) country=$(echo "$2" | tr a-z A-Z); shift 2 ;;
    --role) roles+=("$2"); shift 2 ;;
    --sub) sub="$2"; shift 2 ;;
    --minutes) minutes="$2"; shift 2 ;;
    --scope) scope="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$country" in KH|CN|LA|MM|TH|VN|"") ;; *) echo "--country must be one of KH CN LA MM TH VN" >&2; exit 2 ;; esac
[ ${#roles[@]} -gt 0 ] || { echo "give at least one --role (secretariat, jwg:<area>, fund-manager, health-focal-point, integrator, admin)" >&2; exit 2; }
[ -n "$sub" ] || sub="dev-${country:-platform}-${roles[0]//:/-}"

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s); exp=$((now + minutes * 60))
role_json=$(printf '"%s",' "${roles[@]}"); role_json="[${role_json%,}]"
country_json=""; [ -n "$country" ] && country_json="\"lmc_country\":\"$country\","
header=$(printf '{"alg":"HS256","typ":"JWT","kid":"lmc-development"}' | b64url)
payload=$(printf '{"iss":"lmc-development","aud":"lmc-platform","sub":"%s",%s"lmc_role":%s,"scope":"%s","iat":%d,"nbf":%d,"exp":%d}' \
  "$sub" "$country_json" "$role_json" "$scope" "$now" "$now" "$exp" | b64url)
keyhex=$(base64 -d < "$here/dev-signing-key" | od -An -tx1 -v | tr -d ' \n')
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$keyhex" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
