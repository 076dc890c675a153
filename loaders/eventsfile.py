"""Parley's own events file: a CSV or JSON file of encounters, one per row, in our columns.

So a user can bring a spreadsheet, and the app can write one back (`write_events_file`).

The columns are those of the MENTIONS schema (loaders/schema.py), any order, any subset that
holds the REQUIRED ones (`kind`, `date`, `countries`); a file written from an EVENTS frame
(with `event_id`, `n_sources`, `mention_ids`, `sources`, `merge_reasons`) reads too: its
`event_id` serves as `mention_id` and the other EVENTS-only columns are not read back.
Unknown columns are ignored and reported.

- CSV: a header row, comma-separated (';' or tab where the header uses them and holds no
  comma), UTF-8. Dates ISO ('2025-02-18', '2025-02-18T10:00'); list columns as
  ';'-separated values ('USA;RUS'), or as a JSON array where an item holds a ';'; `sources`
  as JSON text.
- JSON: a list of objects (or {"events": [...]} / {"mentions": [...]}), lists as arrays.

Each row becomes one MENTIONS row. Defaults for missing cells: status held, date_precision
day (unknown when undated), origin 'events-file', article the file's name, article_id and
mention_id stable hashes of the row's content, evidence None. Country codes are upper-cased;
a country name that pycountry knows ('France') becomes its ISO3.

Row faults are reported as 'FILE row N, field F: reason' problems (row N counts data rows
from 1): a row with an unknown kind or an unreadable date is skipped; an unknown country is
left out of its list; a bad status or precision is replaced by the default.
"""
import csv
import datetime as dt
import hashlib
import io
import json
import math
from pathlib import Path

import pandas as pd

from loaders import schema
from loaders.errors import InputError, ParleyError, RowProblem
from loaders.settings import SETTINGS

from loaders.registry import read_text, register_format

REQUIRED = ("kind", "date", "countries")
KINDS = schema.KIND_NAMES
STATUSES = ("held", "planned", "cancelled")
PRECISIONS = schema.PRECISIONS
#: Columns whose items are ISO3 country codes.
COUNTRY_LISTS = ("countries", "absent", "mediators")
#: Columns an EVENTS frame has and a MENTIONS frame has not; read without error, not kept.
EVENTS_ONLY = tuple(n for n in schema.names(schema.EVENTS) if n not in schema.names(schema.MENTIONS))
#: Columns that tell an events file apart from other CSV/JSON files (two of them suffice to sniff).
DISTINCTIVE = ("countries", "kind", "cameo", "plover_mode", "date_precision", "end_date",
               "mention_id", "event_id", "absent", "mediators")
LIST_SEPARATOR = ";"
#: String columns kept as written (offsets index into evidence; titles are prose).
FREE_TEXT = ("evidence", "title", "date_text")

_KINDS_OF = {c.name: c.kind for c in schema.MENTIONS + schema.EVENTS}



def looks_like_events_file(sample):
    """True for a CSV whose header, or a JSON whose first object, has REQUIRED columns or at
    least two of DISTINCTIVE."""
    if not sample.text:
        return False
    stripped = sample.text.lstrip()
    if stripped[:1] in "[{":
        keys = sample.json_keys()
    else:
        header = sample.first_line
        keys = {k.strip().lower() for k in next(csv.reader([header], delimiter=_delimiter(header)), [])}
    return set(REQUIRED) <= keys or len(keys & set(DISTINCTIVE)) >= 2


@register_format("events-file", produces="mentions", sniff=looks_like_events_file,
                 suffixes=(".csv", ".json", ".jsonl"), priority=40)
def read_events_file(path):
    """Read a Parley events file (CSV or JSON) into MENTIONS.

    Takes the file's path. Returns (frame, problems): one MENTIONS row per row of the file
    (module docstring) and one-line problem strings. Raises InputError when the file cannot
    be read, is not CSV/JSON of rows, or lacks a REQUIRED column (the message names them).
    Example: ``frame, problems = read_events_file(Path("my_events.csv"))``
    """
    frame, problems = read_events_file_report(path)
    return frame, [str(p) for p in problems]


def _json_lines(text):
    """The objects of a JSON Lines text, or None when a line is not a JSON object."""
    try:
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError:
        return None
    return rows if all(isinstance(r, dict) for r in rows) else None


def read_events_file_report(path):
    """As `read_events_file`, with the problems as RowProblem objects."""
    path = Path(path)
    records, columns = _records(path)
    lowered = {c: c.strip().lower() for c in columns}
    present = set(lowered.values())
    missing = [c for c in REQUIRED if c not in present]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}; an events file needs "
                               f"{', '.join(REQUIRED)} and may have {', '.join(n for n in schema.names(schema.MENTIONS) if n not in REQUIRED)}")
    problems = []
    known = set(schema.names(schema.MENTIONS)) | set(EVENTS_ONLY)
    unknown = [c for c in columns if lowered[c] not in known]
    if unknown:
        problems.append(RowProblem(path.name, 0, ", ".join(unknown), "unknown column(s), not read"))
    rows = []
    for number, record in enumerate(records, 1):
        record = {lowered[k]: v for k, v in record.items() if k in lowered}
        row = _row(record, number, path.name, problems)
        if row is not None:
            rows.append(row)
    if not rows:
        return schema.empty(schema.MENTIONS), problems
    return schema.conform(pd.DataFrame(rows), schema.MENTIONS), problems


def _records(path):
    """(iterable of dicts, column names) of a CSV or JSON file."""
    text, _ = read_text(path)
    stripped = text.lstrip()
    if stripped[:1] in "[{":
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            data = _json_lines(stripped)  # JSONL: what `python -m loaders extract` writes
            if data is None:
                raise InputError(path, f"not valid JSON or JSON Lines ({error.msg} at line {error.lineno} "
                                       f"column {error.colno})") from None
        if isinstance(data, dict):
            data = data.get("events", data.get("mentions"))
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InputError(path, "JSON events file must be a list of objects (or {\"events\": [...]})")
        columns = list(dict.fromkeys(k for r in data for k in r))
        return data, columns
    header = text.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(header))
    columns = reader.fieldnames or []
    if not columns:
        raise InputError(path, "empty CSV: no header row")
    return reader, columns


def _delimiter(header):
    if "," in header:
        return ","
    return ";" if ";" in header else ("\t" if "\t" in header else ",")


def _row(record, number, file, problems):
    def problem(field, reason):
        problems.append(RowProblem(file, number, field, reason))

    kind = _text(record.get("kind"))
    kind = kind.lower() if kind else None
    if kind not in KINDS:
        problem("kind", f"{record.get('kind')!r} is not one of {', '.join(KINDS)}; row skipped")
        return None
    date = _datetime(record.get("date"))
    if date is None:
        problem("date", f"{record.get('date')!r} is not an ISO date (YYYY-MM-DD); row skipped")
        return None
    if date is not pd.NaT and not SETTINGS.min_year <= date.year <= SETTINGS.max_year:
        problem("date", f"year {date.year} outside {SETTINGS.min_year}..{SETTINGS.max_year}; row skipped")
        return None
    row = {}
    for column in schema.MENTIONS:
        value = record.get(column.name)
        if column.kind == "list":
            value = _list(value, column.name, problem)
        elif column.kind == "datetime":
            parsed = _datetime(value)
            if parsed is None:
                problem(column.name, f"{value!r} is not an ISO date; left empty")
                parsed = pd.NaT
            value = parsed
        elif column.kind == "int":
            value = _int(value, column.name, problem)
        else:
            value = _text(value, strip=column.name not in FREE_TEXT)
        row[column.name] = value
    row["kind"] = kind
    row["date"] = date
    row["status"] = _choice(row["status"], STATUSES, "held", "status", problem)
    default_precision = "day" if date is not pd.NaT else "unknown"
    row["date_precision"] = _choice(row["date_precision"], PRECISIONS, default_precision, "date_precision", problem)
    if row["country"]:
        venue = _country(row["country"])
        if venue is None:
            problem("country", f"{row['country']!r} is not an ISO3 code or a known country name; left empty")
        row["country"] = venue
    row["origin"] = row["origin"] or "events-file"
    row["article"] = row["article"] or file
    row["article_id"] = row["article_id"] or _stable_id(
        "events-file", date, "|".join(row["countries"]), kind, row["title"], row["city"], row["evidence"])
    row["mention_id"] = row["mention_id"] or _text(record.get("event_id")) or _stable_id(
        row["article_id"], row["evidence_start"], row["evidence_end"], kind)
    return row


def _text(value, strip=True):
    """The cell as text, None when empty; `strip=False` keeps free text as written."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    value = str(value)
    if not value.strip():
        return None
    return value.strip() if strip else value


def _datetime(value):
    """A Timestamp, NaT for an empty cell, None for text that is no ISO date."""
    text = _text(value)
    if text is None:
        return pd.NaT
    try:
        stamp = pd.Timestamp(dt.datetime.fromisoformat(text))
    except ValueError:
        return None
    return stamp.tz_localize(None) if stamp.tzinfo else stamp


def _int(value, field, problem):
    text = _text(value)
    if text is None:
        return pd.NA
    try:
        return int(float(text)) if float(text).is_integer() else _bad_int(value, field, problem)
    except ValueError:
        return _bad_int(value, field, problem)


def _bad_int(value, field, problem):
    problem(field, f"{value!r} is not a whole number; left empty")
    return pd.NA


def _list(value, field, problem):
    if isinstance(value, list):
        items = [_text(v) for v in value]
    else:
        text = _text(value)
        if text is None:
            items = []
        elif text.startswith("["):
            try:
                items = [_text(v) for v in json.loads(text)]
            except (json.JSONDecodeError, TypeError):
                items = [_text(v) for v in text.strip("[]").split(LIST_SEPARATOR)]
        else:
            items = [_text(v) for v in text.split(LIST_SEPARATOR)]
    items = [v for v in items if v]
    if field not in COUNTRY_LISTS:
        return items
    codes = []
    for item in items:
        code = _country(item)
        if code is None:
            problem(field, f"{item!r} is not an ISO3 code or a known country name; left out")
        elif code not in codes:
            codes.append(code)
    return codes


def _country(value):
    from loaders.gazetteer import is_country_code
    code = value.strip().upper()
    if is_country_code(code):
        return code
    import pycountry
    try:
        return pycountry.countries.lookup(value.strip()).alpha_3
    except LookupError:
        return None


def _choice(value, allowed, default, field, problem):
    if value is None:
        return default
    if value.lower() in allowed:
        return value.lower()
    problem(field, f"{value!r} is not one of {', '.join(allowed)}; read as {default!r}")
    return default


def _stable_id(*parts):
    return hashlib.sha256("|".join("" if p is None or p is pd.NaT else str(p) for p in parts)
                          .encode("utf-8")).hexdigest()[:16]


def write_events_file(frame, path):
    """Write a MENTIONS or EVENTS frame to `path` as an events file (.csv or .json).

    Takes the frame (checked against its schema) and a path whose suffix picks the format.
    Returns the path. Raises ParleyError for another suffix or a frame of neither schema.
    `read_events_file` reads the file back into the same MENTIONS rows.
    Example: ``write_events_file(store.mentions(), Path("mentions.csv"))``
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise ParleyError(f"write_events_file: path {str(path)!r} has suffix {suffix or '(none)'}; expected .csv or .json")
    columns = list(frame.columns)
    if columns == schema.names(schema.MENTIONS):
        target = schema.MENTIONS
    elif columns == schema.names(schema.EVENTS):
        target = schema.EVENTS
    else:
        raise ParleyError(f"write_events_file: frame columns {columns} are neither the MENTIONS nor the EVENTS schema's")
    schema.check(frame, target, f"frame written to {path}")
    records = [{c.name: _plain(row[c.name], c.kind) for c in target} for row in frame.to_dict("records")]
    if suffix == ".json":
        path.write_text(json.dumps(records, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
        return path
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[c.name for c in target])
        writer.writeheader()
        for record in records:
            writer.writerow({c.name: _cell(record[c.name], c.kind) for c in target})
    return path


def _plain(value, kind):
    """A JSON-ready value: ISO text for dates (date only at midnight), None for missing."""
    if kind in ("list", "records"):
        return list(value)
    if value is None or value is pd.NaT or (not isinstance(value, (list, str)) and pd.isna(value)):
        return None
    if kind == "datetime":
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat()
    if kind == "int":
        return int(value)
    return value


def _cell(value, kind):
    if value is None:
        return ""
    if kind == "records":
        return json.dumps(value, ensure_ascii=False, default=str)
    if kind == "list":
        if any(LIST_SEPARATOR in v or v.startswith("[") for v in value):
            return json.dumps(value, ensure_ascii=False)
        return LIST_SEPARATOR.join(value)
    return value
