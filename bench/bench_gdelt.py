"""Scale of the GDELT path (issue 5 §4): load 1,000,000 GDELT-shaped rows, store the mentions in
DuckDB, and time the dashboard's country + date-range query over them.

The rows are made from the real sample (data/gdelt-sample/): whole articles (all rows of one
SOURCEURL) are drawn at random again and again, each copy with a new URL and its dates moved by
one random shift within ten years, so the mix of codes, countries, places and rows per article
is the sample's. Everything is written to a temporary folder, removed at the end.

The load runs in a child process so that its peak memory (ru_maxrss) is the load's alone;
the figure printed is the peak minus the child's memory after imports.

Run: .venv/bin/python bench/bench_gdelt.py [--rows N] [--runs K]
Target: the query's median under 300 ms.
"""
import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "data" / "gdelt-sample" / "20191024143000.export.CSV"
TARGET_MS = 300
#: The query the dashboard's timeline makes: one country, one year, the columns a chart needs.
QUERY = """
    SELECT mention_id, date, end_date, date_precision, kind, status, title, countries, city, country, origin
    FROM mentions
    WHERE list_contains(countries, ?) AND date BETWEEN ? AND ?
    ORDER BY date
"""


def generate(path, n_rows, seed=5):
    """Write `n_rows` GDELT-shaped lines to `path`; returns the number written."""
    from loaders import gdelt

    articles = defaultdict(list)
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        articles[fields[gdelt.SOURCEURL]].append(fields)
    urls = list(articles)
    rng = random.Random(seed)
    written, copy, event_id = 0, 0, 10**9
    with open(path, "w", encoding="utf-8") as out:
        while written < n_rows:
            url = rng.choice(urls)
            shift = timedelta(days=rng.randrange(3650))
            copy += 1
            lines = []
            for fields in articles[url]:
                fields = list(fields)
                event_id += 1
                day = _shift(fields[gdelt.SQLDATE], shift)
                fields[gdelt.GLOBALEVENTID] = str(event_id)
                fields[gdelt.SQLDATE] = day
                fields[2], fields[3] = day[:6], day[:4]
                fields[gdelt.DATEADDED] = _shift(fields[gdelt.DATEADDED][:8], shift) + fields[gdelt.DATEADDED][8:]
                fields[gdelt.SOURCEURL] = f"{url}#copy{copy}"
                lines.append("\t".join(fields))
                written += 1
                if written == n_rows:
                    break
            out.write("\n".join(lines) + "\n")
    return written


def _shift(yyyymmdd, shift):
    day = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8])) - shift
    return day.strftime("%Y%m%d")


def load_and_store(csv_path, db_path):
    """Child process: load the file, write the mentions to DuckDB; print figures as JSON."""
    import duckdb

    from loaders import gdelt, schema

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    frame, problems, counts = gdelt.read_gdelt_report(csv_path)
    load_seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    schema.check(frame, schema.MENTIONS, "bench mentions")
    started = time.perf_counter()
    con = duckdb.connect(str(db_path))
    columns = ", ".join(f"{c.name} {_sql_type(c.kind)}" for c in schema.MENTIONS)
    con.execute(f"CREATE TABLE mentions ({columns})")
    con.register("incoming", frame.sort_values("date", kind="stable"))
    con.execute("INSERT INTO mentions SELECT * FROM incoming")
    con.close()
    store_seconds = time.perf_counter() - started
    print(json.dumps(dict(load_seconds=load_seconds, store_seconds=store_seconds,
                          peak_mib=(peak - baseline) / 1024, peak_total_mib=peak / 1024,
                          problems=len(problems), **counts)))


def _sql_type(kind):
    return {"string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
            "datetime": "TIMESTAMP", "list": "VARCHAR[]", "records": "VARCHAR"}[kind]


def time_query(db_path, runs):
    """Median milliseconds of QUERY over `runs` runs, on an open connection and with a fresh
    read-only connection per run (as the store does); and the rows it returned."""
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    country, start, end = _busiest(con)
    open_ms, fresh_ms = [], []
    rows = 0
    con.execute(QUERY, [country, start, end]).df()  # first run warms the file cache
    for _ in range(runs):
        started = time.perf_counter()
        rows = len(con.execute(QUERY, [country, start, end]).df())
        open_ms.append((time.perf_counter() - started) * 1000)
    con.close()
    for _ in range(runs):
        started = time.perf_counter()
        fresh = duckdb.connect(str(db_path), read_only=True)
        fresh.execute(QUERY, [country, start, end]).df()
        fresh.close()
        fresh_ms.append((time.perf_counter() - started) * 1000)
    return country, start, end, rows, statistics.median(open_ms), statistics.median(fresh_ms)


def _busiest(con):
    """The country in the most mentions, and the latest full year of data."""
    country = con.execute("SELECT c, count(*) n FROM (SELECT unnest(countries) c FROM mentions) "
                          "GROUP BY c ORDER BY n DESC LIMIT 1").fetchone()[0]
    last = con.execute("SELECT max(date) FROM mentions").fetchone()[0]
    return country, date(last.year - 1, 1, 1), date(last.year - 1, 12, 31)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--child", nargs=2, metavar=("CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        load_and_store(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="parley-bench-gdelt-") as folder:
        csv_path, db_path = Path(folder) / "bench.export.CSV", Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        n = generate(csv_path, args.rows)
        print(f"generated {n:,} rows ({csv_path.stat().st_size / 2**20:,.0f} MiB) "
              f"from {SAMPLE.name} in {time.perf_counter() - started:.1f} s")
        child = subprocess.run([sys.executable, __file__, "--child", str(csv_path), str(db_path)],
                               capture_output=True, text=True, check=True)
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"load: {figures['rows']:,} rows, {figures['diplomatic']:,} diplomatic, "
              f"{figures['mentions']:,} mentions after collapsing, {figures['problems']} problems; "
              f"{figures['load_seconds']:.1f} s ({figures['rows'] / figures['load_seconds']:,.0f} rows/s)")
        print(f"load peak memory: {figures['peak_mib']:,.0f} MiB above the process's "
              f"{figures['peak_total_mib'] - figures['peak_mib']:,.0f} MiB after imports "
              f"(ru_maxrss; file {csv_path.stat().st_size / 2**20:,.0f} MiB)")
        print(f"store: mentions written to DuckDB in {figures['store_seconds']:.1f} s "
              f"({db_path.stat().st_size / 2**20:,.1f} MiB)")
        country, start, end, rows, open_median, fresh_median = time_query(db_path, args.runs)
        verdict = "under" if fresh_median < TARGET_MS else "OVER"
        print(f"query: {country}, {start}..{end} -> {rows:,} rows; median of {args.runs}: "
              f"{open_median:.1f} ms on an open connection, {fresh_median:.1f} ms with a fresh "
              f"connection per query ({verdict} the {TARGET_MS} ms target)")


if __name__ == "__main__":
    main()
