"""Parley's command line: `python -m loaders ingest|articles|extract|events|corrections ...`.

    python -m loaders ingest PATH... [--db FILE]
    python -m loaders articles PATH... [--format jsonl|csv]
    python -m loaders extract PATH... [--mentions] [--format jsonl|csv]
    python -m loaders extract ARCHIVE... --out DIR [--workers N | --scheduler ADDRESS] [--part-size N]
    python -m loaders events [--db FILE] [--country ISO3]... [--format jsonl|csv]
    python -m loaders corrections [--db FILE] [--format jsonl]
    python -m loaders fetch URL... [--db FILE] [--timeout SECONDS]
    python -m loaders subscribe URL... [--db FILE]  /  unsubscribe URL... [--db FILE]
    python -m loaders refresh [--every 15m] [--db FILE] [--timeout SECONDS]

`fetch` reads feeds, web pages and GDELT update lists or zipped exports from the web into the
store (loaders/fetch.py), one report line per URL: ingested, unchanged, duplicate or rejected
with the reason; the exit code is 1 when any URL was rejected. `subscribe` keeps feeds in the
store; `refresh` fetches them all, once or every interval until interrupted. The command line
may fetch from loopback and private addresses; the web app may not (settings).

`extract --out` reads archives (WARC, WARC.gz, Parquet, JSON Lines, or any file Parley reads)
in parts, on N local processes or a Dask cluster, and writes mentions and articles as Parquet
parts into DIR, with a progress line in articles per second (loaders/scale.py); run again, it
skips the parts already written. `ingest DIR` stores such a folder and merges its mentions.

`events` and `corrections` read a store, for scripts: the events with the corrections applied,
as the app shows them (the same `Store.events` query), and each correction with its status.
Opening an older store upgrades it (a backup copy is written beside it) and extracts again
the articles an older extraction read; one line on stderr says so.

Bad input never gives a traceback: each rejected file is named with its reason on one line,
and the exit code is 1 when nothing usable was read (2 for a usage error).
"""
import argparse
import csv
import json
import sys

from loaders.errors import ParleyError
from loaders.settings import SETTINGS


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m loaders", description="Read, extract and store diplomatic events.")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="read articles and event files into the store")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--db", default=None, help=f"store file (default {SETTINGS.db_path})")
    articles = commands.add_parser("articles", help="print the parsed articles")
    articles.add_argument("paths", nargs="+", metavar="PATH")
    articles.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    extract = commands.add_parser("extract", help="print the extracted events (or mentions)")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--mentions", action="store_true", help="one row per mention, not per merged event")
    extract.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    extract.add_argument("--explain", action="store_true",
                         help="add 'why' to each row: the rule or cue that decided each field")
    extract.add_argument("--out", default=None, metavar="DIR",
                         help="write mentions and articles as Parquet parts into DIR (for python -m loaders ingest DIR)")
    where = extract.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=None, metavar="N",
                       help="with --out: N local worker processes (default: every core)")
    where.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="with --out: a running Dask scheduler, e.g. tcp://host:8786 (DIR shared by its workers)")
    extract.add_argument("--part-size", type=int, default=None, metavar="N",
                         help="with --out: articles per part (default 200)")
    events = commands.add_parser("events", help="print the stored events, corrections applied, as the app shows them")
    events.add_argument("--db", default=None, help=f"store file (default {SETTINGS.db_path})")
    events.add_argument("--country", action="append", default=[], metavar="ISO3",
                        help="only events this country takes part in; repeat for any of several")
    events.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    corrections = commands.add_parser("corrections", help="print each correction with its status: "
                                      "applied, unmatched (and why) or undone")
    corrections.add_argument("--db", default=None, help=f"store file (default {SETTINGS.db_path})")
    corrections.add_argument("--format", choices=("jsonl",), default="jsonl")
    fetch = commands.add_parser("fetch", help="read feeds, web pages and GDELT updates from the web into the store")
    fetch.add_argument("urls", nargs="+", metavar="URL")
    subscribe = commands.add_parser("subscribe", help="follow feeds: refresh fetches them")
    subscribe.add_argument("urls", nargs="+", metavar="URL")
    unsubscribe = commands.add_parser("unsubscribe", help="stop following feeds (their articles stay)")
    unsubscribe.add_argument("urls", nargs="+", metavar="URL")
    refresh = commands.add_parser("refresh", help="fetch every subscribed feed, once or on a schedule")
    refresh.add_argument("--every", default=None, metavar="INTERVAL",
                         help="refresh again after each INTERVAL (15m, 2h, 1d) until interrupted")
    for command in (fetch, subscribe, unsubscribe, refresh):
        command.add_argument("--db", default=None, help=f"store file (default {SETTINGS.db_path})")
    for command in (fetch, refresh):
        command.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                             help=f"seconds a server may take to answer (default {SETTINGS.fetch_timeout_seconds:g})")
    args = parser.parse_args(argv)
    try:
        return {"ingest": _ingest, "articles": _articles, "extract": _extract, "events": _events,
                "corrections": _corrections, "fetch": _fetch, "subscribe": _subscribe,
                "unsubscribe": _unsubscribe, "refresh": _refresh}[args.command](args)
    except ParleyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if args.command == "extract" and args.out is not None:
            print(f"interrupted: the parts written in {args.out} are kept; the same command goes on from them", file=sys.stderr)
        else:
            print("interrupted: the store keeps its state from before this ingest", file=sys.stderr)
        return 130


def _ingest(args):
    from loaders.scale import is_extract_folder
    from loaders.store import IngestReport, Store

    store = Store(args.db, progress=_ProgressBar())
    _print_notices(store)
    # folders written by `extract --out` are read by DuckDB as they are; the rest as files
    extracted = [path for path in args.paths if is_extract_folder(path)]
    others = [path for path in args.paths if path not in extracted]
    report = store.ingest(others, progress=_ProgressBar()) if others else IngestReport()
    for folder in extracted:
        report.files += store.ingest_extracted(folder, progress=_ProgressBar()).files
    for file in report.files:
        if file.outcome == "rejected":
            print(f"rejected: {file.path}: {file.reason}", file=sys.stderr)
    print(f"{store.path}: {report.summary()}")
    if report.count("ingested") == 0 and report.count("duplicate"):
        print("nothing new: every file was already in the store")
    return 0 if report.usable else 1


def _client(args):
    """The polite HTTP client of the command line: loopback and private hosts allowed (its user
    runs it), the timeout of --timeout."""
    import dataclasses

    from loaders.web import Client

    if args.timeout is not None and not args.timeout > 0:
        raise ParleyError(f"--timeout {args.timeout:g}: expected a number of seconds above 0")
    settings = SETTINGS if args.timeout is None else dataclasses.replace(
        SETTINGS, fetch_timeout_seconds=args.timeout, fetch_total_seconds=max(args.timeout, SETTINGS.fetch_total_seconds))
    return Client(settings, allow_private=True)


def _print_fetch(store, report):
    for line in report.urls:
        print(line.line(), file=sys.stderr if line.outcome == "rejected" else sys.stdout)
        for detail in line.details:
            print(f"  {detail}", file=sys.stderr)
    print(f"{store.path}: {report.summary()}")


def _fetch(args):
    from loaders.fetch import fetch_urls
    from loaders.store import Store

    store = Store(args.db, progress=_ProgressBar())
    _print_notices(store)
    with _client(args) as client:
        report = fetch_urls(store, args.urls, client)
    _print_fetch(store, report)
    return 1 if report.rejected else 0


def _subscribe(args):
    from loaders.store import Store
    from loaders.subscriptions import subscribe

    store = Store(args.db, progress=_ProgressBar())
    _print_notices(store)
    failed = 0
    for url in args.urls:
        try:
            print(f"subscribed: {subscribe(store, url, allow_private=True)}")
        except ParleyError as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _unsubscribe(args):
    from loaders.subscriptions import unsubscribe

    store = _stored(args.db)
    for url in args.urls:
        unsubscribe(store, url)
        print(f"unsubscribed: {url}")
    return 0


def _refresh(args):
    import time

    from loaders.subscriptions import every_seconds, refresh

    every = every_seconds(args.every) if args.every else None
    store = _stored(args.db)
    while True:
        with _client(args) as client:
            report = refresh(store, client)
        if not report.urls:
            print(f"{store.path}: no subscriptions; add one with python -m loaders subscribe URL --db {store.path}")
        else:
            _print_fetch(store, report)
        sys.stdout.flush()
        if every is None:
            return 1 if report.rejected else 0
        time.sleep(every)


def _read(paths):
    """Read `paths`, print each rejected file on stderr; returns the registry's ReadResult."""
    from pathlib import Path

    from loaders.registry import read_paths

    result = read_paths([Path(p) for p in paths])
    for outcome in result.outcomes:
        if outcome.outcome == "rejected":
            print(f"rejected: {outcome.path}: {outcome.reason}", file=sys.stderr)
    return result


def _articles(args):
    from loaders import schema

    result = _read(args.paths)
    _write(schema.to_records(result.articles, schema.ARTICLES), args.format)
    return 0 if len(result.articles) else 1


def _extract(args):
    if args.out is not None:
        return _extract_out(args)
    if args.workers is not None or args.scheduler is not None or args.part_size is not None:
        raise ParleyError("--workers, --scheduler and --part-size: expected with --out DIR, where the parts are written")
    import pandas as pd

    from loaders import schema
    from loaders.extraction import extract_mentions
    from loaders.merge import merge_mentions

    result = _read(args.paths)
    why = {} if args.explain else None
    mentions = extract_mentions(result.articles, explain=why)
    if len(result.mentions):
        mentions = schema.conform(pd.concat([mentions, result.mentions], ignore_index=True), schema.MENTIONS)
    if args.mentions:
        records = schema.to_records(mentions, schema.MENTIONS)
        for record in records if args.explain else ():
            record["why"] = why.get(record["mention_id"], {"all": "read from a structured events file"})
    else:
        records = schema.to_records(merge_mentions(mentions), schema.EVENTS)
        for record in records if args.explain else ():
            record["why"] = [why.get(m, {"all": "read from a structured events file"}) for m in record["mention_ids"]]
    _write(records, args.format)
    return 0 if len(result.articles) or len(result.mentions) else 1


def _extract_out(args):
    from loaders.scale import PART_ARTICLES, extract_archives

    if args.mentions or args.explain or args.format != "jsonl":
        raise ParleyError("--mentions, --explain and --format: not with --out DIR, which always holds mentions as Parquet")
    if args.workers is not None and args.workers < 1:
        raise ParleyError(f"--workers {args.workers}: expected a number of worker processes of 1 or more")
    summary = extract_archives(args.paths, args.out, workers=args.workers, scheduler=args.scheduler,
                               part_size=args.part_size or PART_ARTICLES, progress=_RateLine())
    for path, reason in summary.rejected:
        print(f"rejected: {path}: {reason}", file=sys.stderr)
    for result in summary.results:
        if result.outcome == "rejected":
            print(f"rejected: {result.path}: {result.reason}", file=sys.stderr)
        for problem in result.problems:
            print(f"problem: {result.path}: {problem}", file=sys.stderr)
    print(f"{args.out}: {summary.line()}")
    return 0 if any(r.outcome != "rejected" for r in summary.results) else 1


def _events(args):
    from loaders import schema
    from loaders.filters import Filters
    from loaders.gazetteer import is_country_code

    unknown = [code for code in args.country if not is_country_code(code.upper())]
    if unknown:
        raise ParleyError(f"--country: {unknown} are not ISO 3166-1 alpha-3 codes; expected e.g. --country USA --country CHN")
    events = _stored(args.db).events(Filters(countries=tuple(args.country)))
    _write(schema.to_records(events, schema.EVENTS), args.format, schema.names(schema.EVENTS))
    return 0


def _corrections(args):
    from loaders.store import correction_records

    _write(correction_records(_stored(args.db).correction_statuses()), args.format)
    return 0


def _stored(db):
    """The Store at `db` (default settings.db_path) for a command that reads it: a missing file
    is an error, not a new empty store. The store's notices go to stderr."""
    from pathlib import Path

    from loaders.store import Store

    path = Path(db or SETTINGS.db_path)
    if path.is_dir():
        raise ParleyError(f"{path}: a folder, not a store file; expected the DuckDB file given to ingest --db")
    if not path.exists():
        raise ParleyError(f"{path}: no such store; make it with python -m loaders ingest PATH... --db {path}")
    store = Store(path, progress=_ProgressBar())
    _print_notices(store)
    return store


def _print_notices(store):
    for notice in store.notices:
        print(notice, file=sys.stderr)


def _write(records, form, columns=None):
    """Print `records` as JSON Lines or CSV; a CSV of no records is the header of `columns` alone."""
    if form == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return
    if not records and not columns:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]) if records else columns)
    writer.writeheader()
    for record in records:
        writer.writerow({k: _csv_cell(v) for k, v in record.items()})


def _csv_cell(value):
    """Lists of codes become 'USA;RUS'; lists of records and explanations become JSON text."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return ";".join(value)
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


class _ProgressBar:
    """A one-line progress bar on stderr, drawn only for runs long enough to need one."""

    def __init__(self, stream=sys.stderr, minimum=20):
        self.stream, self.minimum, self.drawn = stream, minimum, False

    def __call__(self, done, total, label=""):
        if total < self.minimum:
            return
        width = 30
        filled = int(width * done / total) if total else width
        self.stream.write(f"\r{label[:40]:<40} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.drawn = True
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class _RateLine:
    """The progress line of `extract --out` on stderr: parts done, articles, articles per second."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream

    def __call__(self, done, total, articles, seconds):
        rate = articles / seconds if seconds else 0.0
        self.stream.write(f"\rextract: {done}/{total} parts, {articles:,} articles, {rate:,.0f} articles/s")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


if __name__ == "__main__":
    sys.exit(main())
