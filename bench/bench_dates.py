"""How fast loaders.dates finds the dates of an article, against dateparser's search_dates.

Reads the devset and seed articles (header line ` date YYYY-MM-DD ...`, title, blank line,
body), then prints the median time per article of `find_dates` on its first pass (cold caches)
and after warm-up, articles per second, and the same for `dateparser.search.search_dates` over
whole articles with the same RELATIVE_BASE, plus how many dates each found.

Run: .venv/bin/python bench/bench_dates.py
"""
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import dates  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
FOLDERS = (DATA / "devset" / "articles", DATA / "seed")
ROUNDS = 30


def load_articles():
    """(name, body, publication date) for every article file in FOLDERS."""
    articles = []
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n")
            published = date.fromisoformat(lines[0].split()[1])
            articles.append((path.name, "\n".join(lines[3:]), published))
    return articles


def time_each(function, articles, rounds):
    """Per-call times, in seconds, of `function(body, published)` over all articles, `rounds` times."""
    times = []
    for _ in range(rounds):
        for _, body, published in articles:
            started = time.perf_counter()
            function(body, published)
            times.append(time.perf_counter() - started)
    return times


def search_dates(body, published):
    from dateparser.search import search_dates as dateparser_search
    settings = dict(dates.DATEPARSER_SETTINGS, RELATIVE_BASE=datetime.combine(published, datetime.min.time()))
    return dateparser_search(body, languages=dates.DATEPARSER_LANGUAGES, settings=settings) or []


def report(label, times):
    median = statistics.median(times)
    p90 = sorted(times)[int(len(times) * 0.9)]
    print(f"{label:42} median {median * 1000:7.3f} ms  p90 {p90 * 1000:7.3f} ms  "
          f"max {max(times) * 1000:7.3f} ms  ({1 / median:8.0f} articles/s)")
    return median


def main():
    articles = load_articles()
    sizes = sorted(len(body) for _, body, _ in articles)
    print(f"{len(articles)} articles, median {statistics.median(sizes):.0f} characters "
          f"(largest {sizes[-1]})")
    cold = report("find_dates, first pass (cold caches)", time_each(dates.find_dates, articles, 1))
    warm = report(f"find_dates, warm, {ROUNDS} rounds", time_each(dates.find_dates, articles, ROUNDS))
    search_dates(articles[0][1], articles[0][2])  # import and warm dateparser
    slow = report("dateparser search_dates, warm, 3 rounds", time_each(search_dates, articles, 3))
    print(f"search_dates / find_dates (warm medians): {slow / warm:.0f}x; cold first pass {slow / cold:.0f}x")
    ours = sum(len(dates.find_dates(body, published)) for _, body, published in articles)
    theirs = sum(len(search_dates(body, published)) for _, body, published in articles)
    print(f"dates found: find_dates {ours}, search_dates {theirs}")

    long_text = "They met on Monday and again on 18 February, then in May 2019. " * 30_000
    started = time.perf_counter()
    scan = dates.scan_dates(long_text, articles[0][2])
    elapsed = time.perf_counter() - started
    print(f"{len(long_text):,}-character text: {elapsed:.2f} s, {len(scan.mentions):,} dates, "
          f"truncated at {scan.truncated_at} (budget {dates.SETTINGS.date_budget_seconds} s)")


if __name__ == "__main__":
    main()
