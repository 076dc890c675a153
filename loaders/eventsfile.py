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
from loaders.registry import read_text, register_format
from loaders.settings import SETTINGS

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


def stage_events_file(path, out):
    """Write the MENTIONS rows of the events file `path` to the Parquet file `out`, with memory
    bounded whatever the file's size: `read_events_file`'s rules, run by DuckDB over a CSV
    (its reader streams the file; country names are looked up once per distinct spelling).
    A JSON file is read by `read_events_file` (it is held whole, so the size limit applies).

    Returns (rows written, problems as strings: at most MAX_LISTED_PROBLEMS listed one by one,
    the rest counted by field and reason). Raises InputError as `read_events_file` does, and
    for a CSV that DuckDB cannot parse (with DuckDB's reason).
    """
    import duckdb

    path, out = Path(path), Path(out)
    with open(path, "rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:1] in (b"[", b"{"):
        frame, problems = read_events_file_report(path)
        _write_parquet(frame, out)
        return len(frame), _listed(path, problems)
    # DuckDB spills what does not fit to a folder beside the output: memory stays bounded
    con = duckdb.connect(config={"memory_limit": SETTINGS.stream_memory, "temp_directory": str(out.parent / "duckdb-spill")})
    con.execute("SET enable_progress_bar = false")
    try:
        return _stage_csv(con, path, out)
    except duckdb.Error as error:
        raise InputError(path, f"cannot be read as CSV ({str(error).splitlines()[0]})") from None
    finally:
        con.close()


@register_format("events-file", produces="mentions", sniff=looks_like_events_file,
                 suffixes=(".csv", ".json", ".jsonl"), priority=40, stage=stage_events_file)
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
    lowered, problems = _header(path, columns)
    rows = []
    for number, record in enumerate(records, 1):
        record = {lowered[k]: v for k, v in record.items() if k in lowered}
        row = _row(record, number, path.name, problems)
        if row is not None:
            rows.append(row)
    if not rows:
        return schema.empty(schema.MENTIONS), problems
    return schema.conform(pd.DataFrame(rows), schema.MENTIONS), problems


def _header(path, columns):
    """({column: its lowered name}, [RowProblem]) for the header `columns` of the events file
    `path`; raises InputError when a required column is missing. Unknown columns are a problem
    (not read), not an error."""
    lowered = {c: c.strip().lower() for c in columns}
    missing = [c for c in REQUIRED if c not in lowered.values()]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}; an events file needs "
                               f"{', '.join(REQUIRED)} and may have {', '.join(n for n in schema.names(schema.MENTIONS) if n not in REQUIRED)}")
    known = set(schema.names(schema.MENTIONS)) | set(EVENTS_ONLY)
    unknown = [c for c in columns if lowered[c] not in known]
    return lowered, [RowProblem(Path(path).name, 0, ", ".join(unknown), "unknown column(s), not read")] if unknown else []


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


#: Row problems listed one by one when a file is staged; the rest are counted.
MAX_LISTED_PROBLEMS = 50

#: Splitting a list cell in SQL ({0}: the cell): a JSON array where the cell is one, else the
#: ';'-separated items (as `_list`).
_SPLIT = ("CASE WHEN {0} IS NULL THEN []::VARCHAR[] WHEN starts_with(trim({0}), '[') AND json_valid(trim({0})) "
          "AND json_type(trim({0})) = 'ARRAY' THEN CAST(json_extract_string(trim({0}), '$[*]') AS VARCHAR[]) "
          "ELSE string_split(trim({0}), ';') END")

#: SQL macros that mirror `_text`, `_datetime`, `_int`, `_list` and `_country` over a cell
#: (`iso3`, the country look-up, is made per file from the spellings it holds).
_MACROS = (
    "CREATE TEMP MACRO text_of(t) AS nullif(trim(t), '')",
    "CREATE TEMP MACRO free_text(t) AS CASE WHEN trim(t) = '' THEN NULL ELSE t END",
    # an offset is dropped and the wall-clock time kept, as _datetime does
    r"CREATE TEMP MACRO iso_day(t) AS TRY_CAST(regexp_replace(trim(t), '(Z|[+-]\d\d:?\d\d)$', '') AS TIMESTAMP)",
    "CREATE TEMP MACRO whole(t) AS CASE WHEN TRY_CAST(trim(t) AS DOUBLE) = floor(TRY_CAST(trim(t) AS DOUBLE)) "
    "THEN TRY_CAST(trim(t) AS DOUBLE)::BIGINT END",
    "CREATE TEMP MACRO quote(t) AS CASE WHEN t IS NULL THEN 'None' ELSE '''' || t || '''' END",
    "CREATE TEMP MACRO ordered_distinct(l) AS list_filter(l, lambda x, i: list_position(l, x) = i)",
    f"CREATE TEMP MACRO country_list(t) AS ordered_distinct(list_filter(list_transform({_SPLIT.format('t')}, "
    "lambda x: iso3(x)), lambda c: c IS NOT NULL))",
    f"CREATE TEMP MACRO plain_list(t) AS list_filter(list_transform({_SPLIT.format('t')}, "
    "lambda x: nullif(trim(x), '')), lambda x: x IS NOT NULL)",
)


def _stage_csv(con, path, out):
    """stage_events_file for a CSV: see there. The SQL mirrors `_row`, column by column."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header = handle.readline().rstrip("\r\n")
    delimiter = _delimiter(header)
    columns = next(csv.reader([header], delimiter=delimiter), [])
    if not [c for c in columns if c.strip()]:
        raise InputError(path, "empty CSV: no header row")
    lowered, problems = _header(path, columns)
    problems = [str(problem) for problem in problems]
    source = {}  # our column -> the file's column (the last of a repeated name, as a dict of the row has it)
    for column in columns:
        source[lowered[column]] = column

    def cell(name):
        column = source.get(name)
        return "NULL::VARCHAR" if column is None else '"' + column.replace('"', '""') + '"'

    # row_number() OVER () numbers the rows in file order (DuckDB keeps the insertion order)
    con.execute("CREATE TEMP TABLE raw AS SELECT row_number() OVER () AS n, * FROM read_csv(?, header = true, "
                "all_varchar = true, delim = ?, quote = '\"', escape = '\"', store_rejects = true)", [str(path), delimiter])
    faults = [(max(int(line) - 1, 0), "(row)", f"{_one_line(message)}; row skipped")
              for line, message in con.execute("SELECT line, error_message FROM reject_errors ORDER BY line").fetchall()]
    # every spelling of a country, looked up once: an ISO3 code, or a name pycountry knows
    tokens = "SELECT DISTINCT trim(token) FROM (" + " UNION ALL ".join(
        [f"SELECT unnest({_SPLIT.format(cell(name))}) AS token FROM raw" for name in COUNTRY_LISTS]
        + [f"SELECT {cell('country')} AS token FROM raw"]) + ") WHERE trim(token) <> ''"
    spellings = [row[0] for row in con.execute(tokens).fetchall()]
    codes = ", ".join(f"{_sql_text(token)}: {_sql_text(_country(token))}" for token in spellings)
    con.execute(f"CREATE TEMP MACRO iso3(t) AS map_extract_value(MAP {{{codes}}}::MAP(VARCHAR, VARCHAR), trim(t))")
    for macro in _MACROS:
        con.execute(macro)
    con.execute(f"""CREATE TEMP TABLE checked AS SELECT n,
        {", ".join(f"{cell(c.name)} AS raw_{c.name}" for c in schema.MENTIONS)}, text_of({cell('event_id')}) AS given_event_id,
        lower(text_of({cell('kind')})) AS kind_read, iso_day({cell('date')}) AS day, text_of({cell('date')}) IS NULL AS undated
        FROM raw""")
    kinds, statuses, precisions = (_sql_list(values) for values in (KINDS, STATUSES, PRECISIONS))
    # a bad kind or date skips the row (reported once, as _row stops at the first); a bad field is left out
    bad_kind = f"kind_read IS NULL OR NOT list_contains({kinds}, kind_read)"
    bad_date = "NOT undated AND day IS NULL"
    bad_year = f"day IS NOT NULL AND NOT year(day) BETWEEN {SETTINGS.min_year} AND {SETTINGS.max_year}"
    skipped = f"({bad_kind}) OR ({bad_date}) OR ({bad_year})"
    checks = [
        ("kind", bad_kind, f"quote(raw_kind) || ' is not one of {', '.join(KINDS)}; row skipped'"),
        ("date", f"NOT ({bad_kind}) AND ({bad_date})", "quote(raw_date) || ' is not an ISO date (YYYY-MM-DD); row skipped'"),
        ("date", f"NOT ({bad_kind}) AND ({bad_year})",
         f"'year ' || year(day) || ' outside {SETTINGS.min_year}..{SETTINGS.max_year}; row skipped'"),
    ] + [(field, f"NOT ({skipped}) AND {condition}", message) for field, condition, message in [
        *[(c, f"text_of(raw_{c}) IS NOT NULL AND iso_day(raw_{c}) IS NULL", f"quote(raw_{c}) || ' is not an ISO date; left empty'")
          for c in ("end_date", "published")],
        *[(c, f"text_of(raw_{c}) IS NOT NULL AND whole(raw_{c}) IS NULL", f"quote(raw_{c}) || ' is not a whole number; left empty'")
          for c in ("evidence_start", "evidence_end", "date_start", "date_end")],
        ("status", f"text_of(raw_status) IS NOT NULL AND NOT list_contains({statuses}, lower(text_of(raw_status)))",
         f"quote(text_of(raw_status)) || ' is not one of {', '.join(STATUSES)}; read as ' || quote('held')"),
        ("date_precision", f"text_of(raw_date_precision) IS NOT NULL AND NOT list_contains({precisions}, lower(text_of(raw_date_precision)))",
         f"quote(text_of(raw_date_precision)) || ' is not one of {', '.join(PRECISIONS)}; read as ' || "
         "quote(CASE WHEN undated THEN 'unknown' ELSE 'day' END)"),
        ("country", "text_of(raw_country) IS NOT NULL AND iso3(raw_country) IS NULL",
         "quote(text_of(raw_country)) || ' is not an ISO3 code or a known country name; left empty'"),
    ]]
    for field, condition, message in checks:
        faults += [(n, field, text) for n, text in con.execute(f"SELECT n, {message} FROM checked WHERE {condition}").fetchall()]
    for name in COUNTRY_LISTS:  # an unknown country in a list is left out of it
        faults += [(n, name, f"{token!r} is not an ISO3 code or a known country name; left out") for n, token in con.execute(
            f"SELECT n, token FROM (SELECT n, trim(unnest({_SPLIT.format('raw_' + name)})) AS token FROM checked "
            f"WHERE NOT ({skipped})) WHERE token <> '' AND iso3(token) IS NULL").fetchall()]
    # in the order _row meets them: the columns in schema order, then status, precision, venue
    checked_last = {"status": 1, "date_precision": 2, "country": 3}
    position = {name: (0, number) for number, name in enumerate(schema.names(schema.MENTIONS))}
    faults.sort(key=lambda fault: (fault[0], (1, checked_last[fault[1]]) if fault[1] in checked_last
                                   else position.get(fault[1], (-1, 0))))
    problems += _listed(path, [RowProblem(path.name, n, field, reason) for n, field, reason in faults])
    rows = f"""SELECT n, kind_read AS kind, day, undated,
            CASE WHEN list_contains({statuses}, lower(text_of(raw_status))) THEN lower(text_of(raw_status)) ELSE 'held' END AS status,
            CASE WHEN list_contains({precisions}, lower(text_of(raw_date_precision))) THEN lower(text_of(raw_date_precision))
                 WHEN undated THEN 'unknown' ELSE 'day' END AS date_precision,
            iso3(raw_country) AS country, iso_day(raw_end_date) AS end_date, iso_day(raw_published) AS published,
            whole(raw_evidence_start) AS evidence_start, whole(raw_evidence_end) AS evidence_end,
            whole(raw_date_start) AS date_start, whole(raw_date_end) AS date_end,
            coalesce(country_list(raw_countries), []) AS countries, coalesce(country_list(raw_absent), []) AS absent,
            coalesce(country_list(raw_mediators), []) AS mediators, coalesce(plain_list(raw_organizations), []) AS organizations,
            coalesce(plain_list(raw_heads), []) AS heads, coalesce(plain_list(raw_topics), []) AS topics,
            text_of(raw_mention_id) AS given_mention_id, given_event_id, text_of(raw_article_id) AS given_article_id,
            coalesce(text_of(raw_article), ?) AS article, coalesce(text_of(raw_origin), 'events-file') AS origin,
            text_of(raw_cameo) AS cameo, text_of(raw_plover_mode) AS plover_mode, text_of(raw_city) AS city,
            free_text(raw_title) AS title, free_text(raw_evidence) AS evidence, free_text(raw_date_text) AS date_text
        FROM checked WHERE NOT ({skipped})"""
    # the ids of _row: _stable_id hashes its parts joined by '|', None as '' and a missing number as '<NA>'
    article_id = ("substr(sha256('events-file|' || coalesce(strftime(day, '%Y-%m-%d %H:%M:%S'), '') || '|' || "
                  "array_to_string(countries, '|') || '|' || kind || '|' || coalesce(title, '') || '|' || coalesce(city, '') "
                  "|| '|' || coalesce(evidence, '')), 1, 16)")
    mention_id = ("substr(sha256(article_id || '|' || coalesce(CAST(evidence_start AS VARCHAR), '<NA>') || '|' || "
                  "coalesce(CAST(evidence_end AS VARCHAR), '<NA>') || '|' || kind), 1, 16)")
    ided = f"SELECT *, coalesce(given_article_id, {article_id}) AS article_id FROM ({rows})"
    final = f"SELECT *, coalesce(given_mention_id, given_event_id, {mention_id}) AS mention_id FROM ({ided})"
    types = {"string": "VARCHAR", "int": "BIGINT", "datetime": "TIMESTAMP", "list": "VARCHAR[]"}
    select = ", ".join(f'CAST({"day" if c.name == "date" else chr(34) + c.name + chr(34)} AS {types[c.kind]}) AS "{c.name}"'
                       for c in schema.MENTIONS)
    target = str(out).replace("'", "''")
    con.execute(f"COPY (SELECT {select} FROM ({final}) ORDER BY n) TO '{target}' (FORMAT parquet)", [path.name])
    written = con.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchall()[0][0]
    return int(written), problems


def _sql_list(values):
    return "[" + ", ".join(_sql_text(v) for v in values) + "]"


def _sql_text(value):
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def _one_line(text, limit=200):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _listed(path, problems):
    """Problems as one-line strings: the first MAX_LISTED_PROBLEMS, then the rest counted."""
    lines = [str(p) for p in problems[:MAX_LISTED_PROBLEMS]]
    if len(problems) > MAX_LISTED_PROBLEMS:
        from collections import Counter
        rest = Counter(f"field {p.field}: {p.reason.rsplit('; ', 1)[-1]}" for p in problems[MAX_LISTED_PROBLEMS:])
        lines.append(f"{Path(path).name}: {len(problems) - MAX_LISTED_PROBLEMS} more problems: "
                     + "; ".join(f"{n} x {reason}" for reason, n in rest.most_common()))
    return lines


def _write_parquet(frame, out):
    """A MENTIONS frame to Parquet, with the store's column types."""
    import pyarrow.parquet as pq

    from loaders.store import arrow_table
    pq.write_table(arrow_table(frame, schema.MENTIONS), str(out))


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
