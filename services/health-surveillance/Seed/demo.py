#!/usr/bin/env python3
"""Seed the health-surveillance service with several years of weekly disease data.

Usage:
    services/health-surveillance/Seed/demo.py [--dry-run] [GATEWAY]     (GATEWAY defaults to http://localhost:8080)

`./lmc up` runs it after the gateway is ready (the manifest's "local.seed"). It reports, as each country's health focal point,
weekly ISO-week values from 2019 up to the last complete week for:

  * dengue in every first-level unit of the six members (zero reporting included), with a
    rainy-season peak, the regional epidemic of 2019, the high year 2023 in Lao PDR and Viet Nam,
    and a few sharp local outbreaks, one of them in Savannakhet (a border province facing
    Mukdahan, Thailand) in the last weeks, so that an alert is open now;
  * P. falciparum malaria in the border units of KH, LA, MM, TH, VN and in Yunnan, low and
    declining year on year (elimination), with an outbreak in Kayin State facing Tak in 2021;
  * cholera, nil everywhere except two small clusters (any case is a signal).

The numbers are synthetic: plausible in size and shape, not the real series. Everything is
deterministic (random.Random(2026)); each series has its own generator, so a series' history is
the same whatever day the script runs. Safe to run again: a country whose last value (its last
complete week) the service holds already is skipped, so a stopped run is finished country by
country, and a run in a later week sends again (unchanged values are left alone) up to that week.
With --dry-run it builds everything, sends nothing, and prints what it would send. Python 3
standard library only.
"""

import argparse
import datetime
import json
import math
import random
import sys
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

# --- Where things are -------------------------------------------------------------------------

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO / "local"))
from lmc_api import Gateway as ApiGateway  # noqa: E402  (the seeds' shared client, local/lmc_api.py)
SEED_DIR = HERE
DEFAULT_GATEWAY = "http://localhost:8080"

# --- Run settings -----------------------------------------------------------------------------

COUNTRIES = ["KH", "CN", "LA", "MM", "TH", "VN"]
# A country reports only its own units, as its health focal point.
ROLE = "health-focal-point"
# Values per bulk request. The service accepts more (20,000), but each request is one transaction
# that also runs detection over every series it touches; smaller ones keep that short.
MAX_VALUES_PER_REQUEST = 5000
# The gateway refuses bodies over 1 MiB; stay well under it.
MAX_BODY_BYTES = 768 * 1024
# Tokens, rate limiting (429) and timeouts are lmc_api's.

# --- What to generate -------------------------------------------------------------------------

RANDOM_SEED = 2026
FIRST_YEAR = 2019
# Year-level draws are made for a fixed range of years (not up to today) so that the random
# stream, and with it the history, does not depend on the day the script runs.
LAST_YEAR_DRAWN = FIRST_YEAR + 30

DENGUE = "dengue"
MALARIA = "malaria-falciparum"
CHOLERA = "cholera"

# Dengue case fatality is about 0.1-0.2 %; P. falciparum a little higher; cholera treated early
# about 1 %.
CFR = {DENGUE: 0.0015, MALARIA: 0.002, CHOLERA: 0.01}

# Dengue per country: `base` is the dry-season weekly mean of a unit of weight 1; the season
# multiplies it by 1 + amplitude * exp(-((week - peak) / width)^2), so the rainy-season peak
# falls in ISO weeks 28-37 (July-September) and a typical year's total is about twice what a
# flat dry-season year would give. The curve is kept fairly wide: the steeper the seasonal rise,
# the more EARS C2/C3 (7-week baseline) alarm on the ordinary season rather than on outbreaks. The bases are set so that ordinary years come to roughly
# the national totals of the late 2010s: KH ~15k, LA ~8k, MM ~30k, TH ~60k, VN ~120k cases.
# China's dengue is almost all imported and autochthonous spread in the south in late summer
# and autumn, near nil in winter: a tiny base and a large amplitude.
DENGUE_COUNTRY = {
    "KH": {"base": 6.0, "amplitude": 3.0, "peak": 30, "width": 10.0},
    "LA": {"base": 4.5, "amplitude": 3.0, "peak": 30, "width": 10.0},
    "MM": {"base": 16.0, "amplitude": 2.5, "peak": 30, "width": 10.0},
    "TH": {"base": 9.0, "amplitude": 2.5, "peak": 28, "width": 11.0},
    "VN": {"base": 14.0, "amplitude": 2.5, "peak": 34, "width": 11.0},
    "CN": {"base": 0.3, "amplitude": 60.0, "peak": 37, "width": 6.0},
}

# Relative size of a unit's dengue burden (population, lowland/urban, south); units not listed
# weigh 1. Northern, highland and cold units weigh little, so their series are mostly zeros.
DENGUE_UNIT_WEIGHT = {
    # Cambodia: Phnom Penh and the populous lowland provinces; small and upland ones.
    "KH-12": 3.0, "KH-3": 1.8, "KH-8": 1.6, "KH-2": 1.6, "KH-17": 1.5, "KH-14": 1.4,
    "KH-21": 1.2, "KH-1": 1.2, "KH-5": 1.2, "KH-25": 1.1, "KH-9": 0.4, "KH-23": 0.15,
    "KH-24": 0.2, "KH-11": 0.2, "KH-16": 0.4, "KH-19": 0.35, "KH-13": 0.35, "KH-22": 0.4,
    # Lao PDR: Vientiane Capital and the Mekong lowlands of the south; the northern mountains.
    "LA-VT": 3.0, "LA-SV": 2.5, "LA-CH": 2.2, "LA-VI": 1.2, "LA-KH": 1.0, "LA-SL": 1.0,
    "LA-BL": 0.8, "LA-LP": 0.8, "LA-AT": 0.6, "LA-XE": 0.4, "LA-XA": 0.5, "LA-BK": 0.4,
    "LA-LM": 0.3, "LA-OU": 0.3, "LA-XI": 0.2, "LA-PH": 0.15, "LA-HO": 0.15, "LA-XS": 0.15,
    # Myanmar: Yangon, Mandalay and the delta; the Chin and Kayah hills.
    "MM-06": 3.0, "MM-04": 2.0, "MM-07": 1.5, "MM-02": 1.4, "MM-16": 0.8, "MM-17": 0.8,
    "MM-13": 0.7, "MM-05": 0.7, "MM-18": 0.6, "MM-11": 0.5, "MM-12": 0.15, "MM-14": 0.1,
    # Thailand (default 0.8 below): Bangkok and its ring, the big provinces of the north-east,
    # east and south; small provinces.
    "TH-10": 6.0, "TH-30": 2.0, "TH-50": 1.8, "TH-20": 1.6, "TH-40": 1.6, "TH-34": 1.6,
    "TH-90": 1.5, "TH-41": 1.4, "TH-80": 1.4, "TH-11": 1.3, "TH-12": 1.2, "TH-21": 1.2,
    "TH-13": 1.0, "TH-83": 1.0, "TH-63": 1.0, "TH-57": 1.0, "TH-49": 0.6, "TH-75": 0.3,
    "TH-17": 0.3, "TH-26": 0.3, "TH-15": 0.3, "TH-37": 0.4, "TH-58": 0.4, "TH-91": 0.4,
    "TH-23": 0.4, "TH-85": 0.4,
    # Viet Nam: Ho Chi Minh City, Hanoi and the south (Mekong delta, south-east, central coast
    # and highlands); the northern mountain provinces have little dengue.
    "VN-SG": 8.0, "VN-HN": 4.0, "VN-57": 2.5, "VN-39": 2.5, "VN-DN": 2.0, "VN-41": 1.8,
    "VN-44": 1.8, "VN-34": 1.8, "VN-47": 1.5, "VN-45": 1.5, "VN-46": 1.5, "VN-CT": 1.5,
    "VN-33": 1.5, "VN-31": 1.4, "VN-37": 1.4, "VN-43": 1.3, "VN-29": 1.2, "VN-27": 1.2,
    "VN-30": 1.2, "VN-HP": 0.8, "VN-13": 0.3, "VN-68": 0.3, "VN-69": 0.3, "VN-14": 0.2,
    "VN-05": 0.15, "VN-02": 0.1, "VN-06": 0.1, "VN-07": 0.1, "VN-71": 0.1, "VN-01": 0.05,
    "VN-03": 0.05, "VN-04": 0.05, "VN-09": 0.05, "VN-53": 0.05, "VN-18": 0.5, "VN-20": 0.5,
    "VN-61": 0.5, "VN-63": 0.5, "VN-66": 0.5, "VN-67": 0.5, "VN-54": 0.5, "VN-56": 0.6,
    "VN-70": 0.5, "VN-21": 0.6, "VN-22": 0.6, "VN-23": 0.5,
    # China (default: the northern, western and cold provinces below): Guangdong and Yunnan
    # carry most cases, then Guangxi, Hainan, Fujian and Zhejiang.
    "CN-GD": 12.0, "CN-YN": 8.0, "CN-GX": 2.5, "CN-HI": 1.5, "CN-FJ": 1.2, "CN-ZJ": 1.0,
    "CN-JX": 0.4, "CN-HN": 0.4, "CN-HB": 0.3, "CN-SH": 0.3, "CN-CQ": 0.3, "CN-SC": 0.2,
    "CN-GZ": 0.2, "CN-AH": 0.15, "CN-JS": 0.15, "CN-BJ": 0.05,
}
# Default weight of a unit not listed above, by country. In China that is every northern,
# western or cold province (Xizang, Qinghai, Gansu, Inner Mongolia, Heilongjiang, ...): a few
# imported cases at most, almost all weeks zero.
DENGUE_DEFAULT_WEIGHT = {"KH": 1.0, "LA": 1.0, "MM": 1.0, "TH": 0.8, "VN": 1.0, "CN": 0.003}

# Epidemic seasons: the season's excess is multiplied by this factor (smoothly, around the
# peak). 2019 was a major regional dengue year (Cambodia, Lao PDR, Viet Nam, Thailand); 2023 was
# high in Lao PDR and Viet Nam.
DENGUE_EPIDEMIC_SEASONS = {
    ("KH", 2019): 3.5, ("LA", 2019): 3.5, ("VN", 2019): 2.5, ("TH", 2019): 2.5,
    ("LA", 2023): 2.0, ("VN", 2023): 2.0,
}
# Width (weeks) of the bump that carries an epidemic year's extra cases: wider than the season,
# so an epidemic starts early and ends late, but near 1 at the turn of the year, so the years
# join without a step.
EPIDEMIC_WIDTH = 13.0
# Flat year factors for known quiet years: China reported very little dengue in 2020-2022,
# when travel from endemic countries all but stopped.
DENGUE_YEAR_FACTOR = {("CN", 2020): 0.2, ("CN", 2021): 0.2, ("CN", 2022): 0.3}
# Ordinary year-to-year variation: log-normal factors per country-year and per unit-year.
COUNTRY_YEAR_SD = 0.15
UNIT_YEAR_SD = 0.10
# Week-to-week counts of dengue and malaria vary more than Poisson (clusters, reporting
# batches): the weekly mean is multiplied by a gamma factor with mean 1 and this coefficient of
# variation before the Poisson draw (a negative binomial).
COUNT_NOISE_CV = 0.2

# P. falciparum: border units only (the malaria that remains is on the forested borders), in
# these countries, plus Yunnan (imported cases from Myanmar; China was certified malaria-free in
# 2021). `base` is the 2019 dry-season weekly mean of a unit of weight 1.
MALARIA_COUNTRIES = {"KH", "LA", "MM", "TH", "VN"}
MALARIA_EXTRA_UNITS = {"CN-YN"}
MALARIA_COUNTRY_BASE = {"KH": 4.0, "LA": 3.0, "MM": 3.0, "TH": 1.0, "VN": 1.0, "CN": 1.0}
MALARIA_UNIT_WEIGHT = {
    # Cambodia: the forested north and north-east, the Cardamoms; little in the southern plains.
    "KH-16": 2.0, "KH-13": 2.0, "KH-11": 1.5, "KH-19": 1.2, "KH-15": 1.2, "KH-10": 1.0,
    "KH-9": 0.8, "KH-22": 0.8, "KH-24": 0.5, "KH-2": 0.4, "KH-25": 0.3, "KH-1": 0.2,
    "KH-7": 0.1, "KH-8": 0.05, "KH-14": 0.05, "KH-20": 0.05, "KH-21": 0.05,
    # Lao PDR: the five southern provinces; the north is nearly free.
    "LA-AT": 1.5, "LA-XE": 1.5, "LA-SL": 1.5, "LA-SV": 1.2, "LA-CH": 0.8, "LA-KH": 0.3,
    "LA-BL": 0.2,
    # Myanmar: the eastern and northern states and Tanintharyi.
    "MM-13": 1.0, "MM-05": 1.0, "MM-11": 0.8, "MM-17": 0.6, "MM-12": 0.6, "MM-15": 0.2,
    # Thailand: Tak first, then the Cambodian and Myanmar borders.
    "TH-63": 2.0, "TH-34": 0.8, "TH-33": 0.8, "TH-71": 0.6, "TH-58": 0.5, "TH-85": 0.4,
    "TH-22": 0.2, "TH-23": 0.2, "TH-77": 0.2,
    # Viet Nam: the Central Highlands and Binh Phuoc.
    "VN-30": 1.5, "VN-58": 1.2, "VN-72": 0.8, "VN-33": 0.6, "VN-28": 0.5, "VN-25": 0.3,
    "VN-27": 0.3,
    "CN-YN": 0.2,
}
MALARIA_DEFAULT_WEIGHT = 0.04
# Transmission season: peak in the rains (ISO weeks 22-40).
MALARIA_SEASON = {"amplitude": 1.5, "peak": 31, "width": 6.0}
# The elimination trend: 15 % fewer cases every year.
MALARIA_ANNUAL_DECLINE = 0.15

# Cholera is reported as nil (zero rows) in every unit every week, as a notifiable disease would
# be; set to False to send only the weeks with cases.
CHOLERA_NIL_REPORTING = False


# --- Reference data ---------------------------------------------------------------------------

def load_json(name):
    """Read one of the service's seed files (../services/health-surveillance/Seed/NAME)."""
    with open(SEED_DIR / name, encoding="utf-8") as f:
        return json.load(f)


def load_reference():
    """The admin units (list of dicts), the set of border unit codes and the disease codes."""
    units = load_json("admin-units.json")["units"]
    pairs = load_json("border-pairs.json")["pairs"]
    diseases = {d["code"] for d in load_json("diseases.json")["diseases"]}
    for code in (DENGUE, MALARIA, CHOLERA):
        if code not in diseases:
            sys.exit(f"health-surveillance seed: diseases.json has no disease {code}")
    known = {u["code"] for u in units}
    for table in (DENGUE_UNIT_WEIGHT, MALARIA_UNIT_WEIGHT):
        unknown = sorted(set(table) - known)
        if unknown:
            sys.exit(f"health-surveillance seed: weights for units not in admin-units.json: {unknown}")
    border = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    return units, border, pairs


def unit_by_name(units, country, name):
    """The unit of COUNTRY called NAME (exact English name in admin-units.json)."""
    matches = [u for u in units if u["country"] == country and u["name"] == name]
    if len(matches) != 1:
        sys.exit(f"health-surveillance seed: expected one unit {name!r} in {country}, found {len(matches)}")
    return matches[0]


# --- Epi weeks --------------------------------------------------------------------------------

def weeks_in_iso_year(year):
    """52 or 53: an ISO year has a week 53 when that week exists (2020, 2026, ...)."""
    try:
        datetime.date.fromisocalendar(year, 53, 1)
        return 53
    except ValueError:
        return 52


def last_complete_week(today):
    """The ISO (year, week) of the last week that has ended before TODAY's week."""
    year, week, _ = (today - datetime.timedelta(days=7)).isocalendar()
    return year, week


def epi_weeks(first_year, last):
    """Every ISO (year, week) from week 1 of FIRST_YEAR to LAST inclusive, in order."""
    weeks = []
    for year in range(first_year, last[0] + 1):
        for week in range(1, weeks_in_iso_year(year) + 1):
            if (year, week) > last:
                return weeks
            weeks.append((year, week))
    return weeks


# --- Random numbers ---------------------------------------------------------------------------

def poisson(rng, lam):
    """A Poisson(LAM) draw: Knuth's product method for small LAM, a rounded normal above 30."""
    if lam <= 0:
        return 0
    if lam < 30:
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= rng.random()
            if p <= limit:
                return k
            k += 1
    return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))


def overdispersed_count(rng, lam):
    """A count with mean LAM and more spread than Poisson: gamma-Poisson (negative binomial)."""
    if lam <= 0:
        return 0
    shape = 1.0 / COUNT_NOISE_CV ** 2
    return poisson(rng, lam * rng.gammavariate(shape, 1.0 / shape))


def deaths_among(rng, cases, cfr):
    """Deaths among CASES with case fatality CFR: binomial for small counts, Poisson above."""
    if cases <= 0:
        return 0
    if cases <= 200:
        return sum(1 for _ in range(cases) if rng.random() < cfr)
    return min(cases, poisson(rng, cases * cfr))


def lognormal_factor(rng, sd):
    """A multiplicative factor with median 1 and log-scale standard deviation SD."""
    return math.exp(rng.gauss(0.0, sd))


def bump(week, peak, width):
    """A smooth seasonal bump: exp(-((week - peak) / width)^2), 1 at the peak."""
    return math.exp(-(((week - peak) / width) ** 2))


# --- Outbreaks --------------------------------------------------------------------------------

def plan_outbreaks(units, pairs, weeks):
    """The outbreaks to inject: a list of dicts (disease, unit, name, weeks {(y, w): factor}).

    Units are looked up by name in admin-units.json, not by guessed codes. The factors multiply
    the expected weekly count, rising then falling; the current one in Savannakhet is still
    rising in the last complete week, so its alert is open now.
    """
    champasak = unit_by_name(units, "LA", "Champasak")
    koh_kong = unit_by_name(units, "KH", "Koh Kong")
    savannakhet = unit_by_name(units, "LA", "Savannakhet")
    kayin = unit_by_name(units, "MM", "Kayin")
    tak = unit_by_name(units, "TH", "Tak")
    if not any({p["a"], p["b"]} == {kayin["code"], tak["code"]} for p in pairs):
        sys.exit("health-surveillance seed: Kayin and Tak are not a border pair in border-pairs.json")
    kandal = unit_by_name(units, "KH", "Kandal")
    yangon = unit_by_name(units, "MM", "Yangon")

    def run(year, first_week, factors):
        return {(year, first_week + i): f for i, f in enumerate(factors)}

    recent = weeks[-4:]
    plans = [
        {"disease": DENGUE, "unit": champasak, "kind": "factor",
         "weeks": run(2022, 20, [1.8, 3.0, 4.5, 5.5, 4.0, 2.2])},
        {"disease": DENGUE, "unit": koh_kong, "kind": "factor",
         "weeks": run(2024, 14, [2.0, 3.5, 5.0, 5.5, 3.5, 2.0])},
        {"disease": DENGUE, "unit": savannakhet, "kind": "factor",
         "weeks": dict(zip(recent, [2.0, 3.2, 4.5, 6.0]))},
        {"disease": MALARIA, "unit": kayin, "kind": "factor",
         "weeks": run(2021, 30, [2.0, 3.0, 4.5, 5.0, 3.5, 2.0]),
         "note": f"facing {tak['code']} {tak['name']}"},
        # Cholera clusters: fixed case counts (the disease is otherwise absent). Kandal faces
        # An Giang (VN-44) across the border, so its alert also notifies Viet Nam.
        {"disease": CHOLERA, "unit": kandal, "kind": "cases", "weeks": run(2022, 37, [3, 5])},
        {"disease": CHOLERA, "unit": yangon, "kind": "cases", "weeks": run(2024, 28, [2, 6])},
    ]
    return plans


# --- Series -----------------------------------------------------------------------------------

def draw_country_years(rng):
    """Log-normal year factors per (country, year), for the fixed range of years."""
    return {(c, y): lognormal_factor(rng, COUNTRY_YEAR_SD)
            for c in COUNTRIES for y in range(FIRST_YEAR, LAST_YEAR_DRAWN + 1)}


def dengue_series(rng, unit, weeks, country_year, outbreak):
    """Weekly (year, week, cases, deaths) of dengue in UNIT, with zeros."""
    c = unit["country"]
    p = DENGUE_COUNTRY[c]
    weight = DENGUE_UNIT_WEIGHT.get(unit["code"], DENGUE_DEFAULT_WEIGHT[c])
    unit_year = {y: lognormal_factor(rng, UNIT_YEAR_SD) for y in range(FIRST_YEAR, LAST_YEAR_DRAWN + 1)}
    rows = []
    for year, week in weeks:
        season = 1.0 + p["amplitude"] * bump(week, p["peak"], p["width"])
        epidemic = DENGUE_EPIDEMIC_SEASONS.get((c, year), 1.0)
        epidemic = 1.0 + (epidemic - 1.0) * bump(week, p["peak"], EPIDEMIC_WIDTH)
        lam = (p["base"] * weight * season * epidemic * DENGUE_YEAR_FACTOR.get((c, year), 1.0)
               * country_year[(c, year)] * unit_year[year] * outbreak.get((year, week), 1.0))
        cases = overdispersed_count(rng, lam)
        rows.append((year, week, cases, deaths_among(rng, cases, CFR[DENGUE])))
    return rows


def malaria_series(rng, unit, weeks, outbreak):
    """Weekly (year, week, cases, deaths) of P. falciparum in a border UNIT, with zeros."""
    c = unit["country"]
    base = MALARIA_COUNTRY_BASE[c] * MALARIA_UNIT_WEIGHT.get(unit["code"], MALARIA_DEFAULT_WEIGHT)
    s = MALARIA_SEASON
    unit_year = {y: lognormal_factor(rng, UNIT_YEAR_SD) for y in range(FIRST_YEAR, LAST_YEAR_DRAWN + 1)}
    rows = []
    for year, week in weeks:
        trend = (1.0 - MALARIA_ANNUAL_DECLINE) ** (year - FIRST_YEAR)
        season = 1.0 + s["amplitude"] * bump(week, s["peak"], s["width"])
        lam = base * trend * season * unit_year[year] * outbreak.get((year, week), 1.0)
        cases = overdispersed_count(rng, lam)
        rows.append((year, week, cases, deaths_among(rng, cases, CFR[MALARIA])))
    return rows


def cholera_series(rng, weeks, cluster):
    """Weekly (year, week, cases, deaths) of cholera: the CLUSTER's cases, nil otherwise."""
    rows = []
    for year, week in weeks:
        cases = cluster.get((year, week), 0)
        if cases or CHOLERA_NIL_REPORTING:
            rows.append((year, week, cases, deaths_among(rng, cases, CFR[CHOLERA])))
    return rows


def generate(units, border, pairs, weeks):
    """Every value to send: {country: [value dict, ...]}, the series and the outbreak plans.

    A country's values are ordered series by series (disease, unit), each in week order: the
    service runs the threshold engine over the whole stored history of every series a request
    touches, so a request that holds a few whole series costs it far less than one that holds a
    few weeks of every series. Detection is causal (a week is judged on earlier weeks only), so
    the signals are the same either way.
    """
    rng = random.Random(RANDOM_SEED)
    country_year = draw_country_years(rng)
    plans = plan_outbreaks(units, pairs, weeks)
    injected = defaultdict(dict)
    for plan in plans:
        injected[(plan["disease"], plan["unit"]["code"])].update(plan["weeks"])

    units = sorted(units, key=lambda u: u["code"])
    malaria_units = [u for u in units
                     if (u["country"] in MALARIA_COUNTRIES and u["code"] in border)
                     or u["code"] in MALARIA_EXTRA_UNITS]
    # One generator per series, seeded in a fixed order, so each series is the same whatever
    # the last week is.
    jobs = ([(DENGUE, u) for u in units] + [(MALARIA, u) for u in malaria_units]
            + [(CHOLERA, u) for u in units])
    seeds = [rng.getrandbits(64) for _ in jobs]

    series = {}
    for (disease, unit), seed in zip(jobs, seeds):
        sub = random.Random(seed)
        extra = injected.get((disease, unit["code"]), {})
        if disease == DENGUE:
            rows = dengue_series(sub, unit, weeks, country_year, extra)
        elif disease == MALARIA:
            rows = malaria_series(sub, unit, weeks, extra)
        else:
            rows = cholera_series(sub, weeks, extra)
        series[(disease, unit["code"])] = (unit, rows)

    values = defaultdict(list)
    for (disease, code), (unit, rows) in series.items():
        for year, week, cases, deaths in rows:
            values[unit["country"]].append({"disease": disease, "unit": code, "epiYear": year,
                                            "epiWeek": week, "cases": cases, "deaths": deaths})
    for rows in values.values():
        rows.sort(key=lambda v: (v["disease"], v["unit"], v["epiYear"], v["epiWeek"]))
    return values, series, plans


# --- Requests ---------------------------------------------------------------------------------

def encode(values):
    """The compact JSON body of a bulk request."""
    return json.dumps({"values": values}, separators=(",", ":")).encode("utf-8")


def split_requests(values):
    """Bodies of at most MAX_VALUES_PER_REQUEST values and MAX_BODY_BYTES bytes, in order."""
    bodies, chunk, size = [], [], len(encode([]))
    for v in values:
        item = len(json.dumps(v, separators=(",", ":")).encode("utf-8")) + 1  # and a comma
        if chunk and (len(chunk) >= MAX_VALUES_PER_REQUEST or size + item > MAX_BODY_BYTES):
            bodies.append(encode(chunk))
            chunk, size = [], len(encode([]))
        chunk.append(v)
        size += item
    if chunk:
        bodies.append(encode(chunk))
    for body in bodies:
        assert len(body) <= MAX_BODY_BYTES, len(body)
    return bodies


class Gateway(ApiGateway):
    """The gateway as each country's health focal point."""

    def __init__(self, base_url):
        super().__init__(base_url, "health-surveillance seed")

    def call(self, method, path, country, body=None):
        return super().call(method, path, (country, ROLE), body)


def seeded_countries(gateway, values):
    """The countries whose values the service holds already. Each country's values go out sorted,
    in requests that each commit whole, so its last value being there means all of it is: a run
    stopped half-way is finished by the next, country by country."""
    done = set()
    for country in COUNTRIES:
        rows = values.get(country, [])
        if not rows:
            done.add(country)
            continue
        last = rows[-1]
        query = urllib.parse.urlencode({"disease": last["disease"], "unit": last["unit"],
                                        "epiYear": last["epiYear"], "epiWeek": last["epiWeek"]})
        status, result = gateway.call("GET", "/api/v1/weekly-reports:history?" + query, country)
        if status == 200:
            done.add(country)
        elif status != 404:
            print(f"health-surveillance seed: GET /api/v1/weekly-reports:history answered {status}: {result}", file=sys.stderr)
            sys.exit(1)
    return done


def send(gateway, values):
    """POST every country's values in bulk requests; totals of the ingest results."""
    totals = defaultdict(int)
    for country in COUNTRIES:
        bodies = split_requests(values.get(country, []))
        signals_before = totals["signals"]
        for body in bodies:
            status, result = gateway.call("POST", "/api/v1/weekly-reports:bulk", country, body)
            if status != 200 or not isinstance(result, dict):
                print(f"health-surveillance seed: POST /api/v1/weekly-reports:bulk as {country} answered "
                      f"{status}: {result}", file=sys.stderr)
                sys.exit(1)
            outcome = result.get("result", {})
            for key in ("received", "inserted", "corrected", "unchanged"):
                totals[key] += int(outcome.get(key, 0) or 0)
            totals["signals"] += len(outcome.get("signals", []) or [])
            totals["requests"] += 1
        print(f"Seed: {country}: {len(values.get(country, [])):,} values in {len(bodies)} requests, "
              f"{totals['signals'] - signals_before:,} signals.", flush=True)
    return totals


# --- Reports ----------------------------------------------------------------------------------

def row_counts(values):
    """{country: {disease: rows}} and {disease: rows}."""
    by_country = {c: defaultdict(int) for c in COUNTRIES}
    for country, rows in values.items():
        for v in rows:
            by_country[country][v["disease"]] += 1
    return by_country


def print_counts(values):
    """A table of rows per country and disease."""
    diseases = [DENGUE, MALARIA, CHOLERA]
    counts = row_counts(values)
    print(f"  {'country':8}" + "".join(f"{d:>20}" for d in diseases) + f"{'total':>10}")
    for c in COUNTRIES:
        row = counts[c]
        print(f"  {c:8}" + "".join(f"{row[d]:>20}" for d in diseases) + f"{sum(row.values()):>10}")
    print(f"  {'all':8}" + "".join(f"{sum(counts[c][d] for c in COUNTRIES):>20}" for d in diseases)
          + f"{sum(len(v) for v in values.values()):>10}")


def describe_outbreaks(plans):
    """One line per injected outbreak."""
    lines = []
    for plan in plans:
        weeks = sorted(plan["weeks"])
        (y0, w0), (y1, w1) = weeks[0], weeks[-1]
        span = f"{y0}-W{w0:02d}..{y1}-W{w1:02d}"
        shape = ", ".join(f"{v:g}" for _, v in sorted(plan["weeks"].items()))
        what = "x expected" if plan["kind"] == "factor" else "cases"
        note = f" ({plan['note']})" if plan.get("note") else ""
        lines.append(f"  {plan['disease']:<19} {plan['unit']['code']:<6} {plan['unit']['name']:<13}"
                     f" {span}: {shape} {what}{note}")
    return lines


def dry_run_report(values, series, plans, weeks):
    """What --dry-run prints: counts, requests, body sizes, and a few series to eyeball."""
    bodies = [b for c in COUNTRIES for b in split_requests(values.get(c, []))]
    print(f"Dry run: ISO weeks {weeks[0][0]}-W{weeks[0][1]:02d} to {weeks[-1][0]}-W{weeks[-1][1]:02d}"
          f" ({len(weeks)} weeks); nothing is sent.")
    print("Rows per country and disease:")
    print_counts(values)
    per_country = {c: len(split_requests(values.get(c, []))) for c in COUNTRIES}
    print(f"Requests: {len(bodies)} (" + ", ".join(f"{c} {n}" for c, n in per_country.items()) + ")")
    largest = max(len(b) for b in bodies)
    print(f"Largest body: {largest:,} bytes ({largest / 1048576:.2f} MiB; limit 1 MiB,"
          f" cap used {MAX_BODY_BYTES:,}); largest request {max(len(json.loads(b)['values']) for b in bodies)} values")
    print("Injected outbreaks:")
    print("\n".join(describe_outbreaks(plans)))

    unit, rows = series[(DENGUE, "LA-SV")]
    print(f"Dengue in LA-SV {unit['name']}, last 12 weeks (cases/deaths):")
    print("  " + "  ".join(f"{y}-W{w:02d}:{c}/{d}" for y, w, c, d in rows[-12:]))

    print("Dengue in Lao PDR by year (all units): season W22-W43 / whole year"
          " (2018 is not generated: the series start in 2019):")
    totals = defaultdict(lambda: [0, 0])
    for (disease, code), (u, rows) in series.items():
        if disease == DENGUE and u["country"] == "LA":
            for y, w, c, _ in rows:
                totals[y][1] += c
                if 22 <= w <= 43:
                    totals[y][0] += c
    print("  " + "  ".join(f"{y}: {s:,}/{t:,}" for y, (s, t) in sorted(totals.items())))

    print("Dengue by country and year (cases):")
    by = defaultdict(int)
    for (disease, code), (u, rows) in series.items():
        if disease == DENGUE:
            for y, w, c, _ in rows:
                by[(u["country"], y)] += c
    years = sorted({y for _, y in by})
    print(f"  {'':4}" + "".join(f"{y:>9}" for y in years))
    for c in COUNTRIES:
        print(f"  {c:4}" + "".join(f"{by[(c, y)]:>9,}" for y in years))


# --- Main -------------------------------------------------------------------------------------

def main():
    """Parse the arguments, generate, then send (or report, with --dry-run)."""
    parser = argparse.ArgumentParser(description="Seed weekly disease data into health-surveillance.")
    parser.add_argument("gateway", nargs="?", default=DEFAULT_GATEWAY, help="the gateway's base URL")
    parser.add_argument("--dry-run", action="store_true", help="generate and report; send nothing")
    args = parser.parse_args()
    started = time.monotonic()

    units, border, pairs = load_reference()
    weeks = epi_weeks(FIRST_YEAR, last_complete_week(datetime.date.today()))

    if args.dry_run:
        values, series, plans = generate(units, border, pairs, weeks)
        dry_run_report(values, series, plans, weeks)
        print(f"Done in {time.monotonic() - started:.1f} s.")
        return 0

    gateway = Gateway(args.gateway)
    # The same generator every run, so what was sent before is sent again only where it is missing.
    values, series, plans = generate(units, border, pairs, weeks)
    done = seeded_countries(gateway, values)
    if done == set(COUNTRIES):
        print("Seed: surveillance data exists already.")
        return 0

    values = {country: rows for country, rows in values.items() if country not in done}
    print(f"Seed: surveillance data {weeks[0][0]}-W{weeks[0][1]:02d} to "
          f"{weeks[-1][0]}-W{weeks[-1][1]:02d}, {sum(len(v) for v in values.values()):,} values...")
    totals = send(gateway, values)
    print("Seed: rows sent per country and disease:")
    print_counts(values)
    print(f"Seed: {totals['requests']} requests; {totals['inserted']:,} inserted, "
          f"{totals['corrected']:,} corrected, {totals['unchanged']:,} unchanged; "
          f"{totals['signals']:,} signals; {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
