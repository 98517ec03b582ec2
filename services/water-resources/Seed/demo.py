#!/usr/bin/env python3
"""Seed the water-resources service with levels, years of daily water levels and a live flood wave, through the gateway.

Usage:
    services/water-resources/Seed/demo.py [--dry-run] [GATEWAY]     (GATEWAY defaults to http://localhost:8080)

`./lmc up` runs it once the gateway is ready (the manifest's "local.seed"). Each station's country enters its own
data, as its water focal point (the development client <country>-water-focal-point):

  * a level version 1 for every station with a water level (from 2018-01-01): the alarm and flood levels of
    stations.json where a source gives them, else filled ones (FILLED below, each with why); a drought level and a
    rapid-rise threshold for all (filled);
  * daily levels at 07:00 local from 1 January 2018 to yesterday, a seasonal cycle (low in April, high in
    August-September) scaled to each station's levels, with the 2018 flood season (downstream stations over their
    flood levels in August) and the 2019 drought (a late, feeble rise: record lows in July);
  * a flood wave rising now at Nakhon Phanom, hourly over the last three days past the 12.0 m flood level, and the
    morning's forecast of it: a live flood warning (and a rapid-rise one) in all six inboxes, Lao PDR's copy
    acknowledged. A demonstration out of season, in December: marked so here and in the README;
  * an urgent notice from China of a release from Jinghong reservoir;
  * water-quality samples every two months (the 15th of February, April ... December, 09:00 local) since 2018 at
    every station measuring the ten parameters: seasonal (suspended solids with the wet season, oxygen lower in
    it), phosphorus and nitrogen creeping up downstream, faecal coliform high below the cities (Vientiane, Phnom
    Penh, Chau Doc), so the ratings and trends have something to show.

Every level and water-quality series is synthetic (no observed series is in the repository): plausible, deterministic, not data.
Safe to run again: what exists (409, or a level version already set) is left as it is. Python 3 standard library
only; stations.json is read with its JSON parser.
"""

import argparse
import datetime as dt
import json
import math
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
sys.path.insert(0, str(REPO / "local"))
from lmc_api import Gateway  # noqa: E402  (the seeds' shared client, local/lmc_api.py)

API = "/api/v1/water-resources"
START = dt.date(2018, 1, 1)
WAVE_STATION = "LMC-NAK"
WAVE_HOURS = 72
# Levels no source gives, filled so the demo's stations have a flood level: (alarm, flood, why).
FILLED = {
    "010501": (11.0, None, "alarm 0.8 m below the MRC flood level"),
    "011903": (None, 15.5, "flood 1.0 m above the MRC alarm level (Thai 'critical' 16.0 m not used)"),
    "012001": (11.4, None, "alarm 0.8 m below the MRC flood level"),
    "LMC-PAK": (13.5, 14.5, "no published level"),
    "LMC-THA": (13.0, 14.0, "no published level"),
    "LMC-MUK": (12.0, 12.5, "the Thai 'critical' level, not an MRC figure"),
    "LMC-SAV": (12.0, 13.0, "no published level"),
    "013801": (13.5, 14.5, "no published level"),
    "013901": (11.0, 12.0, "Lao DMH's 11 m danger level and a 2018 '12 m' figure, both doubtful"),
    "LMC-KOM": (None, 16.2, "flood 1.0 m above MoWRAM's warning level"),
    "019801": (9.5, 11.0, "no published level"),
    "LMC-PPP": (9.5, 10.5, "no published level"),
    "019803": (4.0, 4.5, "Viet Nam's alarm level III, not an MRC figure"),
    "LMC-KLG": (8.0, 9.0, "no published level"),
    "LMC-UBN": (7.5, 8.5, "no published level"),
    "LMC-ATP": (9.0, 10.0, "no published level"),
    "LMC-LPT": (8.0, 9.0, "no published level"),
}
# Jinghong reads in metres above sea level below a regulating dam: its own range, no flood level.
JINGHONG = ("092600", 533.6, 537.4)


def who(country):
    return (country, "water-focal-point")


class Seeder:
    def __init__(self, gateway, dry_run):
        self.gateway = gateway
        self.dry_run = dry_run
        self.counts = {"created": 0, "existing": 0}

    def call(self, method, path, country, body=None, ok_conflict=True):
        if self.dry_run:
            print(method, path, json.dumps(body)[:160] if body else "")
            return {}
        status, answer = self.gateway.call(method, API + path, who(country), body)
        if status == 200:
            self.counts["created"] += 1
            return answer
        if status == 409 and ok_conflict:
            self.counts["existing"] += 1
            return None
        sys.exit(f"water-resources seed: {method} {path} answered {status}: {answer}")


def levels_of(station):
    """(alarm, flood, drought, rapid rise, the source text) of version 1."""
    shipped = station["levels"]
    alarm, flood = shipped.get("alarmM"), shipped.get("floodM")
    filled = FILLED.get(station["code"])
    notes = []
    if filled:
        if alarm is None and filled[0] is not None:
            alarm = filled[0]
            notes.append(f"alarm {alarm} m filled by the seed ({filled[2]})")
        if flood is None and filled[1] is not None:
            flood = filled[1]
            notes.append(f"flood {flood} m filled by the seed ({filled[2]})")
    if alarm is None and flood is None:
        return None
    top = flood if flood is not None else alarm + 1.0
    low = 6.0 if station["code"] == "014901" else max(0.5, round(0.15 * top, 2))
    drought = round(low * 0.75, 2)
    rise = 1.5 if top > 20 else 1.0
    source = "; ".join(["alarm/flood as shipped (stations.json's sources)" if not notes else "", *notes,
                        f"drought {drought} m and rapid rise {rise} m/24 h filled by the seed"]).strip("; ")
    return alarm, flood, drought, rise, source, low, top


def seasonal(day, low, top, year_kind):
    """A plausible level on DAY: dry low in April, the peak in late August-September, by the year's kind."""
    doy = day.timetuple().tm_yday
    rise = max(0.0, math.sin(math.pi * (doy - 135) / 215)) if 135 <= doy <= 350 else 0.0
    normal_peak = top - 1.6
    if year_kind == "flood":
        peak = top + 0.6
    elif year_kind == "drought":
        # 2019: the rise came late and feebly, with record lows in July.
        rise = rise ** 2.2 if doy < 220 else rise
        peak = low + 0.45 * (normal_peak - low)
    else:
        peak = normal_peak
    dry = low * (0.7 if year_kind == "drought" and doy < 230 else 1.0)
    return dry + (peak - dry) * rise ** 1.4


def daily(station, low, top, until):
    rng = random.Random(station["code"])
    offset = 8 if station["country"] == "CN" else 7
    values, day = [], START
    while day <= until:
        kind = "flood" if day.year == 2018 and station["kind"] == "mainstream" and station["country"] in ("KH", "LA") else \
            "drought" if day.year == 2019 else "normal"
        level = seasonal(day, low, top, kind) + rng.gauss(0, 0.04 * (top - low) / 10)
        at = dt.datetime(day.year, day.month, day.day, 7, tzinfo=dt.timezone(dt.timedelta(hours=offset)))
        values.append({"time": at.isoformat(), "value": round(level, 2)})
        day += dt.timedelta(days=1)
    return values


def series(seeder, station, values):
    seeder.call("POST", "/observations:bulk", station["country"],
                {"station": station["code"], "property": "water-level", "unit": "m", "values": values})


def wave(seeder, station, start_level, flood, now):
    """Hourly from start_level to 0.45 m over the flood level, rising fastest in the middle (a flood wave's front)."""
    values = []
    for h in range(WAVE_HOURS, 0, -1):
        x = (WAVE_HOURS - h) / (WAVE_HOURS - 1)
        level = start_level + (flood + 0.45 - start_level) * (0.5 - 0.5 * math.cos(math.pi * x))
        values.append({"time": (now - dt.timedelta(hours=h)).isoformat(), "value": round(level, 2)})
    series(seeder, station, values)
    issued = (now - dt.timedelta(minutes=30)).isoformat()
    seeder.call("POST", f"/stations/{station['code']}/forecasts", station["country"], {"issuedAt": issued, "values": [
        {"leadDays": d, "levelM": round(flood + 0.45 + 0.25 * d - 0.06 * d * d, 2)} for d in range(1, 6)]})


QUALITY = ("ph", "conductivity", "dissolved-oxygen", "cod", "ammonium", "nitrite-nitrate", "total-nitrogen",
           "total-phosphorus", "suspended-solids", "faecal-coliform")
QUALITY_UNITS = {"ph": "pH", "conductivity": "mS/m", "faecal-coliform": "MPN/100mL"}
BELOW_CITIES = ("011901", "LMC-PPP", "039801")


def quality(seeder, station, order, until):
    """Bimonthly samples since START: ORDER (0 upstream) makes the lower river richer in nutrients."""
    rng = random.Random("quality " + station["code"])
    offset = 8 if station["country"] == "CN" else 7
    samples, year = [], START.year
    while True:
        for month in (2, 4, 6, 8, 10, 12):
            day = dt.date(year, month, 15)
            if day > until:
                return send_quality(seeder, station, samples)
            wet = month in (6, 8, 10)
            years = (day - START).days / 365.25
            city = station["code"] in BELOW_CITIES
            values = {
                "ph": rng.uniform(6.9, 7.9),
                "conductivity": rng.uniform(12, 25) + (6 if not wet else 0),
                "dissolved-oxygen": rng.uniform(4.6, 6.0) if wet else rng.uniform(6.2, 7.8),
                "cod": rng.uniform(1.5, 4.0) + (1.2 if city else 0),
                "ammonium": rng.uniform(0.02, 0.09) + (0.12 if city and rng.random() < 0.5 else 0),
                "nitrite-nitrate": rng.uniform(0.15, 0.35) + 0.02 * order,
                "total-nitrogen": rng.uniform(0.4, 0.7) + 0.03 * order + 0.02 * years,
                "total-phosphorus": rng.uniform(0.03, 0.07) + 0.002 * order + 0.006 * years,
                "suspended-solids": rng.uniform(150, 450) if wet else rng.uniform(15, 60),
                "faecal-coliform": rng.uniform(2000, 9000) if city and rng.random() < 0.6 else rng.uniform(50, 800),
            }
            at = dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.timezone(dt.timedelta(hours=offset)))
            samples.append((at.isoformat(), values))
        year += 1


def send_quality(seeder, station, samples):
    for prop in QUALITY:
        seeder.call("POST", "/observations:bulk", station["country"], {
            "station": station["code"], "property": prop, "unit": QUALITY_UNITS.get(prop, "mg/L"),
            "values": [{"time": at, "value": round(values[prop], 3)} for at, values in samples]})


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gateway", nargs="?", default="http://localhost:8080")
    parser.add_argument("--dry-run", action="store_true", help="print the requests instead of sending them")
    args = parser.parse_args(argv[1:])
    seeder = Seeder(Gateway(args.gateway, "water-resources seed"), args.dry_run)
    stations = json.loads((HERE / "stations.json").read_text(encoding="utf-8"))["stations"]
    now = dt.datetime.now(dt.timezone.utc).replace(minute=0, second=0, microsecond=0)
    yesterday = (now - dt.timedelta(days=1)).date()

    for station in stations:
        if "water-level" not in station["measures"] or station["code"] == "LMC-MAN":
            continue  # Man'an: no place and no series of it in any source
        if station["code"] == JINGHONG[0]:
            series(seeder, station, daily(station, JINGHONG[1], JINGHONG[2] + 1.6, yesterday))
            continue
        levels = levels_of(station)
        if levels is None:
            continue
        alarm, flood, drought, rise, source, low, top = levels
        existing = seeder.call("GET", f"/stations/{station['code']}/levels", station["country"]) or {}
        if not any(v.get("version", 0) >= 1 for v in existing.get("versions", [])):
            body = {"validFrom": START.isoformat(), "droughtM": drought, "rapidRiseMPer24h": rise, "droughtWindowDays": 7,
                    "source": source, "expectedVersion": 0}
            body.update({k: v for k, v in (("alarmM", alarm), ("floodM", flood)) if v is not None})
            seeder.call("POST", f"/stations/{station['code']}/levels", station["country"], body)
        until = (now - dt.timedelta(hours=WAVE_HOURS + 24)).date() if station["code"] == WAVE_STATION else yesterday
        values = daily(station, low, top, until)
        series(seeder, station, values)
        if station["code"] == WAVE_STATION:
            wave(seeder, station, values[-1]["value"], flood, now)

    seeder.call("POST", f"/stations/{JINGHONG[0]}/urgent-notices", "CN", {
        "direction": "CHANGE_DIRECTION_RISE", "expectedChangeM": 1.8,
        "from": now.isoformat(), "until": (now + dt.timedelta(days=3)).isoformat(),
        "reason": "Release from Jinghong reservoir for downstream navigation (a demonstration notice)"})
    sampled = [s for s in stations if all(p in s["measures"] for p in QUALITY)]
    for order, station in enumerate(sampled):
        quality(seeder, station, order, yesterday)
    if not args.dry_run:
        status, inbox = seeder.gateway.call("GET", API + "/inbox?unacknowledgedOnly=true", who("LA"))
        for item in (inbox.get("items", []) if status == 200 else []):
            if item["warning"]["station"] == WAVE_STATION:
                seeder.call("POST", f"/warnings/{item['warning']['warningId']}:acknowledge", "LA",
                            {"note": "Lao DMH: Khammouane province informed"})
    print(f"water-resources seed: {seeder.counts['created']} created, {seeder.counts['existing']} already there")


if __name__ == "__main__":
    main(sys.argv)
