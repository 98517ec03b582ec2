#!/usr/bin/env bash
# Demo data through the gateway's public API, as the six secretariats, the JWGs and the
# administrator would enter it: projects of every country and priority area from 2018 on,
# tagged to the Plan of Action's paragraphs; the meetings of the framework since 2016 (Leaders',
# FMM, SOM) with their decisions taken by consensus of the six delegations; the annual project
# lists of 2018-2021 nominated, compiled, recommended by the SOM and adopted by the FMM in the
# meetings service, whose events adopt the projects; implementation since, with the Special
# Fund's grants, tranches and disbursements (local/seed-funding.py).
#
# The meetings' dates, venues and ordinals follow the public record as far as we know it; the
# decisions are taken now (their adoption time is the seeding time) and the national positions
# are illustrative. Safe to run again: proposals carry idempotency keys, and lists and meetings
# that exist already are left alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gateway="${1:-http://localhost:8080}"
token() { "$here/token.sh" "$@"; }
admin=$(token --role admin)
declare -A tokens ids

# The six secretariats' tokens, fetched once here: a cache filled inside $(...) would be lost with
# the subshell, and a token per call would make the nomination window hard to meet.
for c in CN KH LA MM TH VN; do tokens[$c]=$(token --country "$c" --role secretariat); done
secretariat() { printf '%s' "${tokens[$1]}"; }
post() { curl -sS -X POST "$gateway$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }
# must <path> <token> <json>: a step the rest of the seed depends on; its failure stops the seed.
must() {
  local out; out=$(curl -sS --fail-with-body -X POST "$gateway$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3") \
    || { echo "seed: POST $1 failed: $out" >&2; exit 1; }
  printf '%s' "$out"
}

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

members=(CN KH LA MM TH VN)
field() { sed -n "s/^[^{]*{[^{]*{\"$1\":\"\([^\"]*\)\".*/\1/p"; } # the first field of the response's object

# meeting <body> <ordinal> <start> <end> <host> <venue>: scheduled, six delegations, convened; prints its id
meeting() {
  local id c
  id=$(post /api/v1/meetings "$admin" "{\"bodyId\":\"$1\",\"ordinal\":$2,\"startDate\":\"$3\",\"endDate\":\"$4\",\"hostCountry\":\"COUNTRY_$5\",\"venue\":\"$6\"}" | field id)
  [ -n "$id" ] || { echo "seed: could not schedule $1 $2" >&2; exit 1; }
  for c in "${members[@]}"; do
    post "/api/v1/meetings/$id/delegations" "$(secretariat "$c")" "{\"country\":\"COUNTRY_$c\",\"head\":\"Head of the delegation of $c\"}" >/dev/null
  done
  post "/api/v1/meetings/$id:convene" "$admin" '{}' >/dev/null
  printf '%s' "$id"
}

# decide <meeting id> <item json>: put on the agenda, every delegation supports, adopted by consensus
decide() {
  local item="" c
  for _ in $(seq 1 30); do # an annual list waits for the projects service's compiled-list event
    item=$(post "/api/v1/meetings/$1/agenda-items" "$admin" "$2" | field id)
    [ -n "$item" ] && break
    sleep 1
  done
  [ -n "$item" ] || { echo "seed: agenda item refused at meeting $1: $2" >&2; exit 1; }
  for c in "${members[@]}"; do
    post "/api/v1/agenda-items/$item/positions" "$(secretariat "$c")" "{\"country\":\"COUNTRY_$c\",\"kind\":\"POSITION_KIND_SUPPORT\"}" >/dev/null
  done
  post "/api/v1/agenda-items/$item:decide" "$admin" '{}' | grep -q AGENDA_ITEM_STATUS_ADOPTED || { echo "seed: not adopted: $2" >&2; exit 1; }
}

close() { post "/api/v1/meetings/$1:close" "$admin" '{}' >/dev/null; }
general() { printf '{"kind":"AGENDA_ITEM_KIND_GENERAL","title":"%s","text":"%s"}' "$1" "$1"; }
# listed <meeting id> <item json>: decided only when this run compiled the lists (the meetings
# service learns a compiled list from the projects service's event, sent once at compilation).
listed() { if [ "$fresh_lists" = 1 ]; then decide "$@"; fi; }
yearly() { printf '{"kind":"AGENDA_ITEM_KIND_%s","year":%s,"text":"%s"}' "$1" "$2" "$3"; }

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

# The framework's meetings since 2016. Each FMM is prepared by a SOM the day before; the SOM
# recommends the next year's list and submits the report, the FMM adopts and commends them.
seed_meetings() {
  local m
  m=$(meeting leaders 1 2016-03-23 2016-03-23 CN "Sanya"); decide "$m" "$(general "Sanya Declaration of the First Lancang-Mekong Cooperation Leaders' Meeting")"; close "$m"
  m=$(meeting fmm 1 2015-11-12 2015-11-12 CN "Jinghong"); decide "$m" "$(general "Joint Press Communique of the First LMC Foreign Ministers' Meeting")"; close "$m"
  m=$(meeting fmm 2 2016-12-23 2016-12-23 KH "Siem Reap"); decide "$m" "$(general "Joint Press Communique of the Second LMC Foreign Ministers' Meeting")"; close "$m"
  m=$(meeting som 1 2017-12-14 2017-12-14 CN "Dali"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2018 "The SOM recommends the 2018 project list to the FMM.")"; close "$m"
  m=$(meeting fmm 3 2017-12-15 2017-12-15 CN "Dali"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2018 "The FMM adopts the 2018 project list.")"; close "$m"
  m=$(meeting leaders 2 2018-01-10 2018-01-10 KH "Phnom Penh"); decide "$m" "$(general "Five-Year Plan of Action on Lancang-Mekong Cooperation (2018-2022)")"; close "$m"
  m=$(meeting som 2 2018-12-16 2018-12-16 LA "Luang Prabang"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2019 "The SOM recommends the 2019 project list to the FMM.")"
  decide "$m" "$(yearly IMPLEMENTATION_REPORT 2018 "The SOM submits the 2018 implementation progress report to the FMM.")"; close "$m"
  m=$(meeting fmm 4 2018-12-17 2018-12-17 LA "Luang Prabang"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2019 "The FMM adopts the 2019 project list.")"
  decide "$m" "$(yearly IMPLEMENTATION_REPORT 2018 "The FMM commends the 2018 implementation progress report.")"; close "$m"
  m=$(meeting som 3 2020-02-20 2020-02-20 LA "Vientiane"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2020 "The SOM recommends the 2020 project list to the FMM.")"
  decide "$m" "$(yearly IMPLEMENTATION_REPORT 2019 "The SOM submits the 2019 implementation progress report to the FMM.")"; close "$m"
  m=$(meeting fmm 5 2020-02-21 2020-02-21 LA "Vientiane"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2020 "The FMM adopts the 2020 project list.")"
  decide "$m" "$(yearly IMPLEMENTATION_REPORT 2019 "The FMM commends the 2019 implementation progress report.")"; close "$m"
  m=$(meeting leaders 3 2020-08-24 2020-08-24 LA "Video conference"); decide "$m" "$(general "Vientiane Declaration of the Third LMC Leaders' Meeting")"; close "$m"
  m=$(meeting som 4 2021-06-07 2021-06-07 CN "Chongqing"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2021 "The SOM recommends the 2021 project list to the FMM.")"
  decide "$m" "$(yearly IMPLEMENTATION_REPORT 2020 "The SOM submits the 2020 implementation progress report to the FMM.")"; close "$m"
  m=$(meeting fmm 6 2021-06-08 2021-06-08 CN "Chongqing"); listed "$m" "$(yearly ANNUAL_PROJECT_LIST 2021 "The FMM adopts the 2021 project list.")"
  decide "$m" "$(yearly IMPLEMENTATION_REPORT 2020 "The FMM commends the 2020 implementation progress report.")"; close "$m"
  m=$(meeting fmm 7 2022-07-04 2022-07-04 MM "Bagan"); decide "$m" "$(general "Joint Press Communique of the Seventh LMC Foreign Ministers' Meeting")"; close "$m"
  m=$(meeting fmm 8 2023-12-07 2023-12-07 CN "Beijing"); decide "$m" "$(general "Joint Press Communique of the Eighth LMC Foreign Ministers' Meeting")"; close "$m"
  m=$(meeting leaders 4 2023-12-25 2023-12-25 MM "Video conference"); decide "$m" "$(general "Nay Pyi Taw Declaration of the Fourth LMC Leaders' Meeting")"; close "$m"
  m=$(meeting fmm 9 2024-08-15 2024-08-15 TH "Chiang Mai"); decide "$m" "$(general "Joint Press Communique of the Ninth LMC Foreign Ministers' Meeting")"; close "$m"
  m=$(meeting fmm 10 2025-08-14 2025-08-14 CN "Anji"); decide "$m" "$(general "Joint Press Communique of the Tenth LMC Foreign Ministers' Meeting")"; close "$m"
  # What lies ahead: the next FMM planned, and a text under silence procedure now.
  post /api/v1/meetings "$admin" '{"bodyId":"fmm","ordinal":11,"startDate":"2026-12-10","endDate":"2026-12-11","hostCountry":"COUNTRY_TH","venue":"Bangkok"}' >/dev/null
  post /api/v1/silence-procedures "$admin" "{\"bodyId\":\"som\",\"kind\":\"AGENDA_ITEM_KIND_GENERAL\",\"title\":\"Concept note of the Lancang-Mekong Week 2027\",\"text\":\"The SOM approves the concept note of the Lancang-Mekong Week 2027.\",\"deadline\":\"$(date -u -d '+7 days' +%Y-%m-%dT12:00:00Z)\"}" >/dev/null
}

declare -A cycles=(
  [2018]="th-flood-ew cn-wrc-exchange la-road-training"
  [2019]="vn-salinity kh-single-window mm-rice-seed th-villages cn-parks"
  [2020]="la-dry-port vn-animal-ew kh-dengue"
  [2021]="th-ecommerce cn-power"
)
fresh_lists=0
if curl -sf -o /dev/null "$gateway/api/v1/annual-lists/2018" -H "Authorization: Bearer $admin"; then
  echo "Seed: the annual lists exist already; projects refreshed."
else
  fresh_lists=1
  deadline=$(date -u -d '+15 seconds' +%Y-%m-%dT%H:%M:%SZ)
  for year in 2018 2019 2020 2021; do
    must /api/v1/annual-lists "$admin" "{\"year\":$year,\"nominationDeadline\":\"$deadline\"}" >/dev/null
    for key in ${cycles[$year]}; do
      must "/api/v1/annual-lists/$year:nominate" "$(secretariat "${leads[$key]}")" "{\"projectId\":\"${ids[$key]}\"}" >/dev/null
    done
  done
  step mm-sme cancel
  while [ "$(date -u +%s)" -le "$(date -u -d "$deadline" +%s)" ]; do sleep 1; done
  for year in 2018 2019 2020 2021; do must "/api/v1/annual-lists/$year:compile" "$admin" '{}' >/dev/null; done
fi

if curl -sS "$gateway/api/v1/meetings?bodyId=fmm" -H "Authorization: Bearer $admin" | grep -q '"symbol"'; then
  echo "Seed: the meetings exist already."
else
  seed_meetings
fi

if [ "$fresh_lists" = 1 ]; then
  # The adoptions travel through RabbitMQ: wait until the last one is applied.
  adopted=""
  for _ in $(seq 1 30); do
    curl -s "$gateway/api/v1/projects/${ids[cn-power]}" -H "Authorization: Bearer $admin" | grep -q PROJECT_STATUS_ADOPTED && { adopted=1; break; }
    sleep 1
  done
  [ -n "$adopted" ] || { echo "seed: the FMM's adoption of the 2021 list did not reach the projects service in 30 s; see the dashboard" >&2; exit 1; }
  for key in th-flood-ew cn-wrc-exchange la-road-training mm-rice-seed vn-animal-ew kh-dengue vn-salinity kh-single-window th-villages cn-parks la-dry-port th-ecommerce cn-power; do
    step "$key" start
  done
  # The Special Fund: grants for the adopted projects, tranches released by accepted progress
  # reports; the first six projects complete and their grants close.
  done_ids=""
  for key in th-flood-ew cn-wrc-exchange la-road-training mm-rice-seed vn-animal-ew kh-dengue; do done_ids="$done_ids${done_ids:+,}${ids[$key]}"; done
  "$here/seed-funding.py" "$gateway" --complete "$done_ids"
else
  "$here/seed-funding.py" "$gateway"
fi

count=$(curl -sS "$gateway/api/v1/projects?page.pageSize=200" -H "Authorization: Bearer $admin" | grep -o '"projectId"' | wc -l)
meetings=$(curl -sS "$gateway/api/v1/meetings" -H "Authorization: Bearer $admin" | grep -o '"symbol"' | wc -l)
echo "Seeded: $count projects of the six countries in the five priority areas; $meetings meetings since 2015; annual lists 2018-2021 adopted by the FMM."
