"""The dashboard's filters, as one value: to and from a URL query string, to SQL, and in pandas.

A `Filters` says which events to show. The same filter runs in two places and must agree:
`Filters.where_sql()` in the store (DuckDB, over the `events` table) and `apply(frame, filters)`
over an EVENTS frame in memory (tests, the command line, frames not in a store).

What each field keeps (an empty tuple or None keeps everything):

- countries: ISO3 codes among the event's participants; `match` "any" keeps events involving any
  of them, "all" keeps events involving all of them.
- topics, kinds, statuses: the event has one of these topics / is of one of these kinds / statuses.
- start, end: the event's day range overlaps [start, end]; an undated event counts at its report
  date (`published`), the day it is drawn at on the timeline. An event with neither is dropped
  once a range is set.
- text: case-insensitive substring of the title or the evidence.
- sources: the event's origin (article, travels, gdelt ...) or one of its source files.
- absent: the text says this country did not take part ("about a country without it").
- news_only: keep only the events from what people bring (articles, events files, corrections),
  leaving out the large structured sources (STRUCTURED_ORIGINS: the Office of the Historian's
  travels and visits, GDELT), whose thousands of events would bury the news; `sources`, when
  given, says which sources to show and news_only then stands aside. In a URL it is
  `news=only`; `news=all` (everything, the field's default) is written by the dashboard, whose
  own default is the news when the store holds any.
"""
from dataclasses import dataclass, fields
from datetime import date, datetime

import pandas as pd

from loaders.errors import ParleyError

MATCHES = ("any", "all")
#: Origins of the large structured sources that `news_only` leaves out.
STRUCTURED_ORIGINS = ("travels", "visits", "gdelt")
#: Query-string values of `news_only`.
NEWS_VALUES = {"only": True, "all": False}

# Field -> query-string key. Short keys keep a bookmarked URL readable.
_QUERY_KEYS = {
    "countries": "country", "match": "match", "topics": "topic", "kinds": "kind",
    "statuses": "status", "start": "start", "end": "end", "text": "q", "sources": "source",
    "absent": "absent", "news_only": "news",
}
_TUPLE_FIELDS = ("countries", "topics", "kinds", "statuses", "sources", "absent")


@dataclass(frozen=True)
class Filters:
    """Which events to show; the default keeps them all.

    Example: Filters(countries=("RUS",), start=date(2025, 2, 1)).where_sql()
    """
    countries: tuple = ()
    match: str = "any"
    topics: tuple = ()
    kinds: tuple = ()
    statuses: tuple = ()
    start: date | None = None
    end: date | None = None
    text: str = ""
    sources: tuple = ()
    absent: tuple = ()
    news_only: bool = False

    def __post_init__(self):
        for name in _TUPLE_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(str(v) for v in value if str(v).strip()))
        object.__setattr__(self, "countries", tuple(c.upper() for c in self.countries))
        object.__setattr__(self, "absent", tuple(c.upper() for c in self.absent))
        if self.match not in MATCHES:
            raise ParleyError(f"filter 'match': got {self.match!r}, expected one of {list(MATCHES)}")
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, datetime):
                object.__setattr__(self, name, value.date())
            elif value is not None and not isinstance(value, date):
                raise ParleyError(f"filter '{name}': got {value!r}, expected a date or None")
        if self.start and self.end and self.start > self.end:
            raise ParleyError(f"filter dates: start {self.start} is after end {self.end}")
        object.__setattr__(self, "text", (self.text or "").strip())

    def is_empty(self):
        """True when the filter keeps every event."""
        return self == Filters()

    def to_query(self):
        """The filter as query-string parameters: {key: str or list of str}, defaults left out.

        Example: Filters(countries=("RUS", "USA")).to_query() == {"country": ["RUS", "USA"]}
        """
        query = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if value == field.default:
                continue
            key = _QUERY_KEYS[field.name]
            if field.name in _TUPLE_FIELDS:
                query[key] = list(value)
            elif isinstance(value, date):
                query[key] = value.isoformat()
            elif field.name == "news_only":
                query[key] = "only"
            else:
                query[key] = str(value)
        return query

    @classmethod
    def from_query(cls, mapping):
        """Read a filter from query-string parameters (the inverse of `to_query`).

        `mapping` maps keys to a str or a list of str (as `st.query_params` gives with get_all);
        unknown keys are ignored, so other parameters can share the URL.
        Raises ParleyError naming the key for a bad date or match.
        """
        values = {}
        for name, key in _QUERY_KEYS.items():
            if key not in mapping:
                continue
            raw = mapping[key]
            items = [raw] if isinstance(raw, str) else list(raw)
            if name in _TUPLE_FIELDS:
                # "country=RUS,USA" reads like "country=RUS&country=USA"
                values[name] = tuple(part.strip() for item in items for part in str(item).split(",") if part.strip())
            elif not items:
                continue
            elif name in ("start", "end"):
                values[name] = _parse_day(key, items[-1])
            elif name == "news_only":
                values[name] = _parse_news(key, items[-1])
            else:
                values[name] = str(items[-1])
        return cls(**values)

    def where_sql(self):
        """The filter as a DuckDB WHERE fragment over the store's `events` table, with its parameters.

        Returns (sql, params): `sql` is a boolean expression ("TRUE" when nothing is filtered)
        using `?` placeholders, `params` the values in order. List columns are VARCHAR[];
        `sources` is JSON text.
        Example: sql, params = f.where_sql(); con.execute(f"SELECT * FROM events WHERE {sql}", params)
        """
        clauses, params = [], []
        for column, values, every in (("countries", self.countries, self.match == "all"), ("topics", self.topics, False)):
            if values:
                clauses.append(_holds(column, values, every))
                params += list(values)
        if self.kinds:
            clauses.append("list_contains(?::VARCHAR[], kind)")
            params.append(list(self.kinds))
        if self.statuses:
            clauses.append("list_contains(?::VARCHAR[], status)")
            params.append(list(self.statuses))
        if self.start:
            clauses.append("CAST(coalesce(end_date, date, published) AS DATE) >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("CAST(coalesce(date, published) AS DATE) <= ?")
            params.append(self.end)
        if self.text:
            clauses.append("(contains(lower(coalesce(title, '')), ?) OR contains(lower(coalesce(evidence, '')), ?))")
            params += [self.text.lower(), self.text.lower()]
        if self.sources:
            clauses.append("(list_contains(?::VARCHAR[], origin) OR "
                           "list_has_any(CAST(json_extract_string(sources, '$[*].article') AS VARCHAR[]), ?::VARCHAR[]))")
            params += [list(self.sources), list(self.sources)]
        if self.absent:
            clauses.append(_holds("absent", self.absent))
            params += list(self.absent)
        if self.news_only and not self.sources:
            clauses.append("NOT list_contains(?::VARCHAR[], coalesce(origin, ''))")
            params.append(list(STRUCTURED_ORIGINS))
        return (" AND ".join(clauses) or "TRUE"), params


def _parse_news(key, text):
    value = str(text).strip().lower()
    if value not in NEWS_VALUES:
        raise ParleyError(f"filter '{key}': got {text!r}, expected one of {list(NEWS_VALUES)}")
    return NEWS_VALUES[value]


def _parse_day(key, text):
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        raise ParleyError(f"filter '{key}': got {text!r}, expected a date as YYYY-MM-DD") from None


def apply(frame, filters):
    """Keep the rows of an EVENTS `frame` that `filters` keeps: the same rules as `where_sql`.

    Returns a new frame with the index reset. Example: apply(events, Filters(kinds=("talks",)))
    """
    if filters is None or filters.is_empty() or frame.empty:
        return frame.reset_index(drop=True)
    keep = pd.Series(True, index=frame.index)
    if filters.countries:
        wanted = set(filters.countries)
        test = wanted.issubset if filters.match == "all" else (lambda have: bool(wanted & have))
        keep &= frame["countries"].map(lambda codes: test(set(codes)))
    if filters.topics:
        keep &= frame["topics"].map(lambda topics: bool(set(filters.topics) & set(topics)))
    if filters.kinds:
        keep &= frame["kind"].isin(filters.kinds)
    if filters.statuses:
        keep &= frame["status"].isin(filters.statuses)
    if filters.start or filters.end:
        first = frame["date"].fillna(frame["published"]).dt.normalize()
        last = frame["end_date"].fillna(frame["date"]).fillna(frame["published"]).dt.normalize()
        if filters.start:
            keep &= last >= pd.Timestamp(filters.start)
        if filters.end:
            keep &= first <= pd.Timestamp(filters.end)
    if filters.text:
        needle = filters.text.lower()
        keep &= (frame["title"].fillna("").str.lower().str.contains(needle, regex=False)
                 | frame["evidence"].fillna("").str.lower().str.contains(needle, regex=False))
    if filters.sources:
        wanted = set(filters.sources)
        keep &= (frame["origin"].isin(wanted)
                 | frame["sources"].map(lambda records: any(r.get("article") in wanted for r in records)))
    if filters.absent:
        keep &= frame["absent"].map(lambda codes: bool(set(filters.absent) & set(codes)))
    if filters.news_only and not filters.sources:
        keep &= ~frame["origin"].isin(STRUCTURED_ORIGINS)
    return frame[keep.fillna(False).astype(bool)].reset_index(drop=True)


def _holds(column, values, every=False):
    """The clause "the list `column` holds any (with `every`: each) of `values`", one parameter
    per value: one list_contains per value, which DuckDB runs several times faster than
    list_has_any."""
    return "(" + (" AND " if every else " OR ").join([f"list_contains({column}, ?)"] * len(values)) + ")"
