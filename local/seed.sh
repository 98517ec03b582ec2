#!/usr/bin/env bash
# Demo data through the gateway's public API, as the six secretariats, the JWGs and the
# administrator would enter it. Safe to run again: proposals carry idempotency keys and a step a
# project has already taken is refused (409) and skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gateway="${1:-http://localhost:8080}"
token() { "$here/token.sh" "$@"; }
admin=$(token --role admin)

post() { # post <token> <path> <json>
  curl -sS -X POST "$gateway$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"
}

propose() { # propose <country> <key> <area> <title> <amount> <start> <end> <partners...>
  local country=$1 key=$2 area=$3 title=$4 amount=$5 start=$6 end=$7; shift 7
  local partners; partners=$(printf '"COUNTRY_%s",' "$@"); partners="[${partners%,}]"
  local body
  body=$(printf '{"leadCountry":"COUNTRY_%s","partnerCountries":%s,"priorityArea":"PRIORITY_AREA_%s","title":"%s","description":"%s","budget":{"currency":"USD","amount":"%s"},"plannedStartDate":"%s","plannedEndDate":"%s","idempotencyKey":"seed-%s"}' \
    "$country" "$partners" "$area" "$title" "Seeded demonstration project led by $country." "$amount" "$start" "$end" "$key")
  post /api/v1/projects "$(token --country "$country" --role secretariat)" "$body" \
    | sed -n 's/.*"projectId":"\([^"]*\)".*/\1/p'
}

advance() { # advance <id> <country> <area-slug> <steps...>: submit endorse adopt start complete
  local id=$1 country=$2 area=$3; shift 3
  local secretariat; secretariat=$(token --country "$country" --role secretariat)
  for step in "$@"; do
    case $step in
      endorse) post "/api/v1/projects/$id:endorse" "$(token --country "$country" --role "jwg:$area")" '{}' >/dev/null ;;
      adopt) post "/api/v1/projects/$id:adopt" "$admin" '{}' >/dev/null ;;
      *) post "/api/v1/projects/$id:$step" "$secretariat" '{}' >/dev/null ;;
    esac
  done
}

full=(submit endorse adopt start complete)
id=$(propose TH th-flood-ew WATER_RESOURCES "Flood early warning, Nakhon Phanom - Thakhek" 480000.00 2019-03-01 2021-02-28 LA)
advance "$id" TH water-resources "${full[@]}"
id=$(propose VN vn-salinity WATER_RESOURCES "Saline intrusion monitoring in the Mekong Delta" 650000.00 2020-01-01 2022-12-31 KH)
advance "$id" VN water-resources submit endorse adopt start
id=$(propose LA la-boten-hub CONNECTIVITY "Boten - Vientiane railway logistics hub" 2400000.00 2021-01-01 2023-12-31 CN TH)
advance "$id" LA connectivity submit endorse adopt
id=$(propose KH kh-poipet CROSS_BORDER_ECONOMIC_COOPERATION "Single window at Poipet - Aranyaprathet" 900000.00 2022-01-01 2023-06-30 TH)
advance "$id" KH cross-border-economic-cooperation submit endorse
id=$(propose MM mm-rice-seed AGRICULTURE_AND_POVERTY_REDUCTION "Rice seed quality pilot in the Ayeyarwady Delta" 300000.00 2019-06-01 2020-12-31 CN TH)
advance "$id" MM agriculture-and-poverty-reduction "${full[@]}"
id=$(propose CN cn-vocational PRODUCTION_CAPACITY "Lancang-Mekong vocational training for industrial parks" 1500000.00 2023-01-01 2025-12-31 LA MM KH)
advance "$id" CN production-capacity submit
id=$(propose TH th-poverty-villages AGRICULTURE_AND_POVERTY_REDUCTION "East Asia poverty-reduction village pilots" 420000.00 2018-09-01 2020-08-31 LA KH MM)
advance "$id" TH agriculture-and-poverty-reduction "${full[@]}"
id=$(propose VN vn-power-link CONNECTIVITY "Cross-border power interconnection study" 750000.00 2024-01-01 2025-12-31 LA KH)
advance "$id" VN connectivity submit endorse adopt start
propose KH kh-fisheries WATER_RESOURCES "Tonle Sap fisheries and water-quality survey" 260000.00 2025-01-01 2026-06-30 VN >/dev/null
id=$(propose MM mm-sme-matching PRODUCTION_CAPACITY "SME matching fair for the Myawaddy - Mae Sot corridor" 180000.00 2020-05-01 2020-12-31 TH)
advance "$id" MM production-capacity submit
post "/api/v1/projects/$id:cancel" "$(token --country MM --role secretariat)" '{"reason":"Postponed by the lead country; to be proposed again next year."}' >/dev/null

count=$(curl -sS "$gateway/api/v1/projects?page.pageSize=200" -H "Authorization: Bearer $admin" | grep -o '"projectId"' | wc -l)
echo "Seeded: $count projects across the six countries and five priority areas."
