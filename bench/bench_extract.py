"""How fast is extraction (dates included), beside dateparser's search_dates over whole articles?

    .venv/bin/python bench/bench_extract.py [--articles 10000] [--baseline 200]

Reads the devset's articles (../shared/data/devset/articles), repeats them to --articles
articles, and times `extract_mentions` one article at a time on one core (per-article times,
so the median is honest), then the whole batch in one call. The baseline runs
`dateparser.search.search_dates` over the text of --baseline articles (it is much slower, so a
sample is enough). Prints articles per second, per-article medians and the ratio.

The devset's articles come round again and again. No cache keeps a result per article (the
sieve of loaders/sieve.py keeps the lower-cased text of the last 16 long texts only), but the
date caches of loaders/dates.py find their expressions again, and a process's first articles
pay for compiling regexes and starting dateparser: 201 articles read once each ran at about
3/4 of the rate of a second reading.
"""
import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.extraction import (
    extract_mentions,  # noqa: E402
    rows,  # noqa: E402
)
from loaders.registry import read_paths  # noqa: E402

DEVSET = ROOT.parent / "shared" / "data" / "devset" / "articles"
#: Articles per second on one core the extraction aims at, dates included (issue 15).
TARGET = 500


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=200)
    args = parser.parse_args(argv)
    if not DEVSET.is_dir():
        sys.exit(f"no devset at {DEVSET}")
    source = read_paths(sorted(DEVSET.glob("*.txt"))).articles
    repeats = -(-args.articles // len(source))
    articles = pd.concat([source] * repeats, ignore_index=True).iloc[:args.articles].reset_index(drop=True)

    # per article: the work done for one article (sentences, places, dates, rules), without the
    # frame building and schema check that `extract_mentions` does once per call
    per_article = []
    started = time.perf_counter()
    for record in articles.to_dict("records"):
        tick = time.perf_counter()
        rows._article_rows(record)
        per_article.append(time.perf_counter() - tick)
    one_by_one = time.perf_counter() - started

    tick = time.perf_counter()
    mentions = extract_mentions(articles)
    batch = time.perf_counter() - tick

    from dateparser.search import search_dates
    baseline = []
    settings = {"RELATIVE_BASE": None}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for index in range(min(args.baseline, len(articles))):
            row = articles.iloc[index]
            settings["RELATIVE_BASE"] = row.published.to_pydatetime() if not pd.isna(row.published) else None
            tick = time.perf_counter()
            search_dates(row.text, languages=["en"], settings={k: v for k, v in settings.items() if v is not None})
            baseline.append(time.perf_counter() - tick)

    ours = statistics.median(per_article)
    theirs = statistics.median(baseline)
    print(f"articles: {len(articles)} (devset of {len(source)} repeated), mentions found: {len(mentions)}")
    print(f"extraction per article (no frame building): {len(articles) / one_by_one:,.0f} articles/s, "
          f"median {ours * 1000:.2f} ms/article")
    print(f"extract_mentions, one call for all:     {len(articles) / batch:,.0f} articles/s")
    print(f"baseline dateparser search_dates ({len(baseline)} articles): {len(baseline) / sum(baseline):,.1f} articles/s, "
          f"median {theirs * 1000:.2f} ms/article")
    print(f"ratio of medians (baseline / extraction): {theirs / ours:,.1f}x")
    print(f"target {TARGET} articles/s on one core: {'met' if len(articles) / batch >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
