"""Every data frame Parley passes between layers, declared once, as data, and checked.

A schema is a tuple of `Column(name, kind, meaning)`. Kinds:

- ``string``: text or None
- ``int``, ``float``, ``bool``: numbers and flags (``int`` may hold missing values)
- ``datetime``: a pandas datetime64 column, NaT where unknown
- ``list``: a Python list of strings per row (never None; an empty list means none)
- ``records``: a Python list of dicts per row (the sources of an event)

`check(frame, SCHEMA, what)` raises `SchemaError` naming the frame, the column and the problem;
`empty(SCHEMA)` gives a frame with the right columns and dtypes and no rows.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd

from loaders.errors import SchemaError


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    meaning: str


KINDS = ("string", "int", "float", "bool", "datetime", "list", "records")


@dataclass(frozen=True)
class EventKind:
    """One kind of encounter. Kinds of one `family` can tell one encounter (a meeting reported
    as talks); within a family the higher `rank` names it when mentions merge. A signing told
    with a meeting is that meeting's act: its rank is below every kind it can join."""
    name: str
    family: str   # consult | call | visit | agree
    cameo: str    # CAMEO code of the kind
    rank: int
    meaning: str


#: The kinds of encounter, declared once: extraction, merge, curation and the events files read
#: them from here.
EVENT_KINDS = (
    EventKind("meeting", "consult", "040", 0, "two or more parties meet"),
    EventKind("talks", "consult", "046", 1, "negotiations, rounds of talks, consultations"),
    EventKind("summit", "consult", "040", 2, "a meeting of leaders, a conference of states"),
    EventKind("call", "call", "041", 0, "a phone or video call"),
    EventKind("visit", "visit", "042", 0, "a visit or trip to another country"),
    EventKind("signing", "agree", "057", -1, "an agreement signed or initialled (CAMEO 057, PLOVER AGREE)"),
)
KIND_NAMES = tuple(k.name for k in EVENT_KINDS)
KIND_FAMILY = {k.name: k.family for k in EVENT_KINDS}
KIND_RANK = {k.name: k.rank for k in EVENT_KINDS}
KIND_CAMEO = {k.name: k.cameo for k in EVENT_KINDS}
#: How precisely a date is known, coarsest last.
PRECISIONS = ("day", "week", "month", "year", "unknown")
#: The precisions ranked, finest highest: a finer date replaces a coarser one (day 3 ... unknown -1).
PRECISION_RANK = {precision: len(PRECISIONS) - 2 - rank for rank, precision in enumerate(PRECISIONS)}

#: One row per article read from a file (or from one record of a collection file).
ARTICLES = (
    Column("article_id", "string", "stable id: sha256 of the normalised text (whitespace collapsed, case kept), first 16 hex digits"),
    Column("path", "string", "the file it was read from; for a collection, 'FILE#N' with N the 1-based record number"),
    Column("title", "string", "the headline, or None"),
    Column("published", "datetime", "publication date and time as printed (local wall-clock time), NaT when unknown"),
    Column("published_precision", "string", "minute | day | month | year | unknown"),
    Column("published_tz", "string", "UTC offset of `published` as '+HH:MM' where the source states it, None where unknown"),
    Column("byline", "string", "the byline line as printed, or None"),
    Column("language", "string", "ISO 639-1 code, declared or assumed (settings.default_language)"),
    Column("url", "string", "the article's address where the source gives one, else None"),
    Column("text", "string", "the body text; character offsets of mentions index into it"),
    Column("problems", "list", "what went wrong reading it but did not stop it (for example 'no publication date')"),
    Column("outlet", "string", "the publisher's name as the source gives it (a page's site name), or None; "
                               "the dashboard then names the outlet by the address's host"),
)

#: One row per date expression found in an article's text.
DATE_MENTIONS = (
    Column("start", "int", "offset of the first character in the text"),
    Column("end", "int", "offset one past the last character"),
    Column("text", "string", "the matched text, exactly text[start:end]"),
    Column("date", "datetime", "the first day it resolves to"),
    Column("end_date", "datetime", "the last day of a range ('18-19 March'), else NaT"),
    Column("precision", "string", "day | week | month | year"),
    Column("rule", "string", "which pattern matched (absolute, weekday, relative, range, ...), for auditing"),
)

_EVENT_FIELDS = (
    Column("kind", "string", "meeting | talks | summit | call | visit | signing (schema.EVENT_KINDS)"),
    Column("cameo", "string", "CAMEO code: 040 consult, 041 phone, 042 make a visit, 043 host a visit, 044 meet at a third location, 046 negotiate, 057 sign a formal agreement"),
    Column("plover_mode", "string", "PLOVER CONSULT mode: visit | third-party | multilateral | phone | None"),
    Column("status", "string", "held | planned | cancelled, as stated on the publication date"),
    Column("date", "datetime", "the encounter's own (first) day; NaT when the text does not date it"),
    Column("end_date", "datetime", "last day of a multi-day encounter, else NaT"),
    Column("date_precision", "string", "day | week | month | year | unknown"),
    Column("date_text", "string", "the words the date was read from, or None"),
    Column("city", "string", "the venue's locality (city, resort, retreat), or None"),
    Column("country", "string", "ISO3 of the venue's country, or None"),
    Column("countries", "list", "ISO3 codes of the participating parties (never an absent one)"),
    Column("absent", "list", "ISO3 codes the text says did not take part or were left out"),
    Column("mediators", "list", "ISO3 codes of hosts or mediators that are not parties"),
    Column("organizations", "list", "international bodies and groupings named (NATO, EU, G20 ...)"),
    Column("heads", "list", "heads of delegation and principals, spelled as in the text"),
    Column("topics", "list", "labels from loaders.topics.TOPICS"),
    Column("title", "string", "a short generated label, e.g. 'USA–RUS talks, Istanbul'"),
)

#: One row per encounter reported in one article (or one record of a structured source).
MENTIONS = (
    Column("mention_id", "string", "stable id: hash of article_id, evidence span and kind"),
    Column("article_id", "string", "the article (ARTICLES.article_id) or structured record it came from"),
    Column("article", "string", "file name of the source, for people and for the scorer"),
    Column("published", "datetime", "publication date of the source, NaT when unknown"),
    Column("origin", "string", "article | travels | visits | gdelt | events-file | manual"),
) + _EVENT_FIELDS + (
    Column("evidence", "string", "the sentence(s) it came from, joined by ' | '"),
    Column("evidence_start", "int", "offset of the first evidence sentence in the article text"),
    Column("evidence_end", "int", "offset one past the last evidence sentence"),
    Column("date_start", "int", "offset of date_text in the article text, missing when undated"),
    Column("date_end", "int", "offset one past date_text, missing when undated"),
)

#: One row per real-world encounter: the merge of one or more mentions.
EVENTS = (
    Column("event_id", "string", "stable id: hash of the sorted mention_ids it merges"),
) + _EVENT_FIELDS + (
    Column("evidence", "string", "the evidence of its first source"),
    Column("published", "datetime", "earliest publication date among its sources (where undated events are drawn)"),
    Column("origin", "string", "origin of its first source"),
    Column("n_sources", "int", "number of mentions merged"),
    Column("mention_ids", "list", "the mentions merged into it"),
    Column("sources", "records", "one dict per mention: article_id, article, published (ISO text), evidence, evidence_start, evidence_end, date_text, date_start, date_end"),
    Column("merge_reasons", "list", "why each mention after the first was merged, one line each"),
)

_PANDAS_DTYPES = {"int": "Int64", "float": "float64", "bool": "boolean", "datetime": "datetime64[ns]"}


def names(schema):
    """The column names of `schema`, in order."""
    return [column.name for column in schema]


def empty(schema):
    """A frame with `schema`'s columns and dtypes and no rows."""
    return conform(pd.DataFrame({c.name: [] for c in schema}), schema)


def conform(frame, schema):
    """Return `frame` with `schema`'s columns in order and their dtypes applied.

    Raises SchemaError when a column is missing or unknown.
    """
    missing = [n for n in names(schema) if n not in frame.columns]
    extra = [n for n in frame.columns if n not in names(schema)]
    if missing or extra:
        raise SchemaError(f"frame columns do not match the schema: missing {missing}, unexpected {extra}")
    out = frame.loc[:, names(schema)].copy()
    for column in schema:
        if column.kind == "datetime":
            out[column.name] = pd.to_datetime(out[column.name], errors="coerce").astype("datetime64[ns]")
        elif column.kind in _PANDAS_DTYPES:
            out[column.name] = out[column.name].astype(_PANDAS_DTYPES[column.kind])
        elif column.kind == "string":
            out[column.name] = out[column.name].astype(object).where(out[column.name].notna(), None)
        elif column.kind in ("list", "records"):
            out[column.name] = out[column.name].map(_as_list)
    return out.reset_index(drop=True)


def _as_list(value):
    """A cell of a list column as a list: arrays and tuples (as DuckDB and pandas give them)
    converted, None / NaN as []. Types are tested first: pd.isna on an array is slow."""
    if isinstance(value, list):
        return value
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return []
    return list(value)


def _is_missing(value):
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def check(frame, schema, what="frame"):
    """Raise SchemaError unless `frame` has exactly `schema`'s columns, kinds and value types.

    `what` names the frame in the message ("articles from data/x.json").
    """
    if list(frame.columns) != names(schema):
        raise SchemaError(
            f"{what}: columns {list(frame.columns)} do not match the schema; expected {names(schema)}")
    for column in schema:
        series = frame[column.name]
        problem = _column_problem(series, column.kind)
        if problem:
            raise SchemaError(f"{what}: column '{column.name}' ({column.kind}) {problem}")
    return frame


def _column_problem(series, kind):
    if kind == "datetime":
        return None if pd.api.types.is_datetime64_any_dtype(series) else f"has dtype {series.dtype}, expected datetime64"
    if kind == "int":
        return None if pd.api.types.is_integer_dtype(series) else f"has dtype {series.dtype}, expected an integer dtype"
    if kind == "float":
        return None if pd.api.types.is_float_dtype(series) else f"has dtype {series.dtype}, expected float"
    if kind == "bool":
        return None if pd.api.types.is_bool_dtype(series) else f"has dtype {series.dtype}, expected bool"
    for position, value in enumerate(series):
        if kind == "string" and not (value is None or isinstance(value, str)):
            return f"row {position} holds {type(value).__name__} {value!r:.60}, expected str or None"
        if kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f"row {position} holds {value!r:.60}, expected a list of str"
        if kind == "records" and not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            return f"row {position} holds {value!r:.60}, expected a list of dicts"
    return None


def to_records(frame, schema):
    """`frame`'s rows as JSON-ready dicts: dates as 'YYYY-MM-DD' (or ISO date-time where a time
    is set), missing values as None, lists as lists.

    >>> to_records(empty(ARTICLES), ARTICLES)
    []
    """
    kinds = {c.name: c.kind for c in schema}
    records = []
    for row in frame.to_dict("records"):
        record = {}
        for name, value in row.items():
            kind = kinds.get(name)
            if kind == "datetime":
                value = _iso(value)
            elif kind in ("list", "records"):
                value = list(value) if isinstance(value, (list, tuple)) else []
            elif kind == "int":
                value = None if _is_missing(value) else int(value)
            elif _is_missing(value):
                value = None
            record[name] = value
        records.append(record)
    return records


def _iso(value):
    if value is None or _is_missing(value):
        return None
    stamp = pd.Timestamp(value)
    if stamp.hour == stamp.minute == stamp.second == 0:
        return stamp.strftime("%Y-%m-%d")
    return stamp.isoformat(timespec="minutes")


#: Fields of an event a person may edit in the app (curation).
EDITABLE = ("date", "end_date", "date_precision", "city", "country", "countries", "absent",
            "mediators", "kind", "status", "topics", "title", "heads")

#: One row per change a person made to the events, kept across re-ingests and re-extractions.
CORRECTIONS = (
    Column("correction_id", "int", "order in which the changes were made, from 1"),
    Column("at", "datetime", "when the change was made"),
    Column("action", "string", "edit | delete | merge | split"),
    Column("anchors", "list", "the target event's sources as 'article_id@evidence_start': stable across re-extraction, unlike event ids"),
    Column("other_anchors", "list", "merge: the anchors of the event merged in; split: the anchors split off into a new event"),
    Column("changes", "string", "edit: JSON object of field -> new value (fields from EDITABLE)"),
    Column("before", "string", "JSON object of field -> value before the change (edit), or the events as they were (delete, merge, split)"),
    Column("reason", "string", "why, as the person wrote it, or None"),
    Column("undone", "bool", "true once undone; undone changes are kept, not applied"),
)
