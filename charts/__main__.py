"""Export a chart or the events from the command line, for scripted reports.

    python -m charts export --view timeline|map|network|activity|matrix --format png|svg|pdf|html
                            --out FILE [--country ISO3]... [--topic T]... [--db FILE]
                            [--match any|all] [--kind K]... [--status S]... [--start YYYY-MM-DD]
                            [--end YYYY-MM-DD] [--news-only] [--lanes pair|topic] [--period auto|week|month|quarter|year]
    python -m charts export --format csv|json|ics|timelinejs --out FILE [filters as above]

Without --db it reads the default store (settings.db_path), building it from the bundled sample
first where it is missing, as the dashboard does. Bad arguments print one line and exit 2.
"""
import argparse
import sys
from datetime import date
from pathlib import Path

from charts.activity import PERIODS
from charts.export import EVENT_FORMATS, FIGURE_FORMATS, events_bytes, figure_bytes
from charts.views import VIEWS
from loaders.errors import ParleyError
from loaders.filters import Filters


def _day(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def parser():
    """The argument parser of `python -m charts`."""
    top = argparse.ArgumentParser(prog="python -m charts", description="Export Parley charts and events.")
    commands = top.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write one chart (or the filtered events) to a file")
    export.add_argument("--view", choices=sorted(VIEWS), default="timeline")
    export.add_argument("--format", required=True, choices=list(FIGURE_FORMATS) + list(EVENT_FORMATS))
    export.add_argument("--out", required=True, type=Path, help="the file to write")
    export.add_argument("--db", type=Path, help="the store (default: settings.db_path, built from the sample if missing)")
    export.add_argument("--country", action="append", default=[], help="ISO3 code; repeat for several")
    export.add_argument("--match", choices=["any", "all"], default="any", help="involving any or all of the countries")
    export.add_argument("--topic", action="append", default=[])
    export.add_argument("--kind", action="append", default=[])
    export.add_argument("--status", action="append", default=[])
    export.add_argument("--start", type=_day)
    export.add_argument("--end", type=_day)
    export.add_argument("--text", default="")
    export.add_argument("--news-only", action="store_true",
                        help="leave out the Office of the Historian and GDELT (the dashboard's first view)")
    export.add_argument("--lanes", choices=["pair", "topic"], default="pair", help="timeline lanes")
    export.add_argument("--period", choices=["auto", *PERIODS], default="auto", help="activity period (auto: fitted to the span)")
    export.add_argument("--width", type=int, default=1100)
    return top


def export(args, out=sys.stdout):
    """Run `export` for parsed `args`; returns the number of events exported."""
    from loaders.settings import SETTINGS
    from loaders.store import Store

    filters = Filters(countries=tuple(args.country), match=args.match, topics=tuple(args.topic), kinds=tuple(args.kind),
                      statuses=tuple(args.status), start=args.start, end=args.end, text=args.text,
                      news_only=args.news_only)
    store = Store(args.db) if args.db else Store(SETTINGS.db_path)
    if not args.db:
        store.ensure_sample()
    events = store.events(filters)
    if args.format in EVENT_FORMATS:
        data = events_bytes(events, args.format)
    else:
        options = {"timeline": dict(lanes=args.lanes, recent=not (args.start or args.end)), "activity": dict(period=args.period, recent=not (args.start or args.end))}.get(args.view, {})
        data = figure_bytes(VIEWS[args.view](events, **options), args.format, width=args.width)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    what = f"{len(events)} events" if args.format in EVENT_FORMATS else f"{args.view} of {len(events)} events"
    print(f"wrote {args.out} ({args.format}, {what}, {len(data):,} bytes)", file=out)
    return len(events)


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        export(args)
    except ParleyError as error:
        print(f"python -m charts: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"python -m charts: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
