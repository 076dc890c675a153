"""What a view asks of the events: SQL over one relation named `events`, answered by DuckDB.

A chart of a million events cannot read them into pandas and count there (29 s at 1,000,000
events, most of it reading every column of every row). So the views ask DuckDB for what they
draw: counts per lane and period, per venue, per country pair, with the filters pushed down and
only the columns they need. Two kinds of `EventsSource` answer the same SQL:

- `StoreEvents(store, filters)` (`Store.source(filters)`): the `events` table of a store file,
  restricted by the filters' WHERE (`Filters.where_sql`), on a read-only connection; when
  filtered, its `events` holds the LIGHT_COLUMNS of the rows kept (the heavy ones are read by
  `Store.event` when an event is opened);
- `FrameEvents(frame)`: an EVENTS frame in memory (tests, the command line's exports, a notebook),
  registered as `events` in an in-memory DuckDB.

So a chart has one implementation whatever holds its events. In the SQL, `events` has the
EVENTS columns (list columns as VARCHAR[]; `sources` as JSON text); `EventsSource.order()`
orders rows as their source does (the store: by date, undated last, then event_id; a frame: its rows).

    >>> with FrameEvents(frame).session() as ask:                       # doctest: +SKIP
    ...     ask("SELECT kind, count(*) AS n FROM events GROUP BY kind")
"""
import json
from contextlib import contextmanager

import duckdb
import pandas as pd
import pyarrow as pa

from loaders import schema

#: Columns of an event a view may read, all but the heavy ones read on click (sources, evidence
#: are read when an event is opened; mention_ids and merge_reasons only by curation).
LIGHT_COLUMNS = tuple(c.name for c in schema.EVENTS if c.name not in ("evidence", "sources", "mention_ids", "merge_reasons"))

_ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
          "datetime": pa.timestamp("ns"), "list": pa.list_(pa.string()), "records": pa.string()}


class EventsSource:
    """Something that answers SQL over a relation `events` (see the module docstring)."""

    #: SQL terms ordering the rows as their source orders them, none of them NULL, so that a
    #: struct of them compares as the order does; '{t}' stands for the table's alias.
    order_terms = ("{t}event_id",)

    def order(self, alias=""):
        """The order terms for the table aliased `alias` ('' for none)."""
        return [term.format(t=f"{alias}." if alias else "") for term in self.order_terms]

    @contextmanager
    def session(self):
        """A function `ask(sql, params=(), **tables) -> DataFrame` on one connection; `tables`
        are frames registered under their keyword's name for the query (small lookup tables)."""
        raise NotImplementedError

    def ask(self, sql, params=(), **tables):
        """One query in a session of its own."""
        with self.session() as ask:
            return ask(sql, params, **tables)


def _asker(con):
    def ask(sql, params=(), **tables):
        for name, frame in tables.items():
            con.register(name, frame)
        try:
            return con.execute(sql, list(params)).df()
        finally:
            for name in tables:
                con.unregister(name)
    return ask


class StoreEvents(EventsSource):
    """The events of the `store` (a loaders.store.Store) that `filters` keep (None: all)."""

    order_terms = ("{t}date IS NULL", "coalesce(epoch_us({t}date), 0)", "{t}event_id")  # by date, undated last

    def __init__(self, store, filters=None):
        self.store, self.filters = store, filters

    def __repr__(self):
        return f"StoreEvents({str(self.store.path)!r}, {self.filters!r})"

    @contextmanager
    def session(self):
        where, params = self.filters.where_sql() if self.filters is not None else ("TRUE", [])
        with self.store._connect(read_only=True) as con:
            database = con.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
            if where == "TRUE":
                # everything: a view, so DuckDB reads only the columns each query uses
                con.execute(f'CREATE TEMP VIEW events AS SELECT * FROM "{database}".main.events')
            else:
                # filtered: the WHERE runs once over the store, and a view's several queries read
                # the few rows it keeps, with the light columns (within DuckDB's memory limit,
                # past which it spills); a view's queries never read the heavy ones
                con.execute(f'CREATE TEMP TABLE events AS SELECT {", ".join(LIGHT_COLUMNS)} '
                            f'FROM "{database}".main.events WHERE {_inline(where, params)}')
            yield _asker(con)


class FrameEvents(EventsSource):
    """The events of an EVENTS frame (its columns must follow the EVENTS schema)."""

    order_terms = ("{t}_position",)

    def __init__(self, frame):
        self.frame = frame

    @contextmanager
    def session(self):
        con = duckdb.connect()
        try:
            con.register("events", arrow_events(self.frame))
            yield _asker(con)
        finally:
            con.close()


def arrow_events(frame):
    """An EVENTS frame as an Arrow table with the store's column types, and `_position` (its
    row order). Explicit types: DuckDB would guess a list column from its first rows."""
    columns = [c for c in schema.EVENTS if c.name in frame.columns]
    data = {}
    for c in columns:
        values = frame[c.name]
        if c.kind == "records":
            values = values.map(lambda records: json.dumps(records, default=str))
        elif c.kind == "list":
            values = values.map(schema._as_list)
        elif c.kind == "datetime":
            values = pd.to_datetime(values, errors="coerce").astype("datetime64[ns]")
        elif c.kind == "int":
            values = pd.to_numeric(values, errors="coerce").astype("Int64")
        elif c.kind == "string":
            values = values.astype(object).where(values.notna(), None)
        data[c.name] = pa.array(values, type=_ARROW[c.kind], from_pandas=True)
    data["_position"] = pa.array(range(len(frame)), type=pa.int64())
    return pa.table(data)


def typed(frame):
    """A frame read from DuckDB with the EVENTS kinds of the columns it shares with EVENTS:
    lists as Python lists (never None), datetimes as datetime64[ns], counts as Int64."""
    kinds = {c.name: c.kind for c in schema.EVENTS}
    for name in frame.columns if len(frame) else ():
        kind = kinds.get(name)
        if kind == "list":
            frame[name] = frame[name].map(schema._as_list)
        elif kind == "datetime":
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[ns]")
        elif kind == "int":
            frame[name] = frame[name].astype("Int64")
        elif kind == "string":
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    if "x" in frame.columns and len(frame):
        frame["x"] = pd.to_datetime(frame["x"]).astype("datetime64[ns]")
    return frame


def country_lists(source, where="TRUE", params=()):
    """The distinct `countries` lists of `source`'s events matching `where`, with how many events
    have each: a list of (tuple of ISO3 codes, count). The networks and matrices of who meets
    whom follow from these (a few thousand lists for a million events) without reading each event.

    Lists are grouped by DuckDB's 64-bit hash of the list, which is faster than grouping by the
    list; two different lists would share a hash with a chance of about one in 10^19 per pair.
    """
    frame = source.ask(f"SELECT any_value(countries) AS countries, count(*) AS n FROM events WHERE {where} "
                       f"GROUP BY hash(countries)", params)
    return [(tuple(countries), int(n)) for countries, n in zip(frame["countries"], frame["n"])]


def as_source(events):
    """`events` as an EventsSource: an EVENTS frame is wrapped in FrameEvents."""
    return events if isinstance(events, EventsSource) else FrameEvents(events)


def _inline(where, params):
    """The WHERE fragment with its `?` parameters written in as SQL literals (a view cannot
    take parameters). Values are the filters' own: strings, dates, lists of strings."""
    parts = where.split("?")
    if len(parts) - 1 != len(params):
        raise ValueError(f"WHERE {where!r} has {len(parts) - 1} placeholders for {len(params)} parameters")
    out = [parts[0]]
    for value, rest in zip(params, parts[1:]):
        out += [_literal(value), rest]
    return "".join(out)


def _literal(value):
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]::VARCHAR[]"
    if hasattr(value, "isoformat"):
        return f"DATE '{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"
