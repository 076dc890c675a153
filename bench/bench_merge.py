"""Merging mentions across sources: the whole store, and one new batch against it.

For each size: synthetic mentions (country pairs among the 40 countries of bench_timeline,
weighted so a few are in most encounters, as in the news; dates over two years, a tenth
undated; about three mentions per encounter from different articles), then the median of the
runs of:

- `merge_mentions` over every mention (what an ingest did before merges were incremental);
- `remerge` of the newest 1% (a day's news) against the merge of the rest, what an ingest does
  now, with the share of mentions it merged again.

    .venv/bin/python bench/bench_merge.py [--sizes 10000 100000] [--repeat 3]
"""
import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_timeline import COUNTRIES, KINDS, timed  # noqa: E402
from loaders import schema  # noqa: E402
from loaders.merge import merge_mentions, neighbourhood, remerge  # noqa: E402


def synthetic_mentions(n, seed=11):
    """A MENTIONS frame of `n` mentions of about n/3 encounters (see the module docstring)."""
    rng = np.random.default_rng(seed)
    weights = 1 / np.arange(1, len(COUNTRIES) + 1)
    weights /= weights.sum()
    encounters = max(n // 3, 1)
    pairs = [list(rng.choice(COUNTRIES, size=2, replace=False, p=weights)) for _ in range(encounters)]
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 730, encounters), unit="D")
    kinds = rng.choice(KINDS, encounters)
    told = rng.integers(0, encounters, n)  # which encounter each mention tells
    undated = rng.random(n) < 0.1
    published = days[told] + pd.to_timedelta(rng.integers(0, 5, n), unit="D")
    frame = pd.DataFrame({
        "mention_id": [f"m{i:07d}" for i in range(n)], "article_id": [f"a{i}" for i in range(n)],
        "article": [f"a{i}.txt" for i in range(n)], "published": published, "origin": "article",
        "kind": kinds[told], "cameo": "040", "plover_mode": None, "status": "held",
        "date": pd.Series(days[told]).where(~undated), "end_date": None,
        "date_precision": np.where(undated, "unknown", "day"), "date_text": None, "city": None, "country": None,
        "countries": [pairs[t] for t in told], "absent": [[] for _ in range(n)], "mediators": [[] for _ in range(n)],
        "organizations": [[] for _ in range(n)], "heads": [[] for _ in range(n)], "topics": [["other"]] * n,
        "title": "t", "evidence": "They met.", "evidence_start": 0, "evidence_end": 9,
        "date_start": None, "date_end": None,
    })
    return schema.conform(frame, schema.MENTIONS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'mentions':>10} {'full merge s':>13} {'new 1% s':>9} {'re-merged':>10} {'ratio':>6}")
    for n in args.sizes:
        mentions = synthetic_mentions(n)
        newest = mentions.sort_values("published").tail(max(n // 100, 1))["mention_id"].tolist()
        before = merge_mentions(mentions[~mentions["mention_id"].isin(newest)])
        full, _ = timed(lambda: merge_mentions(mentions), args.repeat)
        step, _ = timed(lambda: remerge(mentions, before, newest), args.repeat)
        share = len(neighbourhood(mentions, newest, before)) / n
        print(f"{n:>10} {full:>13.2f} {step:>9.2f} {share:>9.1%} {full / step:>6.1f}")


if __name__ == "__main__":
    main()
