"""US Office of the Historian travels and visits -> MENTIONS: one row per trip or visit.

Source: data/travels/ (see its README: HistoryAtState/travels and HistoryAtState/visits, public
domain / CC0). Two XML shapes, told apart by their root element:

- ``<trips>``: trips abroad of a President or a Secretary of State, one ``<trip>`` each:
  ``id, role, name, start-date, end-date, country[@id=slug], locale, remarks``.
  A trip is a visit of the traveller to `country`: countries [USA, that country], venue
  `locale` in that country, CAMEO 042 (make a visit), origin ``travels``.
- ``<visits>``: foreign leaders' visits to the United States, one ``<visit>`` each:
  ``id, start-date, end-date, visitor, from[@id=slug], description``.
  Countries [the visitor's country, USA], venue in the USA: Washington unless a sentence of
  the description that reports the encounter (VISIT_MEETING_CUE) names another place of
  VISIT_VENUES; CAMEO 043 (the United States hosts a visit), origin ``visits``.

One row (MENTIONS schema) per trip or visit, with: kind visit, plover_mode visit, status held
(planned where the first day is after today: the data is a record of the past), date and
end_date at precision day, date_text the ISO date or range ('2021-03-15/2021-03-17'), heads
the traveller or visitor as written, evidence the remarks or description (whitespace collapsed;
evidence_start 0, evidence_end its length), article the XML file's name, article_id a stable
hash of origin and record id, published the record's created-datetime (wall-clock, NaT when
absent), title e.g. 'Visit of Secretary Blinken to China, Beijing', topics from
`loaders.topics.topics_of` over the evidence.

Country slugs map to ISO3 through data/travels_iso3.csv (slug, iso3, name, note), shipped with
the code: the Office of the Historian's own grouping is kept (records named 'U.S.S.R.' carry
the slug 'russia' and become RUS); states with no successor named by the source keep their
ISO 3166-3 former code (CSK, DDR, YUG, ANT); Kosovo is XKX. A slug without an ISO3 (the
Kingdom of Hawaii) keeps its row, with the party left out and a problem reported.

Files are streamed with lxml's iterparse; each record is cleared once read.
Skipped records (no parseable start date, a date outside SETTINGS.min_year..max_year) are
reported as problems 'FILE record N (id X), field F: reason', never dropped silently.
"""
import csv
import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
from lxml import etree

from loaders import schema
from loaders.errors import InputError, ParleyError, RowProblem
from loaders.gazetteer import country_name
from loaders.registry import register_format
from loaders.sentences import split_sentences
from loaders.settings import ROOT, SETTINGS
from loaders.topics import topics_of

#: slug -> ISO3 table for the `country`/`from` elements (see the module docstring).
COUNTRIES_CSV = ROOT / "data" / "travels_iso3.csv"

ROLE_TITLES = {"president": "President", "secretary": "Secretary"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

#: A sentence of a visit's description reports the encounter when it matches this (case-sensitive
#: on 'Met'/'Attended' so that 'Visited New York City, Chicago' sightseeing does not count).
VISIT_MEETING_CUE = (r"\b(?:Met|met|Attended|attended|Summit|summit|General Assembly|Conference|conference|"
                     r"signing|Signed|signed|dinner|talks|meeting|Meeting|Addressed|addressed)\b")

#: Venues of visits held outside Washington: (pattern, locality, ISO3 of its country).
#: The first pattern found in a meeting sentence wins; Washington is listed so that a sentence
#: naming it keeps the default.
VISIT_VENUES = (
    (r"\bWashington\b|\bWhite House\b|\bOval Office\b|\bBlair House\b|\bCongress\b|\bCapitol\b", "Washington", "USA"),
    (r"\bCamp David\b", "Camp David", "USA"),
    (r"\bNew York\b|\bU\.?N\.? General Assembly\b|\bU\.?N\.? Millen+ium Summit\b|\bUnited Nations General Assembly\b", "New York", "USA"),
    (r"\bChicago\b", "Chicago", "USA"),
    (r"\bMiami\b", "Miami", "USA"),
    (r"\bDoral\b", "Doral", "USA"),
    (r"\bPittsburgh\b", "Pittsburgh", "USA"),
    (r"\bLos Angeles\b", "Los Angeles", "USA"),
    (r"\bSan Francisco\b", "San Francisco", "USA"),
    (r"\bHonolulu\b|\bKapolei\b", "Honolulu", "USA"),
    (r"\bSea Island\b", "Sea Island", "USA"),
    (r"\bSunnylands\b|\bRancho Mirage\b", "Rancho Mirage", "USA"),
    (r"\bCrawford\b", "Crawford", "USA"),
    (r"\bMar-a-Lago\b|\bPalm Beach\b", "Palm Beach", "USA"),
    (r"\bKennebunkport\b", "Kennebunkport", "USA"),
    (r"\bHouston\b", "Houston", "USA"),
    (r"\bSan Antonio\b", "San Antonio", "USA"),
    (r"\bDenver\b", "Denver", "USA"),
    (r"\bWilliamsburg\b", "Williamsburg", "USA"),
    (r"\bHyde Park\b", "Hyde Park", "USA"),
    (r"\bLBJ Ranch\b", "Stonewall", "USA"),
    (r"\bKey Biscayne\b", "Key Biscayne", "USA"),
    (r"\bSan Clemente\b", "San Clemente", "USA"),
    (r"\bPalm Springs\b", "Palm Springs", "USA"),
    (r"\bSanta Barbara\b", "Santa Barbara", "USA"),
    (r"\bPoint Loma\b|\bSan Diego\b", "San Diego", "USA"),
    (r"\bAnnapolis\b", "Annapolis", "USA"),
    (r"\bPhiladelphia\b", "Philadelphia", "USA"),
    (r"\bBoston\b", "Boston", "USA"),
    (r"\bSeattle\b", "Seattle", "USA"),
    (r"\bAtlanta\b", "Atlanta", "USA"),
    (r"\bWarm Springs\b", "Warm Springs", "USA"),
    (r"\bHyannis Port\b", "Hyannis Port", "USA"),
    (r"\bGlassboro\b", "Glassboro", "USA"),
    (r"\bDorado Beach\b", "Dorado", "PRI"),
    (r"\bSan Juan\b", "San Juan", "PRI"),
    (r"\bAgana\b|\bHag[aå]t[nñ]a\b", "Hagåtña", "GUM"),
)

_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(trips|visits)[\s>/]", re.S)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a description is read clause by clause: its sentences (loaders.sentences, which keeps "U.N.
# General Assembly" whole) cut again at ';' ("Met with the President; also visited Williamsburg.")
_CLAUSE_BREAK = re.compile(r";\s*")



def _problem(file, number, record_id, field, reason):
    return RowProblem(file, number, field, reason, record_id, unit="record")


def looks_like_travels(sample):
    """True when the sample (registry.Sample) is an XML file whose root is <trips> or <visits>."""
    return bool(sample.text and _SNIFF.match(sample.text))


@register_format("travels", produces="mentions", sniff=looks_like_travels, suffixes=(".xml",), priority=50)
def read_travels(path):
    """Read one Office of the Historian XML file (<trips> or <visits>) into MENTIONS.

    Takes the file's path. Returns (frame, problems): the MENTIONS frame, one row per trip or
    visit (see the module docstring for the columns' values) and the problems as one-line
    strings (records skipped or read with a fault). Raises InputError for a file that is not
    well-formed XML or whose root is neither <trips> nor <visits>.
    Example: ``frame, problems = read_travels(Path("data/travels/visits/data/2020.xml"))``
    """
    frame, problems = read_travels_report(path)
    return frame, [str(p) for p in problems]


def read_travels_report(path):
    """As `read_travels`, with the problems as RowProblem objects (file, row, field, reason)."""
    path = Path(path)
    rows, problems = [], []
    root_tag = None
    number = 0
    try:
        for event, element in etree.iterparse(str(path), events=("start", "end"), resolve_entities=False,
                                              no_network=True, huge_tree=False):
            if event == "start":
                if root_tag is None:
                    root_tag = element.tag
                    if root_tag not in ("trips", "visits"):
                        raise InputError(path, f"XML root is <{root_tag}>, expected <trips> or <visits>")
                continue
            if element.tag not in ("trip", "visit") or element.getparent() is None \
                    or element.getparent().tag != root_tag:
                continue
            number += 1
            fields = _fields(element)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
            row = (_trip_row if element.tag == "trip" else _visit_row)(fields, path.name, number, problems)
            if row is not None:
                rows.append(row)
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"not well-formed XML ({_one_line(error)})") from None
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    if root_tag is None:
        raise InputError(path, "no XML element in the file, expected <trips> or <visits>")
    frame = pd.DataFrame(rows, columns=schema.names(schema.MENTIONS)) if rows else schema.empty(schema.MENTIONS)
    frame = schema.conform(frame, schema.MENTIONS)
    frame["topics"] = _topics(frame["evidence"])
    return frame, problems


def _fields(element):
    """{'tag': text, 'tag@id': slug} of a record's children, text with whitespace collapsed
    (a description's <em> runs included)."""
    fields = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        fields[child.tag] = " ".join("".join(child.itertext()).split()) or None
        if child.get("id") is not None:
            fields[child.tag + "@id"] = child.get("id").strip()
    return fields


def _trip_row(fields, file, number, problems):
    dates = _dates(fields, file, number, problems)
    if dates is None:
        return None
    slug = fields.get("country@id")
    iso3 = _country(slug, fields.get("country"), "country", fields, file, number, problems)
    role = (fields.get("role") or "").lower()
    name = fields.get("name")
    if role not in ROLE_TITLES:
        problems.append(_problem(file, number, fields.get("id"), "role",
                                   f"unknown role {role!r}, expected one of {sorted(ROLE_TITLES)}"))
    who = f"{ROLE_TITLES.get(role, 'Official')} {_surname(name)}".strip()
    place = _country_label(iso3, fields.get("country"))
    locale = fields.get("locale")
    title = f"Visit of {who} to {place}" + (f", {locale}" if locale else "")
    return _row("travels", "042", fields, file, dates, city=locale, country=iso3,
                countries=_parties("USA", iso3), heads=[name] if name else [],
                evidence=fields.get("remarks"), title=title)


def _visit_row(fields, file, number, problems):
    dates = _dates(fields, file, number, problems)
    if dates is None:
        return None
    iso3 = _country(fields.get("from@id"), fields.get("from"), "from", fields, file, number, problems)
    city, venue_iso3 = visit_venue(fields.get("description"))
    visitor = fields.get("visitor")
    origin_label = _country_label(iso3, fields.get("from"))
    title = f"Visit of {visitor or 'a foreign leader'}" + (f" of {origin_label}" if origin_label else "") + f" to {city}"
    return _row("visits", "043", fields, file, dates, city=city, country=venue_iso3,
                countries=_parties(iso3, "USA"), heads=[visitor] if visitor else [],
                evidence=fields.get("description"), title=title)


def visit_venue(description):
    """(locality, ISO3) of a visit's venue from its description: the first VISIT_VENUES place in
    a sentence that reports the encounter, else ('Washington', 'USA').

    >>> visit_venue("Met with President Bush at the UN General Assembly in New York City.")
    ('New York', 'USA')
    >>> visit_venue("Working visit. Visited New York City and Chicago.")
    ('Washington', 'USA')
    """
    for sentence in _clauses(description or ""):
        if not re.search(VISIT_MEETING_CUE, sentence):
            continue
        found = [(m.start(), city, iso3) for pattern, city, iso3 in VISIT_VENUES
                 for m in [re.search(pattern, sentence)] if m]
        if found:
            _, city, iso3 = min(found)
            return city, iso3
    return "Washington", "USA"


def _clauses(text):
    for sentence in split_sentences(text):
        yield from (clause for clause in _CLAUSE_BREAK.split(sentence.text) if clause)


def _row(origin, cameo, fields, file, dates, *, city, country, countries, heads, evidence, title):
    start, end = dates
    article_id = stable_id(origin, fields.get("id") or f"{file}#{fields.get('start-date')}")
    evidence = evidence or None
    evidence_end = len(evidence) if evidence else 0
    status = "planned" if start > pd.Timestamp(dt.date.today()) else "held"
    return {
        "mention_id": stable_id(article_id, 0, evidence_end, "visit"),
        "article_id": article_id,
        "article": file,
        "published": _created(fields.get("created-datetime")),
        "origin": origin,
        "kind": "visit",
        "cameo": cameo,
        "plover_mode": "visit",
        "status": status,
        "date": start,
        "end_date": end if end is not None and end > start else pd.NaT,
        "date_precision": "day",
        "date_text": start.date().isoformat() + (f"/{end.date().isoformat()}" if end is not None and end > start else ""),
        "city": city,
        "country": country,
        "countries": countries,
        "absent": [],
        "mediators": [],
        "organizations": [],
        "heads": heads,
        "topics": [],
        "title": title,
        "evidence": evidence,
        "evidence_start": 0,
        "evidence_end": evidence_end,
        "date_start": pd.NA,
        "date_end": pd.NA,
    }


def _dates(fields, file, number, problems):
    """(start, end) Timestamps, end None for one day; None (and a problem) when unusable."""
    record_id = fields.get("id")
    start = _day(fields.get("start-date"))
    if start is None:
        problems.append(_problem(file, number, record_id, "start-date",
                                   f"unparseable date {fields.get('start-date')!r}, expected YYYY-MM-DD; record skipped"))
        return None
    if not SETTINGS.min_year <= start.year <= SETTINGS.max_year:
        problems.append(_problem(file, number, record_id, "start-date",
                                   f"year {start.year} outside {SETTINGS.min_year}..{SETTINGS.max_year}; record skipped"))
        return None
    end = _day(fields.get("end-date"))
    if fields.get("end-date") and end is None:
        problems.append(_problem(file, number, record_id, "end-date",
                                   f"unparseable date {fields.get('end-date')!r}, expected YYYY-MM-DD; read as a one-day visit"))
    elif end is not None and end < start:
        problems.append(_problem(file, number, record_id, "end-date",
                                   f"{end.date()} is before start-date {start.date()}; read as a one-day visit"))
        end = None
    return start, end


def _day(text):
    if not text or not _DATE.match(text):
        return None
    try:
        return pd.Timestamp(dt.date.fromisoformat(text))
    except ValueError:
        return None


def _created(text):
    # '2021-09-21T12:21:00-04:00' -> wall-clock 2021-09-21 12:21 (the schema keeps local time)
    if not text:
        return pd.NaT
    try:
        return pd.Timestamp(dt.datetime.fromisoformat(text).replace(tzinfo=None))
    except ValueError:
        return pd.NaT


def _country(slug, name, field, fields, file, number, problems):
    table = country_table()
    if slug in table and table[slug]:
        return table[slug]
    reason = (f"slug {slug!r} ({name}) has no ISO3 code in {COUNTRIES_CSV.name}" if slug in table
              else f"unknown country slug {slug!r} ({name}), not in {COUNTRIES_CSV.name}")
    problems.append(_problem(file, number, fields.get("id"), field, reason + "; party left out"))
    return None


@lru_cache(maxsize=1)
def country_table():
    """{slug: ISO3 or None} from data/travels_iso3.csv."""
    with open(COUNTRIES_CSV, newline="", encoding="utf-8") as handle:
        return {row["slug"]: (row["iso3"] or None) for row in csv.DictReader(handle)}


def _country_label(iso3, source_name):
    """The country's display name: the gazetteer's where it knows the code, else the source's."""
    if iso3:
        try:
            return country_name(iso3)
        except ParleyError:  # a code the gazetteer does not hold: the source's own name serves
            pass
    return source_name


def _parties(*codes):
    return [c for c in dict.fromkeys(codes) if c]


def _surname(name):
    words = [w for w in (name or "").replace(",", " ").split() if w.lower() not in NAME_SUFFIXES]
    return words[-1] if words else ""


def _topics(evidence):
    """Topic labels per evidence text from `loaders.topics.topics_of` ([] for a record with no
    remarks)."""
    return [list(topics_of(text)) if text else [] for text in evidence]


def stable_id(*parts):
    """First 16 hex digits of the sha256 of the parts joined by '|': ids that survive re-reads."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _one_line(error):
    return " ".join(str(error).split())[:200]
