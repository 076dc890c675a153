"""STOPGAP, to be deleted: small stand-ins for `loaders.gazetteer.find_places` and
`loaders.dates.find_dates`, used by `loaders.events` only while those modules are not there.

They follow the interfaces of docs/CONTRACTS.md so that events.py needs no change when the
real modules land. The tables are small on purpose: the real gazetteer owns places, the real
date module owns dates.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pycountry


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    kind: str
    iso3: str | None
    name: str
    city: str | None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: date
    end_date: date | None
    precision: str
    rule: str


_COUNTRY_ALIASES = {
    "US": "USA", "U.S.": "USA", "USA": "USA", "United States": "USA", "America": "USA",
    "UK": "GBR", "Britain": "GBR", "United Kingdom": "GBR", "Russia": "RUS", "China": "CHN",
    "Iran": "IRN", "Türkiye": "TUR", "Turkey": "TUR", "South Korea": "KOR", "Republic of Korea": "KOR",
    "North Korea": "PRK", "Syria": "SYR", "Vietnam": "VNM", "Taiwan": "TWN", "Palestine": "PSE",
    "Moldova": "MDA", "Bolivia": "BOL", "Venezuela": "VEN", "Tanzania": "TZA", "Laos": "LAO",
    "Czech Republic": "CZE", "Papua New Guinea": "PNG", "Saudi Arabia": "SAU", "ROK": "KOR",
}
_DEMONYMS = {
    "American": "USA", "Russian": "RUS", "Chinese": "CHN", "Ukrainian": "UKR", "Saudi": "SAU",
    "Iranian": "IRN", "Turkish": "TUR", "French": "FRA", "German": "DEU", "British": "GBR",
    "Japanese": "JPN", "South Korean": "KOR", "North Korean": "PRK", "Indian": "IND",
    "Israeli": "ISR", "Egyptian": "EGY", "Qatari": "QAT", "Jordanian": "JOR", "Palestinian": "PSE",
    "Armenian": "ARM", "Azerbaijani": "AZE", "Kazakh": "KAZ", "Swiss": "CHE", "Australian": "AUS",
    "Brazilian": "BRA", "Thai": "THA", "Italian": "ITA", "Canadian": "CAN", "Polish": "POL",
    "Hungarian": "HUN", "Belarusian": "BLR", "Syrian": "SYR", "Iraqi": "IRQ", "Omani": "OMN",
    "Emirati": "ARE", "Pakistani": "PAK", "Afghan": "AFG", "Mexican": "MEX", "Spanish": "ESP",
}
_CAPITALS = {
    "Washington": ("USA", "Washington"), "Washington, D.C.": ("USA", "Washington"),
    "Washington, DC": ("USA", "Washington"), "Moscow": ("RUS", "Moscow"), "Beijing": ("CHN", "Beijing"),
    "Kyiv": ("UKR", "Kyiv"), "Kiev": ("UKR", "Kyiv"), "Tehran": ("IRN", "Tehran"), "Riyadh": ("SAU", "Riyadh"),
    "Ankara": ("TUR", "Ankara"), "Paris": ("FRA", "Paris"), "Berlin": ("DEU", "Berlin"),
    "London": ("GBR", "London"), "Tokyo": ("JPN", "Tokyo"), "Seoul": ("KOR", "Seoul"),
    "Pyongyang": ("PRK", "Pyongyang"), "New Delhi": ("IND", "New Delhi"), "Delhi": ("IND", "New Delhi"),
    "Jerusalem": ("ISR", "Jerusalem"), "Cairo": ("EGY", "Cairo"), "Doha": ("QAT", "Doha"),
    "Amman": ("JOR", "Amman"), "Yerevan": ("ARM", "Yerevan"), "Baku": ("AZE", "Baku"),
    "Astana": ("KAZ", "Astana"), "Bern": ("CHE", "Bern"), "Canberra": ("AUS", "Canberra"),
    "Bangkok": ("THA", "Bangkok"), "Vienna": ("AUT", "Vienna"), "Taipei": ("TWN", "Taipei"),
    "Abu Dhabi": ("ARE", "Abu Dhabi"), "Muscat": ("OMN", "Muscat"), "Baghdad": ("IRQ", "Baghdad"),
    "Valletta": ("MLT", "Valletta"), "Vilnius": ("LTU", "Vilnius"), "Minsk": ("BLR", "Minsk"),
    "Budapest": ("HUN", "Budapest"), "Warsaw": ("POL", "Warsaw"), "Rome": ("ITA", "Rome"),
}
_CITIES = {
    "Istanbul": ("TUR", "Istanbul"), "Sochi": ("RUS", "Sochi"), "Vladivostok": ("RUS", "Vladivostok"),
    "Almaty": ("KAZ", "Almaty"), "Sydney": ("AUS", "Sydney"), "Shanghai": ("CHN", "Shanghai"),
    "Guangzhou": ("CHN", "Guangzhou"), "Canton": ("CHN", "Guangzhou"), "San Francisco": ("USA", "San Francisco"),
    "Woodside": ("USA", "Woodside"), "Bali": ("IDN", "Bali"), "Samarkand": ("UZB", "Samarkand"),
    "Jeddah": ("SAU", "Jeddah"), "Geneva": ("CHE", "Geneva"), "Lucerne": ("CHE", "Lucerne"),
    "Stansstad": ("CHE", "Stansstad"), "Bürgenstock": ("CHE", "Bürgenstock"), "BUERGENSTOCK": ("CHE", "Bürgenstock"),
    "Odesa": ("UKR", "Odesa"), "New York": ("USA", "New York"), "Hiroshima": ("JPN", "Hiroshima"),
}
_VENUES = {
    "Camp David": ("USA", "Camp David"), "Vostochny Cosmodrome": ("RUS", "Vostochny Cosmodrome"),
    "Cosmodrome Vostochny": ("RUS", "Vostochny Cosmodrome"), "Filoli": ("USA", "Woodside"),
}
_SEATS = {
    "White House": ("USA", "Washington"), "Kremlin": ("RUS", "Moscow"), "State Department": ("USA", "Washington"),
    "Department of State": ("USA", "Washington"), "Pentagon": ("USA", "Washington"),
    "Downing Street": ("GBR", "London"), "Elysee": ("FRA", "Paris"), "Élysée": ("FRA", "Paris"),
}
_CAPITAL_PHRASES = {  # "the Saudi capital"
    demonym + " capital": code for demonym, code in _DEMONYMS.items()
}
_OFFICIALS = {
    "Joe Biden": "USA", "Biden": "USA", "Donald Trump": "USA", "Trump": "USA", "Antony Blinken": "USA",
    "Anthony Blinken": "USA", "Blinken": "USA", "Jake Sullivan": "USA", "Sullivan": "USA",
    "Kamala Harris": "USA", "Harris": "USA", "Marco Rubio": "USA", "Rubio": "USA", "Janet Yellen": "USA",
    "Yellen": "USA", "Nicholas Burns": "USA", "Bill Burns": "USA", "Brett McGurk": "USA",
    "Xi Jinping": "CHN", "Xi": "CHN", "Wang Yi": "CHN", "Qin Gang": "CHN", "Li Qiang": "CHN",
    "Vladimir Putin": "RUS", "Putin": "RUS", "Sergey Lavrov": "RUS", "Sergei Lavrov": "RUS",
    "Lavrov": "RUS", "Volodymyr Zelenskyy": "UKR", "Volodymyr Zelensky": "UKR", "Zelenskyy": "UKR",
    "Zelensky": "UKR", "Recep Tayyip Erdoğan": "TUR", "Erdoğan": "TUR", "Erdogan": "TUR",
    "Hakan Fidan": "TUR", "Fidan": "TUR", "Kim Jong Un": "PRK", "Kim Jong-un": "PRK", "Kim Jong-il": "PRK",
    "Kim": "PRK", "Emmanuel Macron": "FRA", "Macron": "FRA", "Olaf Scholz": "DEU", "Scholz": "DEU",
    "Narendra Modi": "IND", "Modi": "IND", "Fumio Kishida": "JPN", "Kishida": "JPN",
    "Yoon Suk Yeol": "KOR", "Yoon": "KOR", "Anthony Albanese": "AUS", "Albanese": "AUS",
    "Rishi Sunak": "GBR", "Luiz Inacio Lula da Silva": "BRA", "King Abdullah II": "JOR",
    "King Abdullah": "JOR", "Abdel Fattah Sissi": "EGY", "Sissi": "EGY", "Mahmoud Abbas": "PSE",
    "Abbas": "PSE", "Ayman Safadi": "JOR", "Safadi": "JOR", "Jeyhun Bayramov": "AZE", "Bayramov": "AZE",
    "Ararat Mirzoyan": "ARM", "Mirzoyan": "ARM", "Murat Nurtleu": "KAZ", "Kassym-Jomart Tokayev": "KAZ",
    "Faisal Bin Farhan": "SAU", "Hossein Amir Abdollahian": "IRN", "Ali Shamkhani": "IRN",
    "Benjamin Netanyahu": "ISR", "Netanyahu": "ISR", "David Barnea": "ISR", "Abbas Kamel": "EGY",
    "Mohammed bin Salman": "SAU", "Srettha Thavisin": "THA", "Jens Stoltenberg": None,
}
_ORGANIZATIONS = {
    "NATO": "NATO", "EU": "EU", "European Union": "EU", "G20": "G20", "G7": "G7", "APEC": "APEC",
    "Asia-Pacific Economic Cooperation": "APEC", "BRICS": "BRICS", "SCO": "SCO", "Quad": "Quad",
    "United Nations": "UN", "UN": "UN", "Shanghai Cooperation Organisation": "SCO",
}


def _entries():
    out = {}
    for country in pycountry.countries:
        out[country.name] = ("country", country.alpha_3, country.name, None)
        common = getattr(country, "common_name", None)
        if common:
            out[common] = ("country", country.alpha_3, common, None)
    for text, code in _COUNTRY_ALIASES.items():
        out[text] = ("country", code, text, None)
    for text, code in _DEMONYMS.items():
        out[text] = ("demonym", code, text, None)
    for text, (code, city) in _CAPITALS.items():
        out[text] = ("capital", code, city, city)
    for text, (code, city) in _CITIES.items():
        out[text] = ("city", code, city, city)
    for text, (code, city) in _VENUES.items():
        out[text] = ("venue", code, city, city)
    for text, (code, city) in _SEATS.items():
        out[text] = ("seat", code, text, city)
    for text, code in _CAPITAL_PHRASES.items():
        capital = next((c for c, (iso, _) in _CAPITALS.items() if iso == code), None)
        out[text] = ("capital", code, capital or text, capital)
    for text, code in _OFFICIALS.items():
        out[text] = ("official", code, text, None)
    for text, acronym in _ORGANIZATIONS.items():
        out[text] = ("organization", None, acronym, None)
    return out


_ENTRIES = _entries()
_PLACE_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(k) for k in sorted(_ENTRIES, key=len, reverse=True)) + r")(?![\w])")


def find_places(text):
    """Stand-in for loaders.gazetteer.find_places."""
    out = []
    for match in _PLACE_RE.finditer(text):
        kind, iso3, name, city = _ENTRIES[match.group(0)]
        out.append(Place(match.start(), match.end(), match.group(0), kind, iso3, name, city))
    return out


_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], 1)}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_MONTH = r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_PATTERNS = (
    ("range", re.compile(_MONTH + r"\s+(?P<d>\d{1,2})\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2})(?:,?\s+(?P<y>\d{4}))?\b")),
    ("range", re.compile(r"\b(?P<d>\d{1,2})\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2})\s+" + _MONTH + r"(?:,?\s+(?P<y>\d{4}))?")),
    ("absolute", re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b")),
    ("absolute", re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r"(?:,?\s+(?P<y>\d{4}))?")),
    ("month", re.compile(r"\b(?:(?:early|late|mid)\s+)?" + _MONTH + r"\s+(?P<y>\d{4})\b")),
    ("relative-month", re.compile(r"\b(?P<rel>last|next|this|in|since)\s+" + _MONTH.replace("\\.?", "") + r"\b")),
    ("weekday", re.compile(r"\b(?P<rel>last|next|this|on|earlier|late|early|by)?\s*(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b")),
    ("relative", re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow|this week|next week|last week|this weekend|last month|next month|this month)\b", re.IGNORECASE)),
)


def find_dates(text, published):
    """Stand-in for loaders.dates.find_dates: the common English forms only."""
    if isinstance(published, datetime):
        published = published.date()
    taken = []
    out = []
    for rule, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            mention = _resolve(rule, match, published)
            if mention:
                taken.append((match.start(), match.end()))
                out.append(mention)
    return sorted(out, key=lambda m: m.start)


def _resolve(rule, match, published):
    g = match.groupdict()
    text = match.group(0).strip()
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    try:
        if rule in ("range", "absolute"):
            month = _MONTHS[g["m"].lower().rstrip(".")]
            year = int(g["y"]) if g.get("y") else (published.year if published else None)
            if year is None:
                return None
            day = date(year, month, int(g["d"]))
            end = date(year, month, int(g["d2"])) if g.get("d2") else None
            return DateMention(start, match.end(), text, day, end, "day", rule)
        if rule == "month":
            return DateMention(start, match.end(), text, date(int(g["y"]), _MONTHS[g["m"].lower().rstrip(".")], 1), None, "month", rule)
        if published is None:
            return None
        if rule == "relative-month":
            month = _MONTHS[g["m"].lower()]
            year = published.year
            if g["rel"] == "last" or (g["rel"] in ("in", "since") and month > published.month and False):
                year -= 1 if month >= published.month else 0
            if g["rel"] == "next" and month <= published.month:
                year += 1
            return DateMention(start, match.end(), text, date(year, month, 1), None, "month", rule)
        if rule == "weekday":
            target = _WEEKDAYS.index(g["w"].lower())
            delta = target - published.weekday()
            rel = (g.get("rel") or "").lower()
            if rel == "next":
                delta = delta + 7 if delta <= 0 else delta
            elif rel in ("last", "earlier"):
                delta = delta - 7 if delta > 0 else delta
            elif delta > 3:
                delta -= 7
            elif delta < -3:
                delta += 7
            return DateMention(start, match.end(), text, published + timedelta(days=delta), None, "day", rule)
        word = g["word"].lower()
        if word in ("today", "tonight"):
            return DateMention(start, match.end(), text, published, None, "day", rule)
        if word == "yesterday":
            return DateMention(start, match.end(), text, published - timedelta(days=1), None, "day", rule)
        if word == "tomorrow":
            return DateMention(start, match.end(), text, published + timedelta(days=1), None, "day", rule)
        if word.endswith("week") or word.endswith("weekend"):
            shift = {"this": 0, "next": 7, "last": -7}[word.split()[0]]
            monday = published - timedelta(days=published.weekday()) + timedelta(days=shift)
            if word.endswith("weekend"):
                return DateMention(start, match.end(), text, monday + timedelta(days=5), monday + timedelta(days=6), "day", rule)
            return DateMention(start, match.end(), text, monday, monday + timedelta(days=6), "week", rule)
        if word.endswith("month"):
            shift = {"this": 0, "next": 1, "last": -1}[word.split()[0]]
            month = published.month + shift
            year = published.year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            return DateMention(start, match.end(), text, date(year, month, 1), None, "month", rule)
    except (ValueError, KeyError):
        return None
    return None
