"""Extraction of an archive on 1 process, on N local Dask workers, and dateparser's search_dates,
side by side in one run, on the same articles.

    .venv/bin/python bench/bench_archives.py [--articles 2000] [--workers N] [--repeats 3] [--baseline 200]

Writes a JSON Lines shard of --articles articles (the devset's articles, ../shared/data/devset,
else the bundled sample, repeated; each copy's text is made distinct so that no copy is skipped
as a duplicate) to a temporary folder, then times:

- `python -m loaders extract SHARD --out DIR --workers 1` and `--workers N` as processes, start
  and imports included (what a user waits for);
- `scale.extract_archives` in this process with workers=1 and with N (a LocalCluster started
  for each run, its start included), --repeats times each: medians;
- `dateparser.search.search_dates` over --baseline of the same texts, with RELATIVE_BASE at
  each article's publication date: the median per article.

Prints articles per second for each, and the ratios N workers / 1 and extraction / dateparser.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import scale  # noqa: E402
from loaders.registry import read_paths  # noqa: E402

DEVSET = ROOT.parent / "shared" / "data" / "devset" / "articles"
SAMPLE = ROOT / "data" / "sample" / "articles"


def write_shard(path, count):
    """A JSON Lines shard of `count` articles; returns the ARTICLES rows it was made from."""
    folder = DEVSET if DEVSET.is_dir() else SAMPLE
    source = read_paths([folder]).articles
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            row = source.iloc[n % len(source)]
            published = None if row.published is None or str(row.published) == "NaT" else str(row.published.date())
            text = f"{row.text}\n\n(Copy {n // len(source) + 1} of this report.)"
            handle.write(json.dumps({"text": text, "title": row.title, "published": published}) + "\n")
    return folder, source


def cli_run(shard, out, workers):
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "loaders", "extract", str(shard), "--out", str(out),
                           "--workers", str(workers)], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"extract --workers {workers} failed: {done.stderr.strip()[-500:]}")
    return seconds


def in_process(shard, folder, workers, repeats):
    times = []
    for repeat in range(repeats):
        started = time.perf_counter()
        summary = scale.extract_archives([shard], Path(folder) / f"w{workers}-{repeat}", workers=workers)
        times.append(time.perf_counter() - started)
    return statistics.median(times), summary


def baseline(shard, count):
    from dateparser.search import search_dates

    times = []
    with open(shard, encoding="utf-8") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for line, _ in zip(handle, range(count)):
            record = json.loads(line)
            settings = {}
            if record["published"]:
                import datetime as dt
                settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(record["published"])
            started = time.perf_counter()
            search_dates(record["text"], languages=["en"], settings=settings)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as folder:
        shard = Path(folder) / "shard.jsonl"
        source_folder, source = write_shard(shard, args.articles)
        n = args.articles
        print(f"articles: {n} ({len(source)} articles of {source_folder.relative_to(ROOT.parent)} repeated), "
              f"{os.cpu_count()} cores, parts of {scale.PART_ARTICLES}")
        cli_one = cli_run(shard, Path(folder) / "cli1", 1)
        cli_many = cli_run(shard, Path(folder) / "cliN", args.workers)
        one, summary = in_process(shard, folder, 1, args.repeats)
        many, _ = in_process(shard, folder, args.workers, args.repeats)
        theirs = baseline(shard, min(args.baseline, n))
        print(f"mentions found: {summary.total('mentions')}")
        print(f"python -m loaders extract --workers 1 (process start included): {n / cli_one:8,.0f} articles/s ({cli_one:.1f} s)")
        print(f"python -m loaders extract --workers {args.workers} (process start included): {n / cli_many:8,.0f} articles/s "
              f"({cli_many:.1f} s)")
        print(f"extract_archives, 1 process (median of {args.repeats}):            {n / one:8,.0f} articles/s ({one:.1f} s)")
        print(f"extract_archives, {args.workers} local workers (median of {args.repeats}, cluster start included): "
              f"{n / many:,.0f} articles/s ({many:.1f} s)")
        print(f"dateparser search_dates alone (median of {min(args.baseline, n)} articles):  {1 / theirs:8,.1f} articles/s "
              f"({theirs * 1000:.1f} ms/article)")
        print(f"ratio {args.workers} workers / 1 process: {one / many:.2f}x (command line: {cli_one / cli_many:.2f}x)")
        print(f"ratio extraction, 1 process / search_dates: {(n / one) * theirs:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
