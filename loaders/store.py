"""The DuckDB store: articles, mentions, events and the ingest log, in one file.

Default file `SETTINGS.db_path` (data/parley.duckdb, git-ignored); any other with `--db`.

Tables (columns are the schemas of loaders/schema.py; list columns are VARCHAR[], `sources` is
JSON text):
- `meta`: key/value; `schema_version` says which layout the file has (loaders/migrations.py
  brings an older file to the newest when it is opened, after a backup copy beside it).
- `articles`: one row per distinct article (ARTICLES), keyed by `article_id`, with its text.
- `extractions`: one row per article: the `extractor` version (loaders/extractor.py) that
  produced its mentions, and when. Articles extracted by other code are extracted again from
  their stored text when the store is opened (`Store.reextract`), and the corrections re-applied.
- `mentions`: one row per encounter reported by one source (MENTIONS), keyed by `mention_id`.
- `merged`: the merge of all mentions (EVENTS) before any correction, brought up to date in
  the same transaction as each ingest (only the new mentions' neighbourhood is merged again,
  `loaders.merge.remerge`), and in full after a re-extraction; kept so that a correction
  does not re-merge every mention.
- `events`: `merged` with the corrections applied: what the app shows.
- `corrections`: the changes people made (CORRECTIONS), re-applied whenever events are rebuilt.
- `ingest_log`: one row per input file (or fetched URL) per ingest: outcome `ingested`,
  `duplicate` or `rejected`, with the reason. Nothing read is dropped without a row here.
- `fetched`: one row per URL Parley fetched (feeds, pages, GDELT files), by canonical URL: its
  ETag, Last-Modified and content hash for the next conditional request, and the article it
  gave (loaders/fetch.py). A page listed here is not downloaded again.
- `subscriptions`: the feeds `refresh` fetches, each with its last check, success and error
  (loaders/subscriptions.py).

Why connections are short-lived: DuckDB lets one process hold a file for writing. The dashboard
and the command line both use the store, so each operation opens the file, does its work and
closes it; a second writer waits up to `busy_timeout` seconds, then gets StoreBusyError.
"""
import datetime as dt
import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from loaders import bulk, migrations, schema
from loaders.errors import ParleyError, StoreBusyError
from loaders.extractor import extractor_version
from loaders.migrations import SCHEMA_VERSION
from loaders.settings import SETTINGS

_SQL_TYPES = {
    "string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
    "datetime": "TIMESTAMP", "list": "VARCHAR[]", "records": "VARCHAR",
}
_TABLES = {"articles": (schema.ARTICLES, "article_id"),
           "mentions": (schema.MENTIONS, "mention_id"),
           "events": (schema.EVENTS, "event_id"),
           "merged": (schema.EVENTS, "event_id"),
           "corrections": (schema.CORRECTIONS, "correction_id")}


@dataclass
class FileReport:
    """What became of one input file in one ingest."""
    path: str
    outcome: str          # ingested | duplicate | rejected
    reason: str | None = None
    articles: int = 0     # new articles stored from it
    mentions: int = 0     # new mentions stored from it


@dataclass
class IngestReport:
    """The outcome of one `Store.ingest` call, file by file."""
    files: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for f in self.files if f.outcome == outcome)

    @property
    def rejected(self):
        return [f for f in self.files if f.outcome == "rejected"]

    @property
    def usable(self):
        """True when at least one file was read (ingested now or already in the store)."""
        return any(f.outcome != "rejected" for f in self.files)

    def summary(self):
        """One line of counts, e.g. 'ingested 3, duplicate 1, rejected 0 (new articles 3, new mentions 7)'."""
        return (f"ingested {self.count('ingested')}, duplicate {self.count('duplicate')}, "
                f"rejected {self.count('rejected')} (new articles "
                f"{sum(f.articles for f in self.files)}, new mentions {sum(f.mentions for f in self.files)})")


def _ddl(table):
    columns, key = _TABLES[table]
    body = ", ".join(f'"{c.name}" {_SQL_TYPES[c.kind]}' + (" PRIMARY KEY" if c.name == key else "")
                     for c in columns)
    return f"CREATE TABLE IF NOT EXISTS {table} ({body})"


class Store:
    """A Parley store in one DuckDB file.

    Opening a file creates it when missing, upgrades an older schema (loaders/migrations.py)
    and extracts again the articles an older extractor read (`reextract`). `notices` holds one
    line for each such thing done on opening, for the caller to show.

    >>> store = Store("/tmp/example.duckdb")
    >>> report = store.ingest(["data/sample"])       # doctest: +SKIP
    >>> store.events().shape                         # doctest: +SKIP
    """

    def __init__(self, path=None, busy_timeout=10.0, progress=None):
        self.path = Path(path or SETTINGS.db_path)
        self.busy_timeout = busy_timeout
        self.notices = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            self._create_or_check(con)
        self.reextract(progress)

    # -- connection ---------------------------------------------------------------------

    @contextmanager
    def _connect(self, read_only=False):
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                # DuckDB spills past its memory limit: a million-row ingest stays within it
                con = duckdb.connect(str(self.path), read_only=read_only and self.path.exists(),
                                     config={"memory_limit": SETTINGS.stream_memory})
                break
            except duckdb.IOException as error:
                if "lock" not in str(error).lower():
                    raise ParleyError(f"{self.path}: cannot open the store: {str(error).splitlines()[0]}") from None
                if time.monotonic() > deadline:
                    raise StoreBusyError(
                        f"{self.path}: the store is busy (another Parley process is writing to it); "
                        f"waited {self.busy_timeout:.0f} s, try again when it has finished") from None
                time.sleep(0.2)
            except duckdb.Error as error:
                raise ParleyError(f"{self.path}: not a Parley store (DuckDB could not open it: "
                                  f"{str(error).splitlines()[0]})") from None
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def _transaction(self):
        """A connection inside one transaction: committed on success, rolled back on any error."""
        with self._connect() as con:
            con.execute("BEGIN")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _create_or_check(self, con):
        tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "meta" in tables:
            rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            version = int(rows[0][0]) if rows and str(rows[0][0]).isdigit() else None
            if version is None or version < 1:
                raise ParleyError(f"{self.path}: store schema version {version} is not one this Parley "
                                  f"can read or upgrade (1 to {SCHEMA_VERSION}); choose another --db")
            if version > SCHEMA_VERSION:
                raise ParleyError(f"{self.path}: store schema version {version} is newer than this Parley "
                                  f"reads ({SCHEMA_VERSION}); open it with the newer Parley that wrote it, "
                                  f"or choose another --db")
            notice = migrations.upgrade(con, self.path, version)
            if notice:
                self.notices.append(notice)
            return
        if tables:
            raise ParleyError(f"{self.path}: a DuckDB file that is not a Parley store "
                              f"(tables {sorted(tables)}, no meta table); choose another --db")
        con.execute("BEGIN")
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        for table in _TABLES:
            con.execute(_ddl(table))
        con.execute('CREATE TABLE extractions (article_id VARCHAR PRIMARY KEY, extractor VARCHAR, "at" TIMESTAMP)')
        con.execute('CREATE TABLE ingest_log ("at" TIMESTAMP, path VARCHAR, outcome VARCHAR, '
                    'reason VARCHAR, articles BIGINT, mentions BIGINT)')
        con.execute(migrations.FETCHED_DDL)
        con.execute(migrations.SUBSCRIPTIONS_DDL)
        con.execute("COMMIT")

    # -- reading ------------------------------------------------------------------------

    def _frame(self, table, where="", params=()):
        with self._connect(read_only=True) as con:
            return _select(con, table, where, params)

    def articles(self):
        """All stored articles, as an ARTICLES frame ordered by publication date."""
        return self._frame("articles", "ORDER BY published NULLS LAST, article_id")

    def mentions(self):
        """All stored mentions, as a MENTIONS frame."""
        return self._frame("mentions", "ORDER BY published NULLS LAST, mention_id")

    def events(self, filters=None):
        """The events (EVENTS frame) matching `filters` (a loaders.filters.Filters, or None for all).

        The filtering runs in SQL, so a chart's frame is read without loading the whole store.
        """
        where, params = ("", [])
        if filters is not None:
            fragment, params = filters.where_sql()
            where = f"WHERE {fragment}" if fragment else ""
        return self._frame("events", f"{where} ORDER BY date NULLS LAST, event_id", params)

    def source(self, filters=None):
        """The events `filters` keep (None: all) as a loaders.queries.EventsSource: what the
        views ask their aggregates of, in SQL, without reading the events into pandas."""
        from loaders.queries import StoreEvents
        return StoreEvents(self, filters)

    def count(self, filters=None):
        """How many events `filters` keep (None: all)."""
        return int(self.source(filters).ask("SELECT count(*) AS n FROM events").iloc[0]["n"])

    def newest_events(self, filters=None, limit=None):
        """The `limit` newest events `filters` keep (an EVENTS frame, newest first: by date, an
        undated event at its report date; None: all of them)."""
        where, params = filters.where_sql() if filters is not None else ("TRUE", [])
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        return self._frame("events", f"WHERE {where} ORDER BY coalesce(date, published) DESC NULLS LAST, event_id{tail}", params)

    def event(self, event_id, filters=None):
        """The event `event_id` as an EVENTS row (a dict, its sources and evidence included), or
        None when it is not in the store or `filters` leave it out. Read when a view's point is
        clicked: the views themselves never read the sources."""
        where, params = filters.where_sql() if filters is not None else ("TRUE", [])
        frame = self._frame("events", f"WHERE event_id = ? AND {where}", [event_id, *params])
        return frame.iloc[0].to_dict() if len(frame) else None

    def events_citing(self, article_ids):
        """The events (EVENTS frame) with a source among `article_ids`."""
        if not len(article_ids):
            return schema.empty(schema.EVENTS)
        return self._frame("events", "WHERE list_has_any(CAST(json_extract_string(sources, '$[*].article_id') AS VARCHAR[]), "
                                     "?::VARCHAR[])", [list(article_ids)])

    def facets(self):
        """What the events hold, for the filters to offer, counted in DuckDB: {countries (every
        participant or absentee code), topics, kinds, origins: sorted lists; structured, news:
        how many events come from the large structured sources (filters.STRUCTURED_ORIGINS) and
        how many not; first, last: the earliest and latest day on the time axis, or None}."""
        from loaders.filters import STRUCTURED_ORIGINS

        with self._connect(read_only=True) as con:
            def values(sql):
                return sorted(row[0] for row in con.execute(sql).fetchall() if row[0] is not None)
            countries = values("SELECT DISTINCT unnest(list_concat(countries, absent)) FROM events")
            topics = values("SELECT DISTINCT unnest(topics) FROM events")
            kinds = values("SELECT DISTINCT kind FROM events")
            origins = values("SELECT DISTINCT origin FROM events")
            structured, news, first, last = con.execute(
                "SELECT count_if(list_contains(?::VARCHAR[], origin)), count_if(NOT list_contains(?::VARCHAR[], coalesce(origin, ''))), "
                "min(coalesce(date, published)), max(coalesce(date, published)) FROM events",
                [list(STRUCTURED_ORIGINS)] * 2).fetchall()[0]
        day = (lambda value: None if value is None else pd.Timestamp(value).date())
        return dict(countries=countries, topics=topics, kinds=kinds, origins=origins, structured=int(structured),
                    news=int(news), first=day(first), last=day(last))

    def events_per_article(self):
        """{article_id: number of events citing it}, counted in DuckDB."""
        with self._connect(read_only=True) as con:
            rows = con.execute("SELECT article_id, count(DISTINCT event_id) FROM (SELECT event_id, unnest(CAST("
                               "json_extract_string(sources, '$[*].article_id') AS VARCHAR[])) AS article_id FROM events) "
                               "GROUP BY article_id").fetchall()
        return {article_id: int(n) for article_id, n in rows}

    def ingest_log(self):
        """Every file ever offered to the store, with its outcome and reason."""
        with self._connect(read_only=True) as con:
            return con.execute('SELECT * FROM ingest_log ORDER BY "at"').df()

    def counts(self):
        """Row counts per table, e.g. {'articles': 34, 'mentions': 120, 'events': 90}."""
        with self._connect(read_only=True) as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in _TABLES}

    # -- writing ------------------------------------------------------------------------

    def ingest(self, paths, progress=None, names=None):
        """Read `paths` (files or folders), extract mentions, store them and re-merge events.

        Every input file ends in the report as ingested, duplicate (all it holds is already
        stored) or rejected (with the reason). The write is one transaction: a crash part way
        leaves the store as it was. `progress(done, total, label)` is called as work advances.
        `names` ({path: name}) records a file under another name than its path, in the articles
        and the ingest log: an upload under the name it came with, not its temporary copy.

        Returns an IngestReport.
        """
        import tempfile

        from loaders.registry import (
            read_paths,  # imported here: the registry pulls in every format
        )

        # large structured files are streamed to Parquet beside the store, then inserted by DuckDB
        with tempfile.TemporaryDirectory(prefix=".parley-staging-", dir=self.path.parent) as staging:
            result = read_paths([Path(p) for p in paths], progress=progress, stage_into=staging)
            if names:
                result = _renamed(result, {str(path): name for path, name in names.items()})
            return self._store_read_result(result, progress)

    def ingest_read(self, result, progress=None):
        """Store a `registry.ReadResult` read by other means than files (fetched pages and feeds,
        loaders/fetch.py): each outcome's `path` is what the report names. Returns an IngestReport."""
        return self._store_read_result(result, progress)

    def connect(self, read_only=False):
        """A short-lived connection to the file (a context manager), for the modules that keep
        tables of their own here (`fetched`, `subscriptions`); it waits while another process
        writes, then raises StoreBusyError."""
        return self._connect(read_only)

    def transaction(self):
        """A connection inside one transaction (a context manager): committed when the block
        ends, rolled back on any error."""
        return self._transaction()

    def add_frames(self, articles=None, mentions=None, label="frames"):
        """Store already-read frames (ARTICLES and/or MENTIONS) as one ingest; returns an IngestReport."""
        from loaders.registry import FileOutcome, ReadResult

        articles = articles if articles is not None else schema.empty(schema.ARTICLES)
        mentions = mentions if mentions is not None else schema.empty(schema.MENTIONS)
        result = ReadResult(articles, mentions, [FileOutcome(label, "read", None, len(articles) + len(mentions))])
        return self._store_read_result(result, None, label=label)

    def ingest_extracted(self, folder, progress=None):
        """Store the output of `python -m loaders extract --out FOLDER` (loaders/scale.py): its
        Parquet parts are read by DuckDB, without passing through pandas; the articles and
        mentions the store lacks are inserted (the first of a repeated id), recorded as read by
        the folder's extractor version, and the new mentions merged into the events as after any
        ingest, in one transaction. The ingest log gets one line for the folder.

        Returns an IngestReport. Raises ParleyError when `folder` is not such an output.
        """
        from loaders.scale import read_manifest

        folder = Path(folder)
        version = read_manifest(folder)["extractor"]
        names = {table: ", ".join(f'"{c.name}"' for c in _TABLES[table][0]) for table in ("articles", "mentions")}
        glob = {table: str(folder / table / "*.parquet").replace("'", "''") for table in ("articles", "mentions")}
        with self._transaction() as con:
            has = {table: bool(list((folder / table).glob("*.parquet"))) for table in glob}
            con.execute(f"""CREATE OR REPLACE TEMP TABLE new_articles AS SELECT {names["articles"]}
                            FROM read_parquet('{glob["articles"]}', filename = true, file_row_number = true)
                            WHERE article_id NOT IN (SELECT article_id FROM articles)
                            QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY filename, file_row_number) = 1"""
                        if has["articles"] else "CREATE OR REPLACE TEMP TABLE new_articles AS SELECT * FROM articles LIMIT 0")
            con.execute("INSERT INTO articles SELECT * FROM new_articles")
            con.execute("DELETE FROM extractions WHERE article_id IN (SELECT article_id FROM new_articles)")
            con.execute("INSERT INTO extractions SELECT article_id, ?, ? FROM new_articles", [version, dt.datetime.now()])
            con.execute(f"""CREATE OR REPLACE TEMP TABLE new_mentions AS SELECT {names["mentions"]}
                            FROM read_parquet('{glob["mentions"]}', filename = true, file_row_number = true)
                            WHERE mention_id NOT IN (SELECT mention_id FROM mentions)
                              AND (origin != 'article' OR article_id IN (SELECT article_id FROM new_articles))
                            QUALIFY row_number() OVER (PARTITION BY mention_id ORDER BY filename, file_row_number) = 1"""
                        if has["mentions"] else "CREATE OR REPLACE TEMP TABLE new_mentions AS SELECT * FROM mentions LIMIT 0")
            con.execute("INSERT INTO mentions SELECT * FROM new_mentions")
            con.execute("CREATE OR REPLACE TEMP TABLE fresh AS SELECT mention_id FROM new_mentions")
            n_articles = con.execute("SELECT count(*) FROM new_articles").fetchall()[0][0]
            n_mentions = con.execute("SELECT count(*) FROM fresh").fetchall()[0][0]
            if n_mentions:
                if progress:
                    progress(0, 1, "merging")
                self._rebuild_events(con, fresh=True)
            fresh = n_articles or n_mentions
            line = FileReport(str(folder), "ingested" if fresh else "duplicate", None if fresh else "already in the store",
                              n_articles, n_mentions)
            con.execute("INSERT INTO ingest_log VALUES (?, ?, ?, ?, ?, ?)",
                        [dt.datetime.now(), line.path, line.outcome, line.reason, line.articles, line.mentions])
            con.execute("DROP TABLE new_articles")
            con.execute("DROP TABLE new_mentions")
        return IngestReport(files=[line])

    def _store_read_result(self, result, progress, label=None):
        from loaders.extraction import extract_mentions

        articles = result.articles
        schema.check(articles, schema.ARTICLES, "articles read")
        schema.check(result.mentions, schema.MENTIONS, "structured mentions read")
        report = IngestReport()
        # Extraction runs without holding the file, so the app and other processes are not locked
        # out meanwhile; the ids are read again inside the transaction in case they changed.
        with self._connect(read_only=True) as con:
            known_articles = _ids(con, "articles")
        new_articles = articles[~articles["article_id"].isin(known_articles)
                                & ~articles["article_id"].duplicated()]
        if progress:
            progress(0, max(len(new_articles), 1), "extracting")
        extracted = extract_mentions(new_articles) if len(new_articles) else schema.empty(schema.MENTIONS)
        mentions = pd.concat([extracted, result.mentions], ignore_index=True) if len(result.mentions) else extracted
        with self._transaction() as con:
            known_articles, known_mentions = _ids(con, "articles"), _ids(con, "mentions")
            new_articles = new_articles[~new_articles["article_id"].isin(known_articles)]
            mentions = mentions[~mentions["mention_id"].isin(known_mentions) & ~mentions["mention_id"].duplicated()
                                & (mentions["article_id"].isin(new_articles["article_id"]) | (mentions["origin"] != "article"))]
            mentions = schema.conform(mentions, schema.MENTIONS)
            if label is None:
                report.files = _file_reports(result, new_articles, mentions, _structured_files(result))
            else:  # frames handed over in code: one report line under their label
                fresh = len(new_articles) or len(mentions)
                report.files = [FileReport(label, "ingested" if fresh else "duplicate",
                                           None if fresh else "already in the store", len(new_articles), len(mentions))]
            self._insert(con, "articles", new_articles)
            _record_extractor(con, new_articles["article_id"])
            self._insert(con, "mentions", mentions)
            con.register("new_ids", pa.table({"mention_id": pa.array(list(mentions["mention_id"]), type=pa.string())}))
            con.execute("CREATE OR REPLACE TEMP TABLE fresh AS SELECT mention_id FROM new_ids")
            con.unregister("new_ids")
            staged = {item.path: _insert_staged(con, item.parquet) for item in result.staged}
            reasons = {str(outcome.path): outcome.reason for outcome in result.outcomes}
            for line in report.files:
                if line.path in staged:
                    _report_staged(line, staged[line.path], reasons.get(line.path))
            if con.execute("SELECT count(*) FROM fresh").fetchall()[0][0]:
                if progress:
                    progress(0, 1, "merging")
                self._rebuild_events(con, fresh=True)
            now = dt.datetime.now()
            con.executemany("INSERT INTO ingest_log VALUES (?, ?, ?, ?, ?, ?)",
                            [[now, f.path, f.outcome, f.reason, f.articles, f.mentions] for f in report.files])
        return report

    def reextract(self, progress=None):
        """Extract again, from their stored text, the articles whose mentions were produced by
        another extractor version than this code's (or an unknown one: stores made before
        versions were recorded); then merge all mentions again and re-apply the corrections.

        Structured mentions (GDELT, travels, events files) are not extracted, so they stay. As
        in `ingest`, the extraction runs without holding the file and the write is one
        transaction. Returns the number of articles extracted again (0 when all are current);
        when some were, adds a line to `notices`, with the corrections that no longer match.
        """
        from loaders.extraction import extract_mentions

        version = extractor_version()
        with self._connect(read_only=True) as con:
            stale = _select(con, "articles", _STALE, [version])
        if stale.empty:
            return 0
        if progress:
            progress(0, len(stale), "extracting again")
        mentions = extract_mentions(stale)
        with self._transaction() as con:
            # another process may have extracted some of them meanwhile
            still_stale = _ids(con, "articles", _STALE, [version])
            redone = [article for article in stale["article_id"] if article in still_stale]
            if not redone:
                return 0
            con.execute("DELETE FROM mentions WHERE origin = 'article' AND list_contains(?, article_id)", [redone])
            self._insert(con, "mentions", mentions[mentions["article_id"].isin(redone)])
            _record_extractor(con, redone)
            # mentions went as well as came: merge them all again, not only the new ones' neighbourhood
            self._merge_all(con)
            unmatched = len(self._rebuild_events(con))
        if progress:
            progress(len(stale), len(stale), "extracting again")
        self.notices.append(
            f"{self.path}: extracted {len(redone)} article{'s' if len(redone) != 1 else ''} again from their stored text "
            f"(another version of the extraction, or an unrecorded one, had read them) and re-applied the corrections"
            + (f"; {unmatched} no longer match an event (python -m loaders corrections says why)" if unmatched else ""))
        return len(redone)

    def _rebuild_events(self, con, fresh=False):
        """Apply the corrections to the merged events, inside the caller's transaction; after an
        ingest (`fresh`: the temporary table `fresh` holds the new mentions' ids), merge them
        first, with the mentions they could join (loaders/bulk.py says which need Python).
        Returns the corrections that match no event: {correction_id: why}."""
        from loaders.merge import remerge

        if fresh:
            bulk.mark_core(con)
            bulk.insert_singles(con, "mention_id IN (SELECT mention_id FROM fresh) AND mention_id NOT IN (SELECT mention_id FROM core)")
            new_core = [row[0] for row in con.execute(
                "SELECT mention_id FROM fresh WHERE mention_id IN (SELECT mention_id FROM core)").fetchall()]
            if new_core:
                mentions = _select(con, "mentions", "WHERE mention_id IN (SELECT mention_id FROM core)")
                merged = _select(con, "merged", "WHERE event_id IN (SELECT event_id FROM (SELECT event_id, unnest(mention_ids) AS m "
                                                "FROM merged) WHERE m IN (SELECT mention_id FROM core))")
                stale, events = remerge(mentions, merged, new_core)
                con.execute("DELETE FROM merged WHERE list_contains(?, event_id)", [sorted(stale)])
                self._insert(con, "merged", events)
        events, unmatched, touched = self._corrected(con)
        con.execute("DELETE FROM events")
        # the events no correction touches are copied by DuckDB; only the others pass through pandas
        con.register("touched_ids", pa.table({"event_id": pa.array(sorted(touched), type=pa.string())}))
        try:
            con.execute("INSERT INTO events SELECT * FROM merged WHERE event_id NOT IN (SELECT event_id FROM touched_ids)")
        finally:
            con.unregister("touched_ids")
        self._insert(con, "events", events)
        return unmatched

    def _merge_all(self, con):
        """Merge every mention again into `merged` (inside the caller's transaction)."""
        from loaders.merge import merge_mentions

        con.execute("DELETE FROM merged")
        bulk.mark_core(con)
        self._insert(con, "merged", merge_mentions(_select(con, "mentions", "WHERE mention_id IN (SELECT mention_id FROM core)")))
        bulk.insert_singles(con, "mention_id NOT IN (SELECT mention_id FROM core)")

    def _corrected(self, con):
        """(events, unmatched, touched): the merged events some correction may change, with the
        corrections applied; {correction_id: why it matches no event} for those not applied; and
        the ids of the merged events read (those the corrections name by an article of theirs;
        every other merged event stays as it is)."""
        from loaders.curation import apply_corrections

        corrections = _select(con, "corrections")
        active = corrections[~corrections["undone"].astype(bool)]
        cited = sorted({anchor.split("@", 1)[0] for column in ("anchors", "other_anchors")
                        for anchors in active[column] for anchor in anchors})
        if not cited:
            return schema.empty(schema.EVENTS), {}, set()
        merged = _select(con, "merged", "WHERE list_has_any(CAST(json_extract_string(sources, '$[*].article_id') AS VARCHAR[]), "
                                        "?::VARCHAR[])", [cited])
        splits = active[active["action"] == "split"]
        # only a split needs the mentions (to build the event split off), of the events read
        mention_ids = sorted({m for ids in merged["mention_ids"] for m in ids}) if len(splits) else []
        mentions = (_select(con, "mentions", "WHERE list_contains(?::VARCHAR[], mention_id)", [mention_ids])
                    if mention_ids else schema.empty(schema.MENTIONS))
        events, unmatched = apply_corrections(merged, mentions, corrections)
        return events, unmatched, set(merged["event_id"])

    @property
    def correction_problems(self):
        """Corrections that no longer match an event (after a re-ingest or re-extraction), one line each."""
        statuses = self.correction_statuses()
        unmatched = statuses[statuses["status"] == "unmatched"]
        return [f"correction {number} ({action}) no longer matches an event: {problem}"
                for number, action, problem in zip(unmatched["correction_id"], unmatched["action"], unmatched["problem"])]

    def correction_statuses(self):
        """Every correction (CORRECTIONS frame, in order) with two more columns: `status`, one of
        applied | unmatched | undone, and `problem`, why an unmatched one matches no event now
        (its event's sources were not found after a re-extraction, say), else None.
        Unmatched corrections are kept: they apply again if their event comes back.
        """
        with self._connect(read_only=True) as con:
            corrections = _select(con, "corrections", "ORDER BY correction_id")
            unmatched = self._corrected(con)[1]
        status = ["undone" if undone else "unmatched" if number in unmatched else "applied"
                  for number, undone in zip(corrections["correction_id"], corrections["undone"])]
        problem = pd.Series([unmatched.get(n) for n in corrections["correction_id"]], index=corrections.index, dtype=object)
        return corrections.assign(status=status, problem=problem)

    # -- curation -----------------------------------------------------------------------

    def corrections(self):
        """Every change people made, in order (CORRECTIONS frame), undone ones included."""
        return self._frame("corrections", "ORDER BY correction_id")

    def edit_event(self, event_id, changes, reason=None):
        """Change fields of an event (`changes`: field -> value, fields from schema.EDITABLE)."""
        from loaders.curation import validate_changes

        changes = validate_changes(changes)
        event = self._event(event_id)
        before = {name: event[name] for name in changes}
        return self._correct("edit", event, changes=changes, before=before, reason=reason)

    def delete_event(self, event_id, reason=None):
        """Remove a false event; its mentions stay stored, so the deletion can be undone."""
        event = self._event(event_id)
        return self._correct("delete", event, before=_plain(event), reason=reason)

    def merge_events(self, event_id, other_event_id, reason=None):
        """Merge `other_event_id` into `event_id` (which keeps its fields where both have one)."""
        if event_id == other_event_id:
            raise ParleyError(f"merge_events: both ids are {event_id!r}; expected two different events")
        event, other = self._event(event_id), self._event(other_event_id)
        from loaders.curation import anchors_of
        return self._correct("merge", event, other_anchors=anchors_of(other),
                             before={"events": [_plain(event), _plain(other)]}, reason=reason)

    def split_event(self, event_id, mention_ids, reason=None):
        """Split the sources `mention_ids` off `event_id` into an event of their own."""
        from loaders.curation import anchor

        event = self._event(event_id)
        pairs = dict(zip(event["mention_ids"], event["sources"]))
        unknown = [m for m in mention_ids if m not in pairs]
        if unknown or not mention_ids or len(mention_ids) >= len(pairs):
            raise ParleyError(f"split_event: mention_ids {list(mention_ids)} must be some, not all, of the "
                              f"event's mentions {list(pairs)}")
        return self._correct("split", event, other_anchors=[anchor(pairs[m]) for m in mention_ids],
                             before=_plain(event), reason=reason)

    def undo(self):
        """Undo the last change not yet undone; returns its correction_id, or None when there is none."""
        with self._transaction() as con:
            last = con.execute("SELECT max(correction_id) FROM corrections WHERE NOT undone").fetchall()[0][0]
            if last is None:
                return None
            con.execute("UPDATE corrections SET undone = true WHERE correction_id = ?", [last])
            self._rebuild_events(con)
        return int(last)

    def export_corrections(self, path):
        """Write every correction to `path` as JSON (a list of CORRECTIONS records)."""
        records = correction_records(self.corrections())
        Path(path).write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        return len(records)

    def import_corrections(self, path):
        """Append the corrections in the JSON file `path` (as written by export_corrections).

        Corrections already present (same time, action and anchors) are skipped. Returns the number added.
        """
        try:
            records = json.loads(Path(path).read_text(encoding="utf-8"))
            frame = pd.DataFrame(records)
            frame = schema.conform(frame, schema.CORRECTIONS)
        except (OSError, ValueError) as error:
            raise ParleyError(f"{path}: not a corrections file ({str(error).splitlines()[0]}); "
                              f"expected the JSON written by export_corrections") from None
        existing = self.corrections()
        seen = {(pd.Timestamp(a), c, tuple(n)) for a, c, n in zip(existing["at"], existing["action"], existing["anchors"])}
        fresh = frame[[(pd.Timestamp(a), c, tuple(n)) not in seen
                       for a, c, n in zip(frame["at"], frame["action"], frame["anchors"])]].copy()
        start = int(existing["correction_id"].max()) + 1 if len(existing) else 1
        fresh["correction_id"] = range(start, start + len(fresh))
        with self._transaction() as con:
            self._insert(con, "corrections", fresh)
            self._rebuild_events(con)
        return len(fresh)

    def _event(self, event_id):
        frame = self._frame("events", "WHERE event_id = ?", [event_id])
        if frame.empty:
            raise ParleyError(f"event_id {event_id!r} is not in the store {self.path}")
        return frame.iloc[0].to_dict()

    def _correct(self, action, event, changes=None, other_anchors=(), before=None, reason=None):
        from loaders.curation import anchors_of

        with self._transaction() as con:
            next_id = con.execute("SELECT coalesce(max(correction_id), 0) + 1 FROM corrections").fetchall()[0][0]
            row = dict(correction_id=next_id, at=dt.datetime.now(), action=action,
                       anchors=anchors_of(event), other_anchors=list(other_anchors),
                       changes=json.dumps(changes or {}, default=str), before=json.dumps(before or {}, default=str),
                       reason=(reason or "").strip() or None, undone=False)
            self._insert(con, "corrections", pd.DataFrame([row]))
            self._rebuild_events(con)
        return next_id

    @staticmethod
    def _insert(con, table, frame):
        if not len(frame):
            return
        columns, _ = _TABLES[table]
        frame = schema.check(schema.conform(frame, columns), columns, table)
        frame = frame.copy()
        for c in columns:
            if c.kind == "records":
                frame[c.name] = frame[c.name].map(lambda records: json.dumps(records, default=str))
        # An explicit Arrow schema: DuckDB would otherwise guess a column's type from its first
        # rows, and a column that starts with None or [] would be guessed wrongly.
        con.register("incoming", pa.Table.from_pandas(frame, schema=_arrow_schema(columns), preserve_index=False))
        try:
            con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
        finally:
            con.unregister("incoming")

    def ensure_sample(self, progress=None):
        """Ingest the bundled sample (SETTINGS.sample_paths) if the store has never been filled.

        Returns the IngestReport, or None when the store already holds data.
        """
        with self._connect(read_only=True) as con:
            filled = con.execute("SELECT count(*) FROM ingest_log").fetchall()[0][0]
        if filled:
            return None
        return self.ingest([p for p in SETTINGS.sample_paths if Path(p).exists()], progress=progress)


_ARROW_TYPES = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                "datetime": pa.timestamp("ns"), "list": pa.list_(pa.string()), "records": pa.string()}


def correction_records(corrections):
    """CORRECTIONS rows as JSON-ready dicts, as the corrections file holds them (`at` in full
    ISO form, so an import recognises a correction it already has); extra columns ride along."""
    records = schema.to_records(corrections, schema.CORRECTIONS)
    for record, at in zip(records, corrections["at"]):
        record["at"] = pd.Timestamp(at).isoformat()
    return records


def arrow_table(frame, columns):
    """A frame of schema `columns` as an Arrow table with the store's column types (records as
    JSON text)."""
    if not len(frame):
        return _arrow_schema(columns).empty_table()
    frame = schema.check(schema.conform(frame, columns), columns, "frame")
    frame = frame.copy()
    for c in columns:
        if c.kind == "records":
            frame[c.name] = frame[c.name].map(lambda records: json.dumps(records, default=str))
    return pa.Table.from_pandas(frame, schema=_arrow_schema(columns), preserve_index=False)


def _arrow_schema(columns):
    return pa.schema([(c.name, _ARROW_TYPES[c.kind]) for c in columns])


def _plain(event):
    """An event row as JSON-ready values, for a correction's `before`."""
    return schema.to_records(pd.DataFrame([event]), schema.EVENTS)[0]


def _select(con, table, where="", params=()):
    """Rows of `table` as a frame conformed to its schema (JSON text back to records)."""
    columns, _ = _TABLES[table]
    frame = con.execute(f"SELECT * FROM {table} {where}", list(params)).df()
    for c in columns:
        if c.kind == "records":
            frame[c.name] = frame[c.name].map(lambda text: json.loads(text) if isinstance(text, str) else [])
    return schema.conform(frame, columns)


def _insert_staged(con, parquet):
    """Insert the MENTIONS rows of a staged Parquet file that the store has not (the first of
    a repeated mention_id), add their ids to the temporary table `fresh`; returns how many."""
    names = ", ".join(f'"{c.name}"' for c in schema.MENTIONS)
    target = str(parquet).replace("'", "''")
    before = con.execute("SELECT count(*) FROM fresh").fetchall()[0][0]
    con.execute(f"""CREATE OR REPLACE TEMP TABLE staged AS SELECT {names} FROM read_parquet('{target}', file_row_number = true)
                    WHERE mention_id NOT IN (SELECT mention_id FROM mentions)
                    QUALIFY row_number() OVER (PARTITION BY mention_id ORDER BY file_row_number) = 1""")
    con.execute("INSERT INTO mentions SELECT * FROM staged")
    con.execute("INSERT INTO fresh SELECT mention_id FROM staged")
    con.execute("DROP TABLE staged")
    return con.execute("SELECT count(*) FROM fresh").fetchall()[0][0] - before


def _report_staged(line, inserted, reason):
    """Set the report `line` of a staged file from the rows it brought; `reason`: the problems
    met reading it. (Its rows are not in the frames, so the report first took it for a duplicate.)"""
    if inserted:
        line.outcome, line.reason, line.mentions = "ingested", reason, inserted


def _renamed(result, names):
    """`result` (a ReadResult) with the files named in `names` ({path: name}) recorded under
    their name: in the outcomes and the articles' `path` ('PATH#3' becomes 'NAME#3')."""
    from dataclasses import replace

    def rename(path):
        file, mark, record = str(path).partition("#")
        return names.get(file, file) + mark + record

    articles = result.articles.assign(path=result.articles["path"].map(rename))
    outcomes = [replace(outcome, path=rename(outcome.path)) for outcome in result.outcomes]
    return replace(result, articles=articles, outcomes=outcomes)


def _source_file(path):
    """'data/x.json#3' -> 'data/x.json': collection records report under their file."""
    return str(path).split("#", 1)[0]


def _ids(con, table, where="", params=()):
    key = _TABLES[table][1]
    return {row[0] for row in con.execute(f"SELECT {key} FROM {table} {where}", list(params)).fetchall()}


#: Articles whose mentions another extractor version produced (or an unknown one): parameter
#: the current version.
_STALE = "WHERE article_id NOT IN (SELECT article_id FROM extractions WHERE extractor = ?)"


def _record_extractor(con, article_ids):
    """Record that this code's extractor produced the mentions of `article_ids`."""
    article_ids = list(article_ids)
    con.execute("DELETE FROM extractions WHERE list_contains(?, article_id)", [article_ids])
    con.execute("INSERT INTO extractions SELECT unnest(?::VARCHAR[]), ?, ?",
                [article_ids, extractor_version(), dt.datetime.now()])


def _structured_files(result):
    """mention_id -> the file it was read from, for mentions of structured files.

    The registry concatenates each file's frame in the order of its outcomes, so the rows of
    the mentions frame are attributed by walking the outcomes (a GDELT mention's `article` is
    a URL, not the file).
    """
    from loaders.registry import formats

    produces = {f.name: f.produces for f in formats()}
    staged = {item.path for item in getattr(result, "staged", [])}
    files = []
    for outcome in result.outcomes:
        if (outcome.outcome == "read" and produces.get(getattr(outcome, "format", None)) == "mentions"
                and str(outcome.path) not in staged):
            files += [str(outcome.path)] * outcome.n_rows
    if len(files) != len(result.mentions):  # a frame not from read_paths (add_frames): no files to credit
        return {}
    return dict(zip(result.mentions["mention_id"], files))


def _file_reports(result, new_articles, new_mentions, structured_files):
    article_file = dict(zip(new_articles["article_id"], new_articles["path"].map(_source_file)))
    new_by_file = pd.Series(list(article_file.values()), dtype=object).value_counts().to_dict()
    # article mentions count under their article's file; structured ones under the file read
    mention_file = [article_file.get(a) if o == "article" else structured_files.get(m, name)
                    for m, a, o, name in zip(new_mentions["mention_id"], new_mentions["article_id"],
                                             new_mentions["origin"], new_mentions["article"])]
    mentions_by_file = pd.Series(mention_file, dtype=object).value_counts().to_dict()
    reports = []
    for outcome in result.outcomes:
        path = str(outcome.path)
        if outcome.outcome == "rejected":
            reports.append(FileReport(path, "rejected", outcome.reason))
            continue
        n_articles = new_by_file.get(path, 0)
        n_mentions = mentions_by_file.get(path, 0)
        if n_articles or n_mentions:
            # problems that did not stop the read (a skipped row, no publication date) travel along
            reports.append(FileReport(path, "ingested", outcome.reason, n_articles, n_mentions))
        elif outcome.n_rows:
            reports.append(FileReport(path, "duplicate", "already in the store"))
        else:
            reports.append(FileReport(path, "rejected", outcome.reason or "no articles or events in it"))
    return reports
