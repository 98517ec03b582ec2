#!/usr/bin/env bash
# Demo data through the gateway's public API, as the six secretariats, the JWGs and the
# administrator would enter it: projects of every country and priority area from 2018 on,
# tagged to the Plan of Action's paragraphs; the annual project lists of 2018-2021 nominated,
# compiled, recommended by the SOM and adopted by the FMM; implementation since.
#
# Until the meetings service publishes the SOM's and the FMM's decisions, this script publishes
# them on RabbitMQ exactly as that service will (lmc.meetings.project-list-*.v1), and the projects
# service applies them through its consumers. Safe to run again: proposals carry idempotency keys,
# lists already opened are left alone, and steps already taken are refused (409) and skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gateway="${1:-http://localhost:8080}"
broker_api="${LMC_RABBITMQ_API:-http://localhost:15672}"
token() { "$here/token.sh" "$@"; }
admin=$(token --role admin)
declare -A tokens ids

secretariat() { local c=$1; [ -n "${tokens[$c]:-}" ] || tokens[$c]=$(token --country "$c" --role secretariat); printf '%s' "${tokens[$c]}"; }
post() { curl -sS -X POST "$gateway$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }

# project <key> <lead> <AREA> <area-slug> <title> <USD amount> <start> <end> <paragraphs> <DAC code> <partners...>
project() {
  local key=$1 lead=$2 area=$3 slug=$4 title=$5 amount=$6 start=$7 end=$8 paragraphs=$9 dac=${10}; shift 10
  local partners; partners=$(printf '"COUNTRY_%s",' "$@"); partners="[${partners%,}]"
  local body
  body=$(printf '{"leadCountry":"COUNTRY_%s","partnerCountries":%s,"priorityArea":"PRIORITY_AREA_%s","title":"%s","description":"%s","budget":{"currency":"USD","amount":"%s"},"plannedStartDate":"%s","plannedEndDate":"%s","paragraphs":[%s],"sectors":[{"dacCode":"%s","percentage":"100"}],"participatingOrganisations":[{"name":"LMC Special Fund","role":1}],"idempotencyKey":"seed-%s"}' \
    "$lead" "$partners" "$area" "$title" "$title: a cooperation project led by $lead under the Plan of Action." "$amount" "$start" "$end" "$paragraphs" "$dac" "$key")
  ids[$key]=$(post /api/v1/projects "$(secretariat "$lead")" "$body" | sed -n 's/.*"projectId":"\([^"]*\)".*/\1/p')
  [ -n "${ids[$key]}" ] || { echo "seed: could not propose $key" >&2; exit 1; }
  leads[$key]=$lead; slugs[$key]=$slug
}
declare -A leads slugs

step() { # step <key> <submit|endorse|start|complete|cancel>
  local key=$1 action=$2 id=${ids[$1]}
  case $action in
    endorse) post "/api/v1/projects/$id:endorse" "$(token --country "${leads[$key]}" --role "jwg:${slugs[$key]}")" '{}' >/dev/null ;;
    cancel) post "/api/v1/projects/$id:cancel" "$(secretariat "${leads[$key]}")" '{"reason":"Postponed by the lead country; to be proposed again."}' >/dev/null ;;
    *) post "/api/v1/projects/$id:$action" "$(secretariat "${leads[$key]}")" '{}' >/dev/null ;;
  esac
}

# decision <event name> <MassTransit message type> <meeting> <year> <keys...>: as the meetings service publishes it
decision() {
  local exchange=$1 type=$2 meeting=$3 year=$4; shift 4
  local list; list=$(for k in "$@"; do printf '\\"%s\\",' "${ids[$k]}"; done); list="[${list%,}]"
  local message_id; message_id=$(cat /proc/sys/kernel/random/uuid)
  local payload
  payload=$(printf '{\\"messageId\\":\\"%s\\",\\"messageType\\":[\\"urn:message:Lmc.Contracts.IntegrationEvents:%s\\"],\\"message\\":{\\"decisionId\\":\\"%s\\",\\"meeting\\":\\"%s\\",\\"year\\":%s,\\"projectIds\\":%s,\\"occurredAt\\":\\"%s\\"}}' \
    "$message_id" "$type" "$(cat /proc/sys/kernel/random/uuid)" "$meeting" "$year" "$list" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
  curl -sS -u lmc:lmc -H 'Content-Type: application/json' -X POST "$broker_api/api/exchanges/%2F/$exchange/publish" \
    -d "{\"properties\":{\"content_type\":\"application/vnd.masstransit+json\",\"message_id\":\"$message_id\",\"delivery_mode\":2},\"routing_key\":\"\",\"payload\":\"$payload\",\"payload_encoding\":\"string\"}" >/dev/null
}

# 2018, the first year of the plan (foundation-laying stage: small and medium projects).
project th-flood-ew TH WATER_RESOURCES water-resources "Mekong-Lancang flood and drought early warning pilot" 450000.00 2018-09-01 2019-08-31 47 14015 LA KH
project cn-wrc-exchange CN WATER_RESOURCES water-resources "Water Resources Cooperation Centre exchange programme" 900000.00 2018-06-01 2019-12-31 43,44 14010 LA MM TH KH VN
project la-road-training LA CONNECTIVITY connectivity "Rural road maintenance training" 300000.00 2018-10-01 2019-09-30 22 21020 TH VN
# 2019
project vn-salinity VN WATER_RESOURCES water-resources "Mekong Delta saline intrusion monitoring" 650000.00 2019-03-01 2020-12-31 46,47 14015 KH
project kh-single-window KH CROSS_BORDER_ECONOMIC_COOPERATION cross-border-economic-cooperation "Single window pilot at Poipet - Aranyaprathet" 1200000.00 2019-05-01 2020-10-31 23,33 33120 TH
project mm-rice-seed MM AGRICULTURE_AND_POVERTY_REDUCTION agriculture-and-poverty-reduction "Rice seed quality and value chain pilot" 350000.00 2019-04-01 2020-03-31 50,52 31120 CN TH
project th-villages TH AGRICULTURE_AND_POVERTY_REDUCTION agriculture-and-poverty-reduction "East Asia poverty reduction village pilots" 420000.00 2019-01-01 2020-12-31 57 43040 LA KH MM
project cn-parks CN PRODUCTION_CAPACITY production-capacity "Industrial park capacity building" 2800000.00 2019-06-01 2021-06-30 29,30 25010 LA KH MM
# 2020 (consolidation and expansion: large projects may be explored)
project la-dry-port LA CONNECTIVITY connectivity "Vientiane dry port and logistics centre" 8500000.00 2020-07-01 2023-06-30 22,24 21010 CN TH
project vn-animal-ew VN AGRICULTURE_AND_POVERTY_REDUCTION agriculture-and-poverty-reduction "Animal disease early warning network" 500000.00 2020-01-01 2021-12-31 53 31195 LA KH
project kh-dengue KH AGRICULTURE_AND_POVERTY_REDUCTION agriculture-and-poverty-reduction "Dengue surveillance in border provinces" 280000.00 2020-03-01 2021-02-28 79 12250 TH LA VN
project mm-sme MM PRODUCTION_CAPACITY production-capacity "SME matching fair for the Myawaddy - Mae Sot corridor" 180000.00 2020-05-01 2020-12-31 31 32130 TH
# 2021
project th-ecommerce TH CROSS_BORDER_ECONOMIC_COOPERATION cross-border-economic-cooperation "Cross-border e-commerce training" 250000.00 2021-01-01 2022-06-30 34 33130 MM LA
project cn-power CN CONNECTIVITY connectivity "Power interconnection feasibility study" 750000.00 2021-03-01 2022-12-31 22 23630 LA MM VN
# In the pipeline now.
project kh-tonle-sap KH WATER_RESOURCES water-resources "Tonle Sap fisheries and water-quality survey" 260000.00 2026-01-01 2027-06-30 46 14015 VN
project vn-youth VN PRODUCTION_CAPACITY production-capacity "Vocational exchange for young technicians" 90000.00 2026-03-01 2026-12-31 29 11330 LA KH
project la-hydro-safety LA WATER_RESOURCES water-resources "Dam safety and hydropower operation dialogue" 300000.00 2026-05-01 2027-04-30 44 23220 CN TH

for key in "${!ids[@]}"; do
  case $key in kh-tonle-sap) ;; vn-youth) step "$key" submit ;; *) step "$key" submit; step "$key" endorse ;; esac
done

declare -A cycles=(
  [2018]="th-flood-ew cn-wrc-exchange la-road-training"
  [2019]="vn-salinity kh-single-window mm-rice-seed th-villages cn-parks"
  [2020]="la-dry-port vn-animal-ew kh-dengue"
  [2021]="th-ecommerce cn-power"
)
if curl -sf -o /dev/null "$gateway/api/v1/annual-lists/2018" -H "Authorization: Bearer $admin"; then
  echo "Seed: the annual lists exist already; projects refreshed."
else
  deadline=$(date -u -d '+6 seconds' +%Y-%m-%dT%H:%M:%SZ)
  for year in 2018 2019 2020 2021; do
    post /api/v1/annual-lists "$admin" "{\"year\":$year,\"nominationDeadline\":\"$deadline\"}" >/dev/null
    for key in ${cycles[$year]}; do
      post "/api/v1/annual-lists/$year:nominate" "$(secretariat "${leads[$key]}")" "{\"projectId\":\"${ids[$key]}\"}" >/dev/null
    done
  done
  step mm-sme cancel
  sleep 7
  som=(0 [2018]=3 [2019]=4 [2020]=5 [2021]=6); fmm=(0 [2018]=3 [2019]=4 [2020]=5 [2021]=6)
  for year in 2018 2019 2020 2021; do
    post "/api/v1/annual-lists/$year:compile" "$admin" '{}' >/dev/null
    decision lmc.meetings.project-list-recommended.v1 ProjectListRecommended "LMC/SOM.${som[$year]}" "$year" ${cycles[$year]}
    decision lmc.meetings.project-list-adopted.v1 ProjectListAdopted "LMC/FMM.${fmm[$year]}" "$year" ${cycles[$year]}
  done
  # The adoptions travel through RabbitMQ: wait until the last one is applied.
  for _ in $(seq 1 30); do
    curl -s "$gateway/api/v1/projects/${ids[cn-power]}" -H "Authorization: Bearer $admin" | grep -q PROJECT_STATUS_ADOPTED && break
    sleep 1
  done
  for key in th-flood-ew cn-wrc-exchange la-road-training mm-rice-seed vn-animal-ew kh-dengue; do step "$key" start; step "$key" complete; done
  for key in vn-salinity kh-single-window th-villages cn-parks la-dry-port th-ecommerce cn-power; do step "$key" start; done
fi

count=$(curl -sS "$gateway/api/v1/projects?page.pageSize=200" -H "Authorization: Bearer $admin" | grep -o '"projectId"' | wc -l)
echo "Seeded: $count projects of the six countries in the five priority areas; annual lists 2018-2021 adopted."
