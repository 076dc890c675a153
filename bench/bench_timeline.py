"""Filter-to-figure time of the timeline at 1k, 10k and 100k events.

For each size: a real DuckDB store of synthetic events (random country pairs among 40
countries, dates over five years, every kind and status, a tenth undated), then the median of
five runs of: Store.events(filters) -> charts.timeline.timeline() -> fig.to_json() (what
st.plotly_chart sends to the browser). Two filters: everything, and one country.

It also draws 100k events without aggregation (every point, as WebGL would still ship them) to
show why the timeline aggregates above settings.timeline_point_limit: payload and time.

    .venv/bin/python bench/bench_timeline.py [--sizes 1000 10000 100000] [--repeat 5]
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from charts.timeline import timeline  # noqa: E402
from loaders import schema  # noqa: E402
from loaders.filters import Filters  # noqa: E402
from loaders.settings import SETTINGS  # noqa: E402
from loaders.store import Store  # noqa: E402

COUNTRIES = ["USA", "RUS", "CHN", "UKR", "TUR", "SAU", "IRN", "IND", "FRA", "DEU", "GBR", "JPN", "KOR", "PRK",
             "BRA", "ZAF", "EGY", "ISR", "QAT", "ARE", "PAK", "AFG", "POL", "ITA", "ESP", "CAN", "MEX", "AUS",
             "IDN", "VNM", "THA", "KAZ", "ARM", "AZE", "GEO", "BLR", "HUN", "SRB", "NGA", "ETH"]
KINDS = ["meeting", "talks", "summit", "call", "visit"]
STATUSES = ["held", "held", "held", "planned", "cancelled"]


def synthetic_events(n, seed=7):
    """An EVENTS frame of `n` made-up events (see the module docstring)."""
    rng = np.random.default_rng(seed)
    pairs = [list(rng.choice(COUNTRIES, size=2, replace=False)) for _ in range(n)]
    days = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n), unit="D")
    undated = rng.random(n) < 0.1
    multi = rng.random(n) < 0.05
    frame = pd.DataFrame({
        "event_id": [f"e{i:07d}" for i in range(n)],
        "kind": rng.choice(KINDS, n), "cameo": "040", "plover_mode": None, "status": rng.choice(STATUSES, n),
        "date": pd.Series(days).where(~undated), "end_date": pd.Series(days + pd.Timedelta(days=2)).where(multi & ~undated),
        "date_precision": np.where(undated, "unknown", "day"), "date_text": None, "city": None,
        "country": [p[0] for p in pairs], "countries": pairs, "absent": [[] for _ in range(n)],
        "mediators": [[] for _ in range(n)], "organizations": [[] for _ in range(n)], "heads": [[] for _ in range(n)],
        "topics": [[t] for t in rng.choice(["security", "trade", "energy", "migration"], n)],
        "title": [f"{a}–{b} meeting" for a, b in pairs], "evidence": "They met.",
        "published": pd.Series(days + pd.Timedelta(days=1)), "origin": "article",
        "n_sources": rng.integers(1, 6, n), "mention_ids": [[] for _ in range(n)],
        "sources": [[{"article": f"a{i}.txt", "evidence": "They met."}] for i in range(n)],
        "merge_reasons": [[] for _ in range(n)],
    })
    return schema.conform(frame, schema.EVENTS)


def fill_store(path, events):
    Store(path)
    con = duckdb.connect(str(path))
    con.register("incoming", events.assign(sources=events["sources"].map(json.dumps)))
    con.execute("INSERT INTO events SELECT * FROM incoming")
    con.close()
    return Store(path)


def timed(function, repeat):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"timeline_point_limit = {SETTINGS.timeline_point_limit:,}; median of {args.repeat} runs")
    print(f"{'events':>8} {'filter':>8} {'rows':>7} {'query s':>8} {'figure s':>9} {'to_json s':>9} {'total s':>8} {'JSON MB':>8} {'aggregated':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            store = fill_store(Path(folder) / f"bench{n}.duckdb", synthetic_events(n))
            for label, filters in (("all", Filters()), ("RUS", Filters(countries=("RUS",)))):
                query_s, frame = timed(lambda: store.events(filters), args.repeat)
                figure_s, fig = timed(lambda: timeline(frame), args.repeat)
                json_s, spec = timed(fig.to_json, args.repeat)
                print(f"{n:>8,} {label:>8} {len(frame):>7,} {query_s:>8.3f} {figure_s:>9.3f} {json_s:>9.3f} "
                      f"{query_s + figure_s + json_s:>8.3f} {len(spec) / 1e6:>8.2f} {str(fig.layout.meta['aggregated']):>10}")
        n = max(args.sizes)
        frame = synthetic_events(n)
        figure_s, fig = timed(lambda: timeline(frame, point_limit=10**9), 1)
        json_s, spec = timed(fig.to_json, 1)
        print(f"\nwithout aggregation, {n:,} events: figure {figure_s:.2f} s, to_json {json_s:.2f} s, "
              f"{len(spec) / 1e6:.1f} MB to send (every point's hover text and customdata, WebGL or not)")


if __name__ == "__main__":
    main()
