"""A million encounters: the ingest of a 1,000,000-row events CSV, then every view, filter to figure.

1. Writes a synthetic events CSV (kind, status, date, countries, city, topics, title; pairs among
   40 countries, five years of days) with DuckDB.
2. Ingests it with `python -m loaders ingest` in a child process, into a fresh store or (with
   --base STORE) a copy of a store that already holds events (the bundled sample, say): wall
   time and the child's peak memory (ru_maxrss).
3. For each view (charts.views.VIEWS) and each filter (everything; one country): the median of
   --repeat runs of `builder(store.source(filters))` + `fig.to_json()` (what st.plotly_chart
   sends), against the median of DuckDB's own aggregate over the same filtered rows (counts
   per kind and month: the physical floor of any view here), with their ratio; and this
   process's peak memory over all the views.

    .venv/bin/python bench/bench_scale.py [--rows 1000000] [--repeat 5] [--base STORE] [--keep DIR]
"""
import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_timeline import COUNTRIES, timed  # noqa: E402
from charts.views import VIEWS  # noqa: E402
from loaders.filters import Filters  # noqa: E402
from loaders.store import Store  # noqa: E402

FILTERS = {"all": Filters(), "RUS": Filters(countries=("RUS",))}
#: DuckDB's own aggregate over the filtered rows: the floor a view cannot go under.
FLOOR = "SELECT kind, date_trunc('month', coalesce(date, published)) AS month, count(*) FROM events GROUP BY ALL"


def write_events_csv(path, rows):
    """A synthetic events CSV of `rows` rows (module docstring), written by DuckDB."""
    codes = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    with duckdb.connect() as con:
        con.execute(f"""COPY (
            SELECT ['meeting', 'talks', 'summit', 'call', 'visit'][1 + (hash(i + 3) % 5)::INT] AS kind,
                   ['held', 'held', 'held', 'planned', 'cancelled'][1 + (hash(i + 4) % 5)::INT] AS status,
                   strftime(DATE '2020-01-01' + (hash(i + 5) % 1825)::INT, '%Y-%m-%d') AS date,
                   c[1 + (i * 7919 % 40)::INT] || ';' || c[1 + ((i * 7919 + 1 + (i // 1600) % 39) % 40)::INT] AS countries,
                   ['Paris', 'Berlin', 'Moscow', 'Beijing', 'Geneva', 'Istanbul', 'Riyadh'][1 + (i % 7)::INT] AS city,
                   ['security', 'trade', 'energy', 'migration'][1 + (hash(i + 8) % 4)::INT] AS topics,
                   'Meeting number ' || i AS title
            FROM range({int(rows)}) AS r(i), (SELECT {codes} AS c)) TO '{path}' (HEADER)""")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--base", type=Path, help="a store to copy and ingest into (default: a fresh store)")
    parser.add_argument("--keep", type=Path, help="keep the CSV and the store in this folder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="parley-bench-")) if args.keep is None else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, store_path = folder / f"events-{args.rows}.csv", folder / f"scale-{args.rows}.duckdb"
    try:
        started = time.perf_counter()
        write_events_csv(csv_path, args.rows)
        print(f"events CSV: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.0f} MB, written in "
              f"{time.perf_counter() - started:.1f} s")
        store_path.unlink(missing_ok=True)
        if args.base:
            shutil.copy(args.base, store_path)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "loaders", "ingest", str(csv_path), "--db", str(store_path)],
                              cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 ** 2
        print(f"ingest{' into a copy of ' + str(args.base) if args.base else ' into a fresh store'}: {seconds:.1f} s, "
              f"peak memory {peak:.2f} GiB (exit {done.returncode}): {done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]}")
        store = Store(store_path)
        print(f"store: {store.count():,} events\n")
        print(f"median of {args.repeat} runs; floor: {FLOOR}")
        print(f"{'view':>10} {'filter':>7} {'events':>9} {'figure s':>9} {'floor s':>8} {'ratio':>6} {'JSON kB':>8}")
        for label, filters in FILTERS.items():
            source = store.source(filters)
            floor_s, _ = timed(lambda: source.ask(FLOOR), args.repeat)
            events = store.count(filters)
            for name, builder in VIEWS.items():
                seconds, spec = timed(lambda: builder(source).to_json(), args.repeat)
                print(f"{name:>10} {label:>7} {events:>9,} {seconds:>9.3f} {floor_s:>8.3f} {seconds / floor_s:>6.1f} "
                      f"{len(spec) / 1e3:>8.0f}")
        facets_s, _ = timed(store.facets, args.repeat)
        print(f"\nsidebar facets: {facets_s:.3f} s; peak memory of this process (views): "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2:.2f} GiB")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
