"""Places, parties and people named in an article: countries, demonyms, capitals, seats of power,
cities, venues, officials and organizations, found by table look-up.

Every name comes from the CSV tables under data/gazetteer/ (their columns and sources are in
the README there); no rule here names a country. The tables are read once, at import, into one
dictionary keyed by token sequences, so `find_places` costs a dictionary look-up per word.
States that dissolved are found under their ISO 3166-3 code ("the Soviet Union" -> SUN);
`format_members` tells who takes part in a named format ("six-party talks", "P5+1", "G20").

    >>> [(p.text, p.kind, p.iso3) for p in find_places("Moscow and Washington met in Türkiye.")]
    [('Moscow', 'capital', 'RUS'), ('Washington', 'capital', 'USA'), ('Türkiye', 'country', 'TUR')]
"""
import csv
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from loaders.errors import ParleyError

TABLES = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

KINDS = ("country", "demonym", "capital", "seat", "official", "city", "venue", "organization")


@dataclass(frozen=True)
class Place:
    """One name found in a text.

    `start`/`end` index the text (`text == source[start:end]`); `kind` is one of KINDS; `iso3`
    is the country the name stands for (None for organizations and their officials); `name` is
    canonical (country name, city name, official's full name, organization acronym); `city` is
    the locality of a city, capital, seat or venue ('Washington' for 'the White House').
    """
    start: int
    end: int
    text: str
    kind: str
    iso3: str | None
    name: str
    city: str | None


@dataclass(frozen=True)
class _Entry:
    kind: str  # one of KINDS, or "block" for not_places.csv
    iso3: str | None
    name: str
    city: str | None
    guard: str = ""  # "" | "surname" | "given_name" | "pair" | "prefix"
    # A name several officials share ("Johnson", "Assad", "Eduard Shevardnadze"): each one's
    # terms as ((first year, last year, entry), ...), and the entry the name stands for when the
    # year is unknown or no term holds it (None: the name is not matched then).
    eras: tuple = ()
    undated: "_Entry | None" = None


# Which table wins when two give the same surface form ("Armenia" is also a Colombian city).
_PRIORITY = {"block": 0, "country": 1, "capital": 2, "organization": 3, "seat": 4, "venue": 5,
             "demonym": 6, "official": 7, "city": 8}

# Kinds whose names are also matched in capitals, as in datelines ("BUERGENSTOCK, Switzerland").
_UPPERCASE_KINDS = {"country", "capital", "city", "venue"}
# Kinds whose lowercase phrases are also matched at the start of a sentence ("Six-party talks",
# "Former Soviet republics").
_SENTENCE_CASE_KINDS = {"block", "organization"}

_TOKEN = re.compile(r"\w+|[^\w\s]")
# Same-length replacements, so offsets into the translated text are offsets into the original.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-"})
_TITLE_CASE = re.compile(r"[A-Z][a-z]")
_TERM = re.compile(r"(\d{4})(?:-(\d{4})?)?")
_STILL_IN_OFFICE = 9999
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")

# Words that may stand right before a surname without being a first name ("President Xi",
# "When Putin"); any other Title-case word there is taken as another person's first name
# ("Kevin Sullivan"), and the surname is not matched.
_NOT_FIRST_NAMES = frozenset("""
President Presidents Prime Minister Ministers Secretary Vice Chancellor Premier Leader King Queen
Prince Princess Crown Emir Sheikh Sultan Mr Mrs Ms Dr Sir Lord Dame General Gen Admiral Adm
Ambassador Envoy Adviser Advisor Spokesman Spokeswoman Spokesperson Senator Sen Rep
Representative Governor Gov Mayor Director Chief Commissioner Chairman Chair Chairwoman Deputy
Foreign Defense Defence State Affairs Security National Special Pope Cardinal Ayatollah Marshal
Field Colonel Col Justice Speaker Counsellor Counselor Officer Commander Supreme Emperor Former
Ex Elect Candidate Nominee Comrade Tsar Czar Pres Madam Mister Interior Treasury Finance Trade
Economy Energy Commerce Mme Monsieur Herr Frau Presidential Minister-President Head Top Team
Administration Office Department Ministry Government Cabinet Council Assistant Senior Acting
Interim Outgoing Incoming Caretaker Opposition Party Army Navy Intelligence Envoys Hawks
The A An As But And Or Nor When While If After Before Since Then So Yet Both That This These Those
Meanwhile However Also Earlier Later Today Yesterday Tomorrow On In At For With Without From To
By Of Under Over Between Among During Why How What Where Who Whom Whose Whether Because Although
Though Unlike Like Asked Speaking Neither Even Only Now Once Still Instead Indeed Ahead
Following According Last Next Photo Source Sources Reuters AP AFP Thus Here There It He She They
We I You Did Does Do Will Would Could Should Can May Might Must Has Have Had Is Are Was Were Not
No Yes Dear Said Says Told Meeting Talks Summit Call Visit Trip Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April June July August September October November
December Sept Sep Oct Nov Dec Jan Feb Mar Apr Jun Jul Aug Mrs Miss Msgr Fr Rev Father His Her Their
Our Its Every Each Any All Some Many Most Few Several Several Other Another Such Than Via Per
Generalissimo Brigadier Major Captain Lieutenant Lt Commodore Archbishop Bishop Rabbi Imam Shah
Kaiser Duke Duchess Baron Baroness Prelate Patriarch Metropolitan Chancellor-elect President-elect
""".split())

# Words that may follow a country that is also a first name ("Jordan Valley" is still Jordan).
_NOT_SURNAMES = frozenset("""
Valley River Sea Basin Defense Defence Forces Army Navy Air Government Gate Lake Street Embassy
Ministry Foreign Prime President King Crown Border Delta Peninsula
""".split())


def _straight(text):
    """`text` with straight apostrophes and hyphens (str.translate is slow: most names need none)."""
    return text if text.isascii() and "`" not in text else text.translate(_APOSTROPHES)


def fold(text):
    """ASCII spelling with straight apostrophes: 'Bürgenstock' -> 'Burgenstock'."""
    if text.isascii():
        return _straight(text)  # no accent to take off
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _place_key(name):
    """How a place name is looked up: accents, case, spacing and a leading 'the' do not count."""
    key = " ".join(fold(name).casefold().split())
    return key[4:] if key.startswith("the ") else key


def _tokens(text):
    return tuple(_TOKEN.findall(_straight(text)))


def _rows(name):
    with open(TABLES / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _split(aliases):
    return [alias.strip() for alias in (aliases or "").split("|") if alias.strip()]


class _Index:
    """Every surface form of every table, keyed by its token tuple."""

    def __init__(self):
        self.entries = {}      # token tuple -> _Entry
        self.longest = {}      # first token -> longest key length (in tokens) starting with it
        self.countries = {}    # iso3 -> canonical name
        self.former = {}       # ISO 3166-3 code of a former country -> name
        self.organizations = {}  # place key of an organization's name or alias -> its name
        self.formats = {}      # organization name -> (member ISO3 codes, member organizations)
        self.capitals = {}     # iso3 -> [capital city names]
        self.localities = {}   # casefolded ascii name -> iso3, for city_country
        self.points = {}       # place key -> [(iso3, lat, lon)], best first, for coordinates
        self.roles = {}        # official's canonical name -> roles held ("president", "prime minister")
        self._load()

    def add(self, surface, entry):
        variants = {surface, fold(surface)}
        if entry.kind in _SENTENCE_CASE_KINDS and surface[:1].islower():
            variants |= {variant[0].upper() + variant[1:] for variant in variants}
        if entry.kind in _UPPERCASE_KINDS and len(surface) >= 4:
            variants |= {variant.upper() for variant in variants}
        for variant in variants:
            key = _tokens(variant)
            if not key:
                continue
            held = self.entries.get(key)
            if held is not None and _PRIORITY[held.kind] <= _PRIORITY[entry.kind]:
                continue
            self.entries[key] = entry
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def _locality(self, name, iso3):
        key = fold(name).casefold()
        if key not in self.localities:
            self.localities[key] = iso3

    def _load(self):
        historic = _rows("historic_countries.csv")
        self.former = {row["iso3"]: row["name"] for row in historic}
        # Only states that dissolved or split are named in text; renamed ones are today's country.
        former = [row for row in historic if row["aliases"] or row["demonyms"]]
        countries = _rows("countries.csv")
        for row in countries:
            self.countries[row["iso3"]] = row["name"]
            self.capitals[row["iso3"]] = _split(row["capitals"])
        for row in _rows("not_places.csv"):
            self.add(row["phrase"], _Entry("block", None, row["phrase"], None))

        def add_country(surface, iso3, guard=""):
            capital = next((c for c in self.capitals[iso3] if fold(c) == fold(surface)), None)
            if capital:  # a city-state: the name is its capital too ("in Singapore")
                self.add(surface, _Entry("capital", iso3, capital, capital))
            else:
                self.add(surface, _Entry("country", iso3, self.countries[iso3], None, guard))

        # Aliases first: their guards hold for the same names in countries.csv ("Jordan").
        for row in _rows("country_aliases.csv"):
            add_country(row["alias"], row["iso3"], row["guard"])
        for row in countries:
            for surface in (row["name"], row["official_name"], row["iso_name"]):
                if surface and "," not in surface and "(" not in surface:
                    add_country(surface, row["iso3"])
        self._add_former_countries(former)

        stoplist = {row["name"] for row in _rows("city_stoplist.csv")}
        cities = sorted(_rows("cities.csv"), key=lambda r: (-int(r["capital"]), -int(r["population"])))
        for row in cities:  # the capital, then the biggest, first: the first of a name keeps it
            kind = "capital" if row["capital"] == "1" else "city"
            entry = _Entry(kind, row["iso3"], row["name"], row["name"])
            for surface in [row["name"], row["ascii_name"], *_split(row["alternates"])]:
                self._locality(surface, row["iso3"])
                if surface not in stoplist:
                    self._add_city(surface, entry)
        for row in _rows("venues.csv"):
            entry = _Entry("venue", row["iso3"], row["name"], row["city"])
            for surface in [row["name"], *_split(row["aliases"])]:
                self.add(surface, entry)
                self._locality(surface, row["iso3"])
        for row in _rows("seats.csv"):
            entry = _Entry("seat", row["iso3"], row["name"], row["city"])
            for surface in [row["name"], *_split(row["aliases"])]:
                self.add(surface, entry)
                self._locality(surface, row["iso3"])
        for row in _rows("organizations.csv"):
            entry = _Entry("organization", None, row["name"], None)
            for surface in [row["name"], *_split(row["aliases"])]:
                self.add(surface, entry)
                self.organizations[_place_key(surface)] = row["name"]
        for row in _rows("formats.csv"):
            self.formats[row["name"]] = (tuple(_split(row["members"])), tuple(_split(row["bodies"])),
                                         row["seated"] == "1")
        self._add_officials()
        self._add_demonyms(former)
        self._add_points(cities)

    def _add_officials(self):
        """Officials by name and alias. A name several rows share is one entry holding each
        row's terms, so `find_places` picks the one in office in the article's year: "Johnson" is
        Lyndon B. Johnson (USA) in 1967 and Boris Johnson (GBR) in 2020. Without a year (or in a
        year no term holds) it is the first row's, as one row's name always is, except a one-word
        name of officials of different countries, which is then not matched."""
        shared = {}  # folded token key -> [(surface, terms, entry)], in row order
        for row in _rows("officials.csv"):
            self.roles.setdefault(row["name"], set()).update(
                role.strip() for role in (row["role"] or "").split(";") if role.strip())
            terms = _terms(row)
            for surface in [row["name"], *_split(row["aliases"])]:
                guard = "surname" if surface != row["name"] and len(_tokens(surface)) == 1 else ""
                entry = _Entry("official", row["iso3"] or None, row["name"], None, guard)
                shared.setdefault(_tokens(fold(surface)), []).append((surface, terms, entry))
        for key, named in shared.items():
            holders = list(dict.fromkeys(entry for _, _, entry in named))
            entry = holders[0]
            if len(holders) > 1:
                eras = tuple((first, last, held) for _, terms, held in named for first, last in terms)
                ambiguous = len(key) == 1 and len({held.iso3 for held in holders}) > 1
                entry = replace(entry, eras=eras, undated=None if ambiguous else entry)
            for surface in dict.fromkeys(surface for surface, _, _ in named):
                self.add(surface, entry)

    def _add_former_countries(self, former):
        """Names of states that dissolved or split ("the Soviet Union", "Yugoslavia", "East
        Germany"), found under their ISO 3166-3 code. A name made of two of today's countries
        ("Serbia and Montenegro") is guarded: in a list of countries it names the two."""
        for row in former:
            for surface in [row["name"], *_split(row["aliases"])]:
                parts = surface.split(" and ")
                pair = len(parts) == 2 and all(
                    getattr(self.entries.get(_tokens(part)), "kind", None) == "country" for part in parts)
                self.add(surface, _Entry("country", row["iso3"], row["name"], None, "pair" if pair else ""))

    def _add_points(self, cities):
        """Coordinates by name: cities (capital, then the biggest, first), venues, then seats at
        their city. A name is listed once per country, so the order decides within a country."""
        def point(surface, iso3, lat, lon):
            points = self.points.setdefault(_place_key(surface), [])
            if all(held[0] != iso3 for held in points):
                points.append((iso3, lat, lon))

        for row in cities:
            for surface in [row["name"], row["ascii_name"], *_split(row["alternates"])]:
                point(surface, row["iso3"], float(row["lat"]), float(row["lon"]))
        for row in _rows("venues.csv"):
            for surface in [row["name"], *_split(row["aliases"])]:
                point(surface, row["iso3"], float(row["lat"]), float(row["lon"]))
        for row in _rows("seats.csv"):
            located = [p for p in self.points.get(_place_key(row["city"]), []) if p[0] == row["iso3"]]
            for surface in [row["name"], *_split(row["aliases"])] if located else []:
                point(surface, *located[0])

    def _add_city(self, surface, entry):
        # A city never takes a name another table gave a country, person or body.
        held = self.entries.get(_tokens(surface))
        if held is None or held.kind in ("city", "capital"):
            self.add(surface, entry)

    def _add_demonyms(self, former):
        demonyms = [(row["demonym"], row["iso3"], self.countries[row["iso3"]], self.capitals.get(row["iso3"]))
                    for row in _rows("demonyms.csv")]
        # A former country's capital is found as the city is today ("the Soviet capital" is
        # Moscow, RUS), as "Moscow" itself is.
        old_capitals = {row["iso3"]: [row["capital"]] if row["capital"] else [] for row in former}
        demonyms += [(demonym, row["iso3"], row["name"], old_capitals[row["iso3"]])
                     for row in former for demonym in _split(row["demonyms"])]
        for row in _rows("combining_forms.csv"):
            self.add(row["form"], _Entry("demonym", row["iso3"], self.countries[row["iso3"]], None, guard="prefix"))
        for demonym, iso3, name, capitals in demonyms:
            self.add(demonym, _Entry("demonym", iso3, name, None))
            if demonym.endswith(("an", "i")):
                self.add(demonym + "s", _Entry("demonym", iso3, name, None))
            if capitals:  # "the Saudi capital" is Riyadh
                self.add(f"{demonym} capital", self._capital_entry(iso3, capitals[0]))
        named = [(name, iso3, self.capitals.get(iso3)) for iso3, name in self.countries.items()]
        named += [(row["name"], row["iso3"], old_capitals[row["iso3"]]) for row in former]
        for name, iso3, capitals in named:
            if capitals:  # "Ukraine's capital" is Kyiv
                self.add(f"{name}'s capital", self._capital_entry(iso3, capitals[0]))

    def _capital_entry(self, iso3, city):
        located = iso3 if iso3 in self.countries else self.localities.get(fold(city).casefold(), iso3)
        return _Entry("capital", located, city, city)


def _terms(row):
    """An official's terms as ((first year, last year), ...): "2017-2021; 2025-" ->
    ((2017, 2021), (2025, 9999)); "2022" -> ((2022, 2022),)."""
    terms = []
    for part in row["years"].split(";"):
        match = _TERM.fullmatch(part.strip())
        if not match:
            raise ParleyError(f"officials.csv: years {row['years']!r} of {row['name']!r} is not a list "
                              f"of terms (expected for example '1963-1969', '2000-' or '2017-2021; 2025-')")
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first if "-" not in part else _STILL_IN_OFFICE
        terms.append((first, last))
    return tuple(terms)


def _in_office(entry, year):
    """The official a shared name stands for in `year`: the one whose term holds it (if all
    whose terms hold it speak for one country), else the name's undated reading."""
    if year is not None:
        holders = [held for first, last, held in entry.eras if first <= year <= last]
        if holders and all(held.iso3 == holders[0].iso3 for held in holders):
            return holders[0]
    return entry.undated


_INDEX = _Index()


def _is_first_name(token):
    return (bool(_TITLE_CASE.match(token)) and token not in _NOT_FIRST_NAMES
            and (token,) not in _INDEX.entries)


def _guarded(entry, spans, i, j, text):
    """True when a surname or a first-name-like country is better read as part of another name,
    or a two-country name ("Serbia and Montenegro") ends a list of countries."""
    if entry.guard == "prefix":  # "Sino-Indian", not "General Franco"
        return not (j < len(spans) and spans[j][2] == "-" and spans[j][0] == spans[j - 1][1] and
                    j + 1 < len(spans) and spans[j + 1][0] == spans[j][1] and spans[j + 1][2][:1].isupper())
    if entry.guard == "pair":
        before = _INDEX.entries.get((spans[i - 2][2],)) if i > 1 and spans[i - 1][2] == "," else None
        return before is not None and before.kind == "country"  # "Albania, Serbia and Montenegro"
    if i > 0 and text[spans[i - 1][1]:spans[i][0]] in (" ", "\u00a0"):
        if _is_first_name(spans[i - 1][2]):
            return True  # "Kevin Sullivan", "Michael Jordan"
    if entry.guard == "given_name" and j < len(spans) and text[spans[j - 1][1]:spans[j][0]] == " ":
        following = spans[j][2]
        after = spans[j + 1][2] if j + 1 < len(spans) else "."
        if _TITLE_CASE.match(following) and following not in _NOT_SURNAMES and not _TITLE_CASE.match(after):
            return True  # "Jordan Bardella said", but not a Title-Case headline "Jordan Hosts Summit"
    return False


def find_places(text, year=None):
    """Find every country, demonym, capital, seat, city, venue, official and organization named.

    Takes the text of an article and, optionally, the year it tells of (an int, usually the
    year of publication). Returns a list of Place, in text order, not overlapping: where names
    overlap the longest wins ("South Korea" not "Korea", "the Saudi capital" not "Saudi").
    Matching is case-sensitive ("US" but not "us"; "Turkey" but not "turkey"); a possessive
    ("Russia's") matches the name without its "'s".

    `year` only tells apart officials who share a name (officials.csv `years`): "Johnson" is
    Lyndon B. Johnson (USA) with year=1967 and Boris Johnson (GBR) with year=2020, and is not
    matched without a year, or in a year when neither was in office; "Assad" is Hafez al-Assad
    in 1990 and Bashar al-Assad otherwise. A full name always matches. Raises ParleyError for a
    year that is not an int; an empty text gives [].

    >>> [(p.text, p.kind, p.iso3, p.city) for p in find_places("He met in the Saudi capital.")]
    [('Saudi capital', 'capital', 'SAU', 'Riyadh')]
    >>> [(p.name, p.iso3) for p in find_places("Johnson flew to Paris.", year=1967)]
    [('Lyndon B. Johnson', 'USA'), ('Paris', 'FRA')]
    """
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise ParleyError(f"year {year!r} is not a year (expected an int such as 1967, or None)")
    normalised = text.translate(_APOSTROPHES)
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(normalised)]
    words = [span[2] for span in spans]
    entries, longest = _INDEX.entries, _INDEX.longest
    candidates = []
    for i, word in enumerate(words):
        most = longest.get(word)
        if most is None:
            continue
        for size in range(min(most, len(words) - i), 0, -1):
            entry = entries.get(tuple(words[i:i + size]))
            if entry is not None and entry.eras:
                entry = _in_office(entry, year)
            if entry is not None:
                candidates.append((i, i + size, entry))
                if entry.guard != "pair":
                    break  # else keep the shorter name too, for when the guard holds
    if not candidates:
        return []
    # Longest first; equal lengths in text order.
    candidates.sort(key=lambda c: (-(spans[c[1] - 1][1] - spans[c[0]][0]), c[0]))
    taken = set()
    places = []
    for i, j, entry in candidates:
        if any(k in taken for k in range(i, j)):
            continue
        if entry.guard and _guarded(entry, spans, i, j, normalised):
            continue
        taken.update(range(i, j))
        if entry.kind == "block":
            continue
        start, end = spans[i][0], spans[j - 1][1]
        places.append(Place(start, end, text[start:end], entry.kind, entry.iso3, entry.name, entry.city))
    places.sort(key=lambda place: place.start)
    return places


def country_name(iso3):
    """The short English name of a country: country_name('TUR') -> 'Türkiye'.

    Former countries' ISO 3166-3 codes give their names too (country_name('DDR') -> 'East Germany').
    Raises ParleyError for a code that is neither (nor Kosovo's XKX).
    """
    try:
        return _INDEX.countries.get(iso3) or _INDEX.former[iso3]
    except (KeyError, TypeError):
        raise ParleyError(f"country code {iso3!r} is not an ISO 3166-1 alpha-3 code (for example 'USA')") from None


def official_roles(name):
    """The roles officials.csv gives an official, by canonical name: official_roles('Theresa May')
    -> frozenset({'prime minister'}); empty for a name it does not hold."""
    return frozenset(_INDEX.roles.get(name, ()))


def is_country_code(code):
    """True for a current ISO 3166-1 alpha-3 code, Kosovo's XKX, or a former country's ISO 3166-3
    code: is_country_code('DDR') -> True. Use it to accept records; is_iso3 for today's map."""
    return is_iso3(code) or (isinstance(code, str) and code in _INDEX.former)


def is_iso3(code):
    """True for an ISO 3166-1 alpha-3 code (or Kosovo's XKX): is_iso3('RUS') -> True."""
    return isinstance(code, str) and code in _INDEX.countries


def capital(iso3):
    """The capital that stands for a country's government, or None: capital('SAU') -> 'Riyadh'."""
    return next(iter(_INDEX.capitals.get(iso3) or []), None)


def city_country(name):
    """The ISO3 code of the country a city, venue or seat of power is in, or None if unknown.

    Case and accents do not matter: city_country('kiev') -> 'UKR'; city_country('Camp David')
    -> 'USA'; city_country('the White House') -> 'USA'.
    """
    if not isinstance(name, str):
        return None
    key = fold(name.strip()).casefold()
    # "The Hague" is stored with its article; "the Kremlin" without it
    return _INDEX.localities.get(key) or _INDEX.localities.get(_place_key(name))


def coordinates(city, iso3=None):
    """Where a city, venue or seat of power is: (lat, lon) in degrees, or None when unknown.

    Names are matched as city_country matches them (case, accents and a leading "the" do not
    count; alternates such as "Kiev" or "Canton" are accepted); a seat stands at its city
    (the White House at Washington). With `iso3`, only a place in that country answers, so a
    marker never lands in another country than the event's ("London", "CAN" is London, Ontario;
    "Paris", "USA" is None, as the table has no Paris in the United States). Without it, the
    capital, then the most populous city of that name wins. A "City, Region" text that is not
    itself a name is looked up without a parenthesis ("Kingston (Jamaica)"), then by its first part
    ("Geneva, Switzerland"; "Lota, Santiago" stays None). Raises nothing.

    >>> coordinates("Kiev", "UKR")
    (50.4547, 30.5238)
    """
    if not isinstance(city, str) or not city.strip():
        return None
    # only the first part of a list: "Vancouver, Washington" must not give Washington, D.C.
    for name in (city, _PARENTHESIS.sub("", city), city.split(",")[0]):
        for place, lat, lon in _INDEX.points.get(_place_key(name), []):
            if iso3 is None or place == iso3:
                return lat, lon
    return None


def format_members(name):
    """The member countries of a named diplomatic format or grouping, as ISO3 codes.

    Takes the organization's name as Place.name gives it ("Six-Party Talks", "P5+1", "Quad",
    "G20") or one of its aliases ("six-party talks", "E3+3", "G-20"); case and accents do not
    count. Returns a tuple in the order of data/gazetteer/formats.csv, () for a known body whose
    membership the table does not list (NATO, the EU). Member organizations are in
    format_bodies. Raises ParleyError for a name that is no organization of the gazetteer.

    >>> format_members("Normandy format")
    ('RUS', 'UKR', 'FRA', 'DEU')
    """
    return _format(name)[0]


def seated_members(name):
    """The members of a negotiating format that all sit at its meetings (formats.csv `seated`):
    seated_members('Normandy format') -> ('RUS', 'UKR', 'FRA', 'DEU'); () for a large grouping
    whose summits are told by the members named (G20) and for a body without a membership row.
    Takes and raises as format_members."""
    members, _, seated = _format(name)
    return members if seated else ()


def format_bodies(name):
    """The member organizations of a named format or grouping, by their gazetteer names:
    format_bodies('Middle East Quartet') -> ('EU', 'UN'); format_bodies('G20') -> ('EU', 'AU').
    Takes and raises as format_members."""
    return _format(name)[1]


def _format(name):
    canonical = _INDEX.organizations.get(_place_key(name)) if isinstance(name, str) else None
    if canonical is None:
        raise ParleyError(f"organization {name!r} is not a name or alias of organizations.csv "
                          f"(for example 'Six-Party Talks', 'P5+1' or 'G7')")
    return _INDEX.formats.get(canonical, ((), (), False))
