"""GDELT 2.0 event exports -> MENTIONS: one row per encounter one article reports.

Input: a GDELT 2.0 Event Database export (data/gdelt-sample/README.md): UTF-8, tab-separated,
no header, 61 fields per row; as a file, or zipped as GDELT publishes it (`*.export.CSV.zip`),
read from the zip without unpacking it. Only diplomatic encounters are kept, by CAMEO EventCode
(CAMEO_KINDS): 036 express intent to meet or negotiate, 040-046 consult, 057 sign a formal
agreement. Every other row is passed over (it is not a fault).

What the fields become:

- ``SQLDATE`` (YYYYMMDD) is the date GDELT coded the event as happening. GDELT takes it from
  the article, and where the article gives no date of its own it is the article's date; it is
  not the date GDELT saw the article (that is ``DATEADDED``). It becomes `date`, precision day,
  `date_text` 'SQLDATE YYYYMMDD'.
- ``DATEADDED`` (YYYYMMDDHHMMSS, UTC) becomes `published`: when the article was seen.
- ``SOURCEURL`` becomes `article`; `article_id` is a stable hash of it.
- ``Actor1CountryCode``/``Actor2CountryCode`` are CAMEO country codes, mostly ISO 3166 alpha-3;
  a code that is not an ISO3 code (regions such as EUR, AFR, WST) is not a party. An actor
  that GDELT identified (ActorNCode set) but without a country code takes the country of its
  ``ActorNGeo_CountryCode``. The parties are `countries`, sorted.
- ``ActionGeo_CountryCode`` (where it happened) is a FIPS 10-4 code, mapped to ISO3 with
  data/fips_iso3.csv (fips, iso3, name, note: the full FIPS 10-4 list, with former codes and
  territories mapped to the ISO3 of the ISO 3166 entry that holds them; a few, such as the
  Spratly Islands, have none; compiled from the FIPS 10-4 code list as carried in GeoNames'
  country table, plus the codes GeoNames lacks) and becomes `country`; ``ActionGeo_FullName``'s first part is
  `city` where ``ActionGeo_Type`` says it is a city (3 US city, 4 world city).

GDELT writes many rows for one encounter in one article (one per actor pair, direction, code
and sentence). Rows with the same SOURCEURL, the same unordered pair of parties and the same
EventRootCode are collapsed into one mention: its CAMEO code is the most specific code among
them (CODE_PRIORITY), its date the most frequent SQLDATE (the latest on a tie), its venue the
most frequent ActionGeo, and its evidence names the codes, actors, place and the GLOBALEVENTIDs.

Kind and status come from the CAMEO code (CAMEO_KINDS): 041 call, 042/043 visit, 046 talks,
others meeting; status held, except 036 (intent to meet) planned.

The file is streamed line by line; only the running groups are held. Every mention has a date
and at least one party: a diplomatic row without a valid SQLDATE, without a SOURCEURL or
without a party with a country code (two regions, 'EUR' and 'AFR') is skipped, and reported as
a 'FILE row N, field F: reason' problem, as is an unknown FIPS code (the venue's country is then
left empty); see `read_gdelt_report`. Rows with the wrong number of fields are skipped and
reported the same way.
"""
import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders import schema
from loaders.errors import InputError, RowProblem
from loaders.registry import register_format
from loaders.settings import ROOT, SETTINGS

FIPS_CSV = ROOT / "data" / "fips_iso3.csv"
N_FIELDS = 61

# 0-based field positions (GDELT 2.0 Event Codebook order)
GLOBALEVENTID, SQLDATE = 0, 1
ACTOR1_CODE, ACTOR1_NAME, ACTOR1_COUNTRY = 5, 6, 7
ACTOR2_CODE, ACTOR2_NAME, ACTOR2_COUNTRY = 15, 16, 17
EVENT_CODE, EVENT_ROOT = 26, 28
ACTOR1_GEO_COUNTRY, ACTOR2_GEO_COUNTRY = 37, 45
ACTION_GEO_TYPE, ACTION_GEO_NAME, ACTION_GEO_COUNTRY = 51, 52, 53
DATEADDED, SOURCEURL = 59, 60
FIELD_NAMES = {SQLDATE: "SQLDATE", EVENT_CODE: "EventCode", ACTION_GEO_COUNTRY: "ActionGeo_CountryCode",
               ACTOR1_GEO_COUNTRY: "Actor1Geo_CountryCode", ACTOR2_GEO_COUNTRY: "Actor2Geo_CountryCode",
               DATEADDED: "DATEADDED", SOURCEURL: "SOURCEURL"}


@dataclass(frozen=True)
class CameoKind:
    label: str          # the CAMEO description, for the evidence line
    kind: str           # MENTIONS.kind
    status: str         # MENTIONS.status
    plover: str | None  # MENTIONS.plover_mode


#: The CAMEO codes kept, and what each becomes.
CAMEO_KINDS = {
    "036": CameoKind("express intent to meet or negotiate", "meeting", "planned", None),
    "040": CameoKind("consult", "meeting", "held", None),
    "041": CameoKind("discuss by telephone", "call", "held", "phone"),
    "042": CameoKind("make a visit", "visit", "held", "visit"),
    "043": CameoKind("host a visit", "visit", "held", "visit"),
    "044": CameoKind("meet at a third location", "meeting", "held", "third-party"),
    "045": CameoKind("mediate", "meeting", "held", "third-party"),
    "046": CameoKind("engage in negotiation", "talks", "held", None),
    "057": CameoKind("sign formal agreement", "meeting", "held", None),
}

#: Among the codes of one collapsed group, the first of this order names the encounter.
CODE_PRIORITY = ("042", "043", "044", "041", "046", "045", "057", "036", "040")

#: ActionGeo_Type values that name a city (1 country, 2 US state, 5 world state).
CITY_GEO_TYPES = {"3", "4"}

#: Non-ISO codes accepted as parties: Kosovo's user-assigned code.
EXTRA_ISO3 = {"XKX"}

#: Actors named in a mention's evidence (and held per group while reading).
MAX_ACTORS_NAMED = 6

#: Row-level problems listed one by one up to this many per file; the rest are counted by reason.
MAX_LISTED_PROBLEMS = 50

_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")



@dataclass(slots=True)
class _Group:
    codes: Counter = field(default_factory=Counter)
    dates: Counter = field(default_factory=Counter)
    venues: Counter = field(default_factory=Counter)
    actors: dict = field(default_factory=dict)
    event_ids: list = field(default_factory=list)
    added: str = ""
    n_rows: int = 0


def looks_like_gdelt(sample):
    """True when the sample's first line has 61 tab-separated fields and an 8-digit date second."""
    fields = sample.first_line.split("\t") if sample.text else []
    return len(fields) == N_FIELDS and bool(_DAY.match(fields[SQLDATE]))


@register_format("gdelt", produces="mentions", sniff=looks_like_gdelt, suffixes=(".csv", ".tsv", ".zip"), priority=50)
def read_gdelt(path):
    """Read a GDELT 2.0 event export into MENTIONS, one row per collapsed encounter.

    Takes the file's path. Returns (frame, problems): the MENTIONS frame (module docstring)
    and one-line problem strings (at most MAX_LISTED_PROBLEMS listed, the rest counted).
    Raises InputError when the file cannot be opened or is not UTF-8 text.
    Example: ``frame, problems = read_gdelt(Path("data/gdelt-sample/20191024143000.export.CSV"))``
    """
    frame, problems, _ = read_gdelt_report(path)
    lines = [str(p) for p in problems[:MAX_LISTED_PROBLEMS]]
    if len(problems) > MAX_LISTED_PROBLEMS:
        rest = Counter(f"field {p.field}: {p.reason.split(' (')[0]}" for p in problems[MAX_LISTED_PROBLEMS:])
        lines.append(f"{Path(path).name}: {len(problems) - MAX_LISTED_PROBLEMS} more problems: "
                     + "; ".join(f"{n} x {reason}" for reason, n in rest.most_common()))
    return frame, lines


def read_gdelt_report(path):
    """As `read_gdelt`, with every problem as a RowProblem, plus counts.

    Returns (frame, problems, counts) where counts is {'rows': all rows, 'diplomatic': rows
    with a kept code, 'skipped': diplomatic rows skipped, 'mentions': rows of the frame}.
    """
    path = Path(path)
    groups, problems = {}, []
    counts = Counter(rows=0, diplomatic=0, skipped=0)
    fips = fips_table()
    try:
        with _text_lines(path) as handle:
            for number, line in enumerate(handle, 1):
                counts["rows"] += 1
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                if line.count("\t") != N_FIELDS - 1:
                    problems.append(RowProblem(path.name, number, "(row)",
                                               f"{line.count(chr(9)) + 1} tab-separated fields, expected {N_FIELDS}; row skipped"))
                    continue
                # cheap test first: most rows are not diplomatic
                head = line.split("\t", EVENT_CODE + 1)
                code = head[EVENT_CODE]
                if code not in CAMEO_KINDS:
                    continue
                counts["diplomatic"] += 1
                if not _add_row(groups, line.split("\t"), number, path.name, fips, problems):
                    counts["skipped"] += 1
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start} of a line: {error.reason})") from None
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    frame = _frame(groups)
    counts["mentions"] = len(frame)
    return frame, problems, dict(counts)


def _text_lines(path):
    """The file's lines as UTF-8 text; a zipped export (`*.export.CSV.zip`, as GDELT publishes
    them) is decompressed as it is read, never written out."""
    from loaders.registry import is_gdelt_zip, open_member

    if is_gdelt_zip(path):
        return io.TextIOWrapper(open_member(path), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _add_row(groups, fields, number, file, fips, problems):
    """Fold one diplomatic row into its group; False (and a problem) when it is skipped."""
    day = fields[SQLDATE]
    if not _valid_day(day):
        problems.append(RowProblem(file, number, "SQLDATE", f"{day!r} is not a date YYYYMMDD "
                                   f"in {SETTINGS.min_year}..{SETTINGS.max_year}; row skipped"))
        return False
    url = fields[SOURCEURL].strip()
    if not url:
        problems.append(RowProblem(file, number, "SOURCEURL", "empty; row skipped"))
        return False
    parties = []
    for code, country, geo in ((ACTOR1_CODE, ACTOR1_COUNTRY, ACTOR1_GEO_COUNTRY),
                               (ACTOR2_CODE, ACTOR2_COUNTRY, ACTOR2_GEO_COUNTRY)):
        iso3 = fields[country] if is_iso3(fields[country]) else None
        if iso3 is None and fields[code] and not fields[country] and fields[geo]:
            iso3 = _fips(fields[geo], fips, file, number, FIELD_NAMES[geo], problems)
        if iso3:
            parties.append(iso3)
    if not parties:
        actors = ", ".join(fields[country] or fields[code] or "none" for code, country in
                           ((ACTOR1_CODE, ACTOR1_COUNTRY), (ACTOR2_CODE, ACTOR2_COUNTRY)))
        problems.append(RowProblem(file, number, "Actor1CountryCode/Actor2CountryCode",
                                   f"no party with an ISO3 country code (actors {actors}); row skipped"))
        return False
    pair = tuple(sorted(set(parties)))
    key = (url, pair, fields[EVENT_ROOT])
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(added=fields[DATEADDED])
    group.n_rows += 1
    group.codes[fields[EVENT_CODE]] += 1
    group.dates[day] += 1
    venue_iso3 = _fips(fields[ACTION_GEO_COUNTRY], fips, file, number, "ActionGeo_CountryCode", problems) \
        if fields[ACTION_GEO_COUNTRY] else None
    city = fields[ACTION_GEO_NAME].split(",")[0].strip() if fields[ACTION_GEO_TYPE] in CITY_GEO_TYPES else None
    group.venues[(venue_iso3, city or None, fields[ACTION_GEO_NAME])] += 1
    for code, name, country in ((ACTOR1_CODE, ACTOR1_NAME, ACTOR1_COUNTRY), (ACTOR2_CODE, ACTOR2_NAME, ACTOR2_COUNTRY)):
        if fields[name] and len(group.actors) < MAX_ACTORS_NAMED:
            group.actors.setdefault(fields[name], fields[country] or fields[code])
    if len(group.event_ids) < 5:
        group.event_ids.append(fields[GLOBALEVENTID])
    if fields[DATEADDED] and (not group.added or fields[DATEADDED] < group.added):
        group.added = fields[DATEADDED]
    return True


def _fips(code, fips, file, number, field_name, problems):
    if code in fips:
        return fips[code]
    problems.append(RowProblem(file, number, field_name, f"unknown FIPS 10-4 code {code!r} (not in {FIPS_CSV.name}); "
                                                         "country left empty"))
    fips[code] = None  # reported once per file and code
    return None


def _frame(groups):
    """The MENTIONS frame of the groups, built column by column; `groups` is emptied on the way
    (each group is freed once it is a row: this is the peak of a large file's memory)."""
    columns = {name: [] for name in schema.names(schema.MENTIONS)}
    constant = {"origin": "gdelt", "end_date": pd.NaT, "date_precision": "day", "evidence_start": 0,
                "date_start": pd.NA, "date_end": pd.NA}
    while groups:
        (url, pair, root), group = groups.popitem()
        code = next(c for c in CODE_PRIORITY if c in group.codes)
        cameo = CAMEO_KINDS[code]
        day = max(group.dates, key=lambda d: (group.dates[d], d))
        (venue_iso3, city, place), _ = max(group.venues.items(), key=lambda item: (item[1], item[0][2]))
        article_id = stable_id("gdelt", url)
        evidence = _evidence(group, place)
        label = "–".join(pair) if pair else "Unidentified parties"
        row = {
            "mention_id": stable_id(article_id, "|".join(pair), root, cameo.kind),
            "article_id": article_id,
            "article": url,
            "published": _added(group.added),
            "kind": cameo.kind,
            "cameo": code,
            "plover_mode": cameo.plover,
            "status": cameo.status,
            "date": pd.Timestamp(f"{day[:4]}-{day[4:6]}-{day[6:]}"),
            "date_text": f"SQLDATE {day}",
            "city": city,
            "country": venue_iso3,
            "countries": list(pair),
            "title": f"{label} {cameo.kind}" + (f", {city}" if city else ""),
            "evidence": evidence,
            "evidence_end": len(evidence),
        }
        for name, values in columns.items():
            values.append(row[name] if name in row else constant.get(name, _EMPTY_LIST))
    if not columns["mention_id"]:
        return schema.empty(schema.MENTIONS)
    # rows were popped last-in first-out: restore file order
    frame = pd.DataFrame({name: values[::-1] for name, values in columns.items()})
    columns.clear()
    return schema.conform(frame, schema.MENTIONS)


_EMPTY_LIST = ()


def _evidence(group, place):
    # 'GDELT 042 make a visit (x3), 040 consult: BARACK OBAMA (USA); CHINA (CHN); at Beijing, Beijing, China; events 1, 2'
    codes = ", ".join(f"{c} {CAMEO_KINDS[c].label}" + (f" (x{n})" if n > 1 else "")
                      for c, n in sorted(group.codes.items()))
    actors = "; ".join(f"{name} ({code})" if code else name for name, code in group.actors.items())
    parts = [f"GDELT {codes}"]
    if actors:
        parts.append(actors)
    if place:
        parts.append(f"at {place}")
    parts.append(f"{group.n_rows} row{'s' if group.n_rows > 1 else ''}, events {', '.join(group.event_ids)}")
    return ": ".join(parts[:2]) + ("; " + "; ".join(parts[2:]) if len(parts) > 2 else "")


def _valid_day(text):
    match = _DAY.match(text)
    if not match:
        return False
    year, month, day = (int(g) for g in match.groups())
    try:
        pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return False
    return SETTINGS.min_year <= year <= SETTINGS.max_year


def _added(text):
    try:
        return pd.Timestamp(f"{text[:4]}-{text[4:6]}-{text[6:8]} {text[8:10]}:{text[10:12]}:{text[12:14]}")
    except (ValueError, IndexError):
        return pd.NaT


@lru_cache(maxsize=1)
def _fips_rows():
    with open(FIPS_CSV, newline="", encoding="utf-8") as handle:
        return {row["fips"]: (row["iso3"] or None) for row in csv.DictReader(handle)}


def fips_table():
    """{FIPS 10-4 code: ISO3 or None} from data/fips_iso3.csv (a fresh copy per call)."""
    return dict(_fips_rows())


def fips_to_iso3(code):
    """ISO3 of a FIPS 10-4 country code ('UK' -> 'GBR'), None for a code without one.

    Raises KeyError for a code not in the FIPS 10-4 list.
    """
    return _fips_rows()[code]


@lru_cache(maxsize=1)
def _iso3_codes():
    import pycountry
    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_ISO3


def is_iso3(code):
    """True for an ISO 3166-1 alpha-3 code (and XKX); CAMEO regions such as 'EUR' are not."""
    return code in _iso3_codes()


def stable_id(*parts):
    """First 16 hex digits of the sha256 of the parts joined by '|'."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


# -- GDELT's own updates: the 15-minute update list and its zipped exports -------------------

#: One line of GDELT 2.0's update list (lastupdate.txt): size in bytes, MD5, URL of a zip file.
UPDATE_LINE = re.compile(r"^(?P<size>\d+) (?P<md5>[0-9a-f]{32}) (?P<url>https?://\S+)$")
#: The file of the update list that holds events (the others are mentions and the GKG).
EXPORT_SUFFIX = ".export.CSV.zip"


@dataclass(frozen=True)
class UpdateEntry:
    """One file of an update list: its URL, its size in bytes and its MD5 as GDELT states them."""
    url: str
    size: int
    md5: str


def looks_like_update_list(text):
    """True when every non-empty line of `text` is 'SIZE MD5 URL' (GDELT's lastupdate.txt)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return bool(lines) and all(UPDATE_LINE.match(line) for line in lines)


def update_exports(text):
    """The event exports (`UpdateEntry`, in the list's order) named by an update list's text."""
    entries = []
    for line in text.splitlines():
        match = UPDATE_LINE.match(line.strip())
        if match and match.group("url").endswith(EXPORT_SUFFIX):
            entries.append(UpdateEntry(match.group("url"), int(match.group("size")), match.group("md5")))
    return entries


def read_zipped_export(content, name, expected=None):
    """MENTIONS from the bytes of a zipped GDELT 2.0 export (one .export.CSV member).

    `name` names the zip in messages (its URL); `expected` (an UpdateEntry) gives the size and
    MD5 the update list states, checked before anything is unpacked. The zip is read as a file
    on disk is (`read_gdelt`, which streams its one member). Returns (frame, problems). Raises
    InputError(name, reason) for a zip that is damaged, holds other than one file or does not
    match the list.
    """
    import tempfile

    if expected is not None:
        if len(content) != expected.size:
            raise InputError(name, f"{len(content):,} bytes, but the update list says {expected.size:,}")
        digest = hashlib.md5(content, usedforsecurity=False).hexdigest()
        if digest != expected.md5:
            raise InputError(name, f"MD5 {digest} differs from the update list's {expected.md5}")
    with tempfile.TemporaryDirectory(prefix="parley-gdelt-") as folder:
        path = Path(folder) / f"update{EXPORT_SUFFIX}"
        path.write_bytes(content)
        try:
            return read_gdelt(path)
        except InputError as error:
            raise InputError(name, error.reason) from None
