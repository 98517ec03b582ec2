#!/usr/bin/env python3
"""Seed the connectivity service with the region's network, through the gateway.

Usage:
    services/connectivity/Seed/demo.py [--dry-run] [GATEWAY]     (GATEWAY defaults to http://localhost:8080)

`./lmc up` runs it once the gateway is ready (the manifest's "local.seed"). As the Connectivity JWG (Lao PDR's
development client) it enters:

  * every node of network.json (cities, ports, airports, substations, a landing station);
  * each border crossing of network.json from border-crossings.csv (sourced: names, countries, modes, opening
    dates, coordinates): two border-crossing nodes a few hundred metres apart, the link across the border and an
    access link on each side to the crossing's towns, then the crossing itself with its hours and single windows;
  * the links of network.json (roads with their AH numbers, the China-Laos railway and the metre-gauge lines,
    the Lancang-Mekong navigation, air freight, power interconnectors, fibre) and its corridors;
  * clearance performance for 2019-2025 for each side of each open crossing, reported by that country's
    secretariat: synthetic, plausible (release times that fall year by year, slower imports than exports);
  * monthly power flows over the four interconnectors for 2023-2025 (synthetic, network.json's powerFlows),
    reported by the importing country's secretariat;
  * the connectivity plan's items under MPAC 2025's five strategic areas, with their targets' latest values (filled in);
  * the Ruili-Muse crossing closed, with its reason.

What no source in the repository gives is the seed's own and marked so (README.md): node positions (town
centroids), straight-line geometry, speeds, side offsets, coordinates of crossings the CSV has none for, hours,
single windows, capacities and every clearance time. Safe to run again: what exists (409) is left as it is.
Python 3 standard library only; JSON and CSV read with their parsers.
"""

import argparse
import csv
import json
import random
import sys
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
sys.path.insert(0, str(REPO / "local"))
from lmc_api import Gateway  # noqa: E402  (the seeds' shared client, local/lmc_api.py)

API = "/api/v1/connectivity"
JWG = ("LA", "jwg:connectivity")
COUNTRIES = {"Cambodia": "KH", "China": "CN", "Lao PDR": "LA", "Myanmar": "MM", "Thailand": "TH", "Viet Nam": "VN"}
# Half the distance between a crossing's two checkpoints, in degrees of longitude (filled in: about 200 m each way).
SIDE_OFFSET = 0.002
CROSSING_SPEED_KMH = 10
YEARS = range(2019, 2026)


def enum(prefix, word):
    return f"{prefix}_{word.upper().replace('-', '_')}"


def country(code):
    return enum("COUNTRY", code)


class Seeder:
    def __init__(self, gateway, dry_run):
        self.gateway = gateway
        self.dry_run = dry_run
        self.counts = {"created": 0, "existing": 0}

    def post(self, path, body, who=JWG):
        if self.dry_run:
            print("POST", path, json.dumps(body)[:160])
            return
        status, answer = self.gateway.call("POST", API + path, who, body)
        if status == 200:
            self.counts["created"] += 1
        elif status == 409:
            self.counts["existing"] += 1
        else:
            sys.exit(f"connectivity seed: POST {path} answered {status}: {answer}")
        return answer

    def node(self, code, name, kind, where, lon, lat):
        self.post("/nodes", {"code": code, "name": name, "kind": enum("NODE_KIND", kind), "country": country(where),
                             "location": {"longitude": lon, "latitude": lat}})

    def link(self, code, name, mode, start, end, attrs, status="operational"):
        body = {"code": code, "name": name, "mode": enum("LINK_MODE", mode), "status": enum("LINK_STATUS", status),
                "fromNode": start, "toNode": end}
        for key, field in (("route", "routeNumber"), ("gauge", "gaugeMm"), ("class", "navigableClass"), ("kv", "voltageKv"),
                           ("mw", "capacityMw"), ("gbps", "capacityGbps"), ("speed", "speedKmh"), ("opened", "openedOn")):
            if attrs.get(key) not in (None, ""):
                body[field] = attrs[key]
        if status in ("planned", "under-construction"):
            body.pop("openedOn", None)
        self.post("/links", body)


def iso_date(text):
    """The CSV's opening date when it is a whole ISO date (a year or a month alone is no date to open on)."""
    return text if len(text) == 10 else None


def crossings(seeder, network):
    rows = {row["name"]: row for row in csv.DictReader((HERE / "border-crossings.csv").open(encoding="utf-8"))}
    declared = []
    for spec in network["crossings"]:
        row = rows.get(spec.get("csv", ""), {})
        if spec.get("csv") and not row:
            sys.exit(f"connectivity seed: {spec['csv']!r} is not in border-crossings.csv")
        lat, lon = (float(row["lat"]), float(row["lon"])) if row.get("lat") else (spec["filled"][1], spec["filled"][0])
        names = [row["side_a"], row["side_b"]] if row else spec["sides"]
        sides = [COUNTRIES[row["country_a"]], COUNTRIES[row["country_b"]]] if row else spec["countries"]
        mode = "rail" if "rail" in (row.get("modes") or "road") else "road"
        code = spec["code"]
        seeder.node(code + "-A", names[0], "border-crossing", sides[0], round(lon - SIDE_OFFSET, 6), lat)
        seeder.node(code + "-B", names[1], "border-crossing", sides[1], round(lon + SIDE_OFFSET, 6), lat)
        declared.append((spec, row, mode, sides))
    return declared


def crossing_links(seeder, declared):
    for spec, row, mode, _ in declared:
        code = spec["code"]
        status = spec.get("status", "operational")
        opened = iso_date(row.get("opened", "")) if row else None
        gauge = spec.get("gauge")
        route = (row.get("route") or "")[:100] if mode == "road" else None
        name = row.get("name") or spec["name"]
        seeder.link(code, name, mode, code + "-A", code + "-B",
                    {"gauge": gauge, "speed": CROSSING_SPEED_KMH, "opened": opened, "route": route}, status)
        seeder.link(code + "-A-ACC", f"{name}: access ({code}-A side)", mode, spec["a"], code + "-A",
                    {"gauge": spec.get("agauge", gauge)}, "operational")
        seeder.link(code + "-B-ACC", f"{name}: access ({code}-B side)", mode, code + "-B", spec["b"],
                    {"gauge": gauge}, "operational")
        hours, windows = spec["hours"], spec["windows"]
        seeder.post("/border-crossings", {
            "code": code + "-C", "name": name, "link": code, **({"openedOn": opened} if opened else {}),
            "openingHoursA": hours[0], "openingHoursB": hours[1],
            "singleWindowA": enum("SINGLE_WINDOW_STATUS", windows[0]), "singleWindowB": enum("SINGLE_WINDOW_STATUS", windows[1]),
        })


def performance(seeder, declared):
    """Synthetic release times per side and year (deterministic): imports 8-30 h falling ~6% a year, exports a third."""
    for spec, _, _, sides in declared:
        if spec.get("status", "operational") != "operational":
            continue
        for side in sides:
            rng = random.Random(f"{spec['code']}-{side}")
            base = rng.uniform(8, 30)
            for year in YEARS:
                trend = base * (0.94 ** (year - 2019)) * (1.25 if year in (2020, 2021) else 1.0)  # COVID-19 controls
                imp = round(trend * rng.uniform(0.9, 1.1), 1)
                exp = round(imp / 3 * rng.uniform(0.8, 1.2), 1)
                tra = round(imp / 2 * rng.uniform(0.8, 1.2), 1)
                seeder.post(f"/border-crossings/{urllib.parse.quote(spec['code'] + '-C')}/performance", {
                    "country": country(side), "period": str(year),
                    "import": {"medianHours": imp, "p90Hours": round(imp * 2.4, 1), "declarations": rng.randint(800, 9000)},
                    "export": {"medianHours": exp, "p90Hours": round(exp * 2.6, 1), "declarations": rng.randint(800, 9000)},
                    "transit": {"medianHours": tra, "p90Hours": round(tra * 2.5, 1), "declarations": rng.randint(50, 900)},
                }, who=(side, "secretariat"))


def power_flows(seeder, network):
    """Monthly MWh per interconnector (network.json's powerFlows, synthetic), reported by the importing country's
    secretariat: a line's flows are reported by a country at one of its ends."""
    spec = network["powerFlows"]
    node_country = {code: where for code, _, _, where, _, _ in network["nodes"]}
    lines = {code: (start, end) for code, _, mode, start, end, _ in network["links"] if mode == "power"}
    first, last = (tuple(int(part) for part in month.split("-")) for month in spec["months"])
    for code, profile, gwh_forward, gwh_reverse in spec["lines"]:
        start, end = lines[code]
        rng = random.Random(f"power-{code}")
        year, month = first
        while (year, month) <= last:
            weight = spec["profiles"][profile][month - 1] / 12
            seeder.post("/power-flows", {
                "link": code, "month": f"{year:04d}-{month:02d}",
                "mwhForward": round(gwh_forward * 1000 * weight * rng.uniform(0.95, 1.05)),
                "mwhReverse": round(gwh_reverse * 1000 * weight * rng.uniform(0.95, 1.05)),
            }, who=(node_country[end], "secretariat"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def plan(seeder, network):
    """The connectivity plan's items (network.json's plan, filled in) and each target's latest value."""
    for item in network["plan"]["items"]:
        seeder.post("/plan-items", {
            "code": item["code"], "title": item["title"], "area": enum("STRATEGIC_AREA", item["area"]),
            "corridors": item["corridors"], "links": item["links"],
            "targets": [{"indicator": t[0], "unit": t[1], "baseline": t[2], "baselineYear": t[3], "target": t[4], "targetYear": t[5]}
                        for t in item["targets"]],
        })
    if seeder.dry_run:
        return
    for item in network["plan"]["items"]:
        status, current = seeder.gateway.call("GET", f"{API}/plan-items/{item['code']}", JWG)
        recorded = {t["indicator"]: t.get("latestOn") for t in current["item"]["targets"]} if status == 200 else {}
        for indicator, _, _, _, _, _, latest, as_of in item["targets"]:
            if recorded.get(indicator) != as_of:
                seeder.post(f"/plan-items/{item['code']}/progress", {"indicator": indicator, "value": latest, "asOf": as_of})


def closures(seeder, gateway, network):
    for spec in network["crossings"]:
        if "close" not in spec or seeder.dry_run:
            continue
        status, link = gateway.call("GET", f"{API}/links/{spec['code']}", JWG)
        if status == 200 and link["link"]["status"] != "LINK_STATUS_CLOSED":
            seeder.post(f"/links/{spec['code']}:change-status", {"status": "LINK_STATUS_CLOSED", "reason": spec["close"]})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gateway", nargs="?", default="http://localhost:8080")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    network = json.loads((HERE / "network.json").read_text(encoding="utf-8"))
    gateway = Gateway(args.gateway, "connectivity seed")
    seeder = Seeder(gateway, args.dry_run)

    for code, name, kind, where, lon, lat in network["nodes"]:
        seeder.node(code, name, kind, where, lon, lat)
    declared = crossings(seeder, network)
    for code, name, mode, start, end, attrs in network["links"]:
        seeder.link(code, name, mode, start, end, attrs)
    crossing_links(seeder, declared)
    for code, name, description, links in network["corridors"]:
        seeder.post("/corridors", {"code": code, "name": name, "description": description, "links": links})
    performance(seeder, declared)
    power_flows(seeder, network)
    plan(seeder, network)
    closures(seeder, gateway, network)
    print(f"connectivity seed: {seeder.counts['created']} created, {seeder.counts['existing']} there already")


if __name__ == "__main__":
    main()
