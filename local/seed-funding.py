#!/usr/bin/env python3
"""Seeds the LMC Special Fund through the gateway's public API, as its fund managers, the six
secretariats and the JWGs would: the fund's pledge and yearly incoming funds (some in CNY, at the
value date's rate), the 2018-2021 calls with an envelope per member, an application for every
adopted project (appraised by one fund manager, approved by another), progress reports accepted
by the project's JWG that release tranches, disbursements, and closure of the grants of the
projects completed. Finally it checks that the fund position reconciles to the ledger to the cent.

Usage: seed-funding.py <gateway> [--complete <project id>,...]
The calls' windows are open at seeding time (the history is entered now); amounts are
illustrative, apart from the USD 300 million the fund was announced with in 2016.
"""
import sys
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
GATEWAY = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "http://localhost:8080"
if "--complete" in sys.argv and sys.argv.index("--complete") + 1 >= len(sys.argv):
    sys.exit("seed-funding: --complete needs a comma-separated list of project ids")
COMPLETE = set(sys.argv[sys.argv.index("--complete") + 1].split(",")) if "--complete" in sys.argv else set()

# Envelopes per call year in USD; China, the fund's source, keeps a smaller share.
ENVELOPE = {"KH": "7000000.00", "LA": "7000000.00", "MM": "7000000.00", "TH": "5000000.00", "VN": "5000000.00", "CN": "3000000.00"}
# Incoming funds by value date: (date, currency, amount, USD per unit on that date).
INCOMING = [
    ("2018-03-30", "CNY", "250000000.00", "0.1591"),
    ("2019-03-29", "CNY", "250000000.00", "0.1487"),
    ("2020-03-31", "USD", "40000000.00", None),
    ("2021-03-31", "CNY", "250000000.00", "0.1524"),
]
AREA_SLUG = {
    "PRIORITY_AREA_CONNECTIVITY": "connectivity",
    "PRIORITY_AREA_PRODUCTION_CAPACITY": "production-capacity",
    "PRIORITY_AREA_CROSS_BORDER_ECONOMIC_COOPERATION": "cross-border-economic-cooperation",
    "PRIORITY_AREA_WATER_RESOURCES": "water-resources",
    "PRIORITY_AREA_AGRICULTURE_AND_POVERTY_REDUCTION": "agriculture-and-poverty-reduction",
}
sys.path.insert(0, str(HERE))
from lmc_api import Gateway  # noqa: E402  (beside this script)

_gateway = Gateway(GATEWAY, "seed-funding")


def call(method, path, who, body=None, ok=(200,)):
    """A JSON request through the gateway as WHO (country, role); exits on an unexpected status."""
    status, result = _gateway.call(method, path, who, body)
    if status not in ok:
        sys.exit(f"seed-funding: {method} {path}: {status} {result}")
    return status, result if isinstance(result, dict) else {}


def usd(amount):
    return {"currency": "USD", "amount": f"{Decimal(amount):.2f}"}


def main():
    appraiser, approver = ("CN", "fund-manager"), ("TH", "fund-manager")
    status, _ = call("GET", "/api/v1/funding/calls/2018", approver, ok=(200, 404))
    if status == 200:
        print("Seed: the Special Fund has its calls already.")
        return

    call("POST", "/api/v1/funding/contributions", approver, {
        "organisation": "XM-LMC-SF", "kind": "CONTRIBUTION_KIND_PLEDGE", "amount": usd("300000000"), "valueDate": "2016-03-23",
        "description": "Special Fund announced at the first Leaders' Meeting: USD 300 million over five years", "idempotencyKey": "seed-pledge-2016"})
    for date, currency, amount, rate in INCOMING:
        if rate:
            call("POST", "/api/v1/funding/exchange-rates", approver, {"currency": currency, "valueDate": date, "usdPerUnit": rate}, ok=(200, 409))
        call("POST", "/api/v1/funding/contributions", approver, {
            "organisation": "XM-LMC-SF", "kind": "CONTRIBUTION_KIND_INCOMING_FUNDS", "amount": {"currency": currency, "amount": amount},
            "valueDate": date, "description": f"Transfer to the Special Fund account, {date[:4]}", "idempotencyKey": f"seed-incoming-{date}"})

    now = time.time()
    window = {"opensAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - 3600)), "closesAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 30 * 86400))}
    for year in range(2018, 2022):
        call("POST", "/api/v1/funding/calls", approver, {"year": year, **window,
            "envelopes": [{"country": "COUNTRY_" + c, "amount": usd(a)} for c, a in ENVELOPE.items()]})

    _, listing = call("GET", "/api/v1/projects?page.pageSize=200", approver)
    projects = [p for p in listing.get("projects", []) if p["status"] in ("PROJECT_STATUS_ADOPTED", "PROJECT_STATUS_IN_PROGRESS") and p.get("adoptedForYear")]
    grants = 0
    left = {}  # what each country's envelope still holds in each call
    for project in projects:
        country = project["leadCountry"].removeprefix("COUNTRY_")
        year = min(max(project["adoptedForYear"], 2018), 2021)
        envelope = left.setdefault((country, year), Decimal(ENVELOPE[country]))
        requested = min(Decimal(project["budget"]["amount"]) * Decimal("0.8"), envelope).quantize(Decimal("1000"), rounding="ROUND_DOWN")
        if requested < 1000:
            print(f"Seed: no room left in {country}'s {year} envelope for {project['title']}; not applied.")
            continue
        left[(country, year)] = envelope - requested
        _, applied = call("POST", "/api/v1/funding/applications", (country, "secretariat"), {
            "callYear": year, "projectId": project["projectId"], "requested": usd(requested), "idempotencyKey": "seed-apply-" + project["projectId"]})
        application = applied["application"]["id"]
        call("POST", f"/api/v1/funding/applications/{application}:appraise", appraiser,
             {"relevance": 5, "feasibility": 4, "regionalBenefit": 4, "sustainability": 3, "note": "Within the plan's priorities; partners confirmed."})
        first = (requested * Decimal("0.4")).quantize(Decimal("0.01"))
        tranches = [first, first, requested - 2 * first]
        _, approved = call("POST", f"/api/v1/funding/applications/{application}:approve", approver, {
            "tranches": [usd(t) for t in tranches], "idempotencyKey": "seed-approve-" + application, "valueDate": f"{year}-06-30"})
        grants += 1
        if project["status"] != "PROJECT_STATUS_IN_PROGRESS":
            continue

        grant = approved["grant"]["id"]
        done = project["projectId"] in COMPLETE
        jwg = (country, "jwg:" + AREA_SLUG[project["priorityArea"]])
        for n in range(1, 4 if done else 2):
            _, report = call("POST", f"/api/v1/projects/{project['projectId']}/progress-reports", (country, "secretariat"), {
                "periodStart": f"{year}-{1 + 4 * (n - 1):02d}-01", "periodEnd": f"{year}-{4 * n:02d}-28", "percentComplete": min(100, 35 * n),
                "narrative": f"Period {n}: activities on schedule."})
            call("POST", f"/api/v1/projects/{project['projectId']}/progress-reports/{report['report']['reportId']}:review", jwg, {"accept": True})
            for _ in range(60):  # the acceptance reaches the fund as an event
                _, current = call("GET", f"/api/v1/funding/grants/{grant}", approver)
                if current["grant"]["tranches"][n - 1]["status"] == "TRANCHE_STATUS_RELEASED":
                    break
                time.sleep(0.5)
            else:
                sys.exit(f"seed-funding: tranche {n} of grant {grant} was not released 30 s after the report's acceptance")
            call("POST", f"/api/v1/funding/grants/{grant}/tranches/{n}:disburse", approver,
                 {"idempotencyKey": f"seed-disburse-{grant}-{n}", "valueDate": f"{year}-{5 + 2 * n:02d}-15"})  # after the commitment of {year}-06-30
        if done:
            call("POST", f"/api/v1/projects/{project['projectId']}:complete", (country, "secretariat"), {})
            call("POST", f"/api/v1/funding/grants/{grant}:close", approver,
                 {"finalReport": "Final report accepted: outputs delivered.", "idempotencyKey": "seed-close-" + grant})

    _, position = call("GET", "/api/v1/funding/position", approver)
    _, ledger = call("GET", "/api/v1/funding/ledger", approver)
    sums = {}
    for entry in ledger.get("entries", []):
        sums[entry["kind"]] = sums.get(entry["kind"], Decimal(0)) + Decimal(entry["amountUsd"]["amount"])
    total = position["total"]
    checks = {"received": "incoming-funds", "committed": "commitment", "disbursed": "disbursement", "pledged": "pledge"}
    mismatch = [k for k, kind in checks.items() if Decimal(total[k]["amount"]) != sums.get(kind, Decimal(0))]
    if mismatch:
        sys.exit(f"seed-funding: the fund position does not reconcile to the ledger for {mismatch}")
    print(f"Seeded the Special Fund: {grants} grants; received USD {total['received']['amount']}, committed USD {total['committed']['amount']}, "
          f"disbursed USD {total['disbursed']['amount']}; the position reconciles to {len(ledger.get('entries', []))} ledger entries to the cent.")


if __name__ == "__main__":
    main()
