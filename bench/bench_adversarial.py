"""How long one adversarial article takes: date scanning alone (with its 1 s budget) and the
whole extraction (`extract_mentions`, then `merge_mentions`), for texts meant to be slow.

Prints one line per text: its size, the median seconds of `scan_dates` (and whether the budget
cut it), of `extract_mentions` and of `merge_mentions` over ROUNDS runs, and the mentions found.
Texts on one long line are also shown at growing sizes, to show how their time grows with size
(a ratio near 2 per doubling is linear, near 4 quadratic). Each run happens in a subprocess
with a time limit, so a text that hangs prints 'over N s' instead of stopping the bench.

Run: .venv/bin/python bench/bench_adversarial.py
"""
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
LIMIT_SECONDS = 120
MB = 1_000_000

#: (name, unit repeated, size in characters)
TEXTS = [
    ("date-like run", "12 March 2024 ", MB),
    ("weekday run", "on Monday on Tuesday on Wednesday on Thursday ", MB),
    ("digits and month names", "1234567890 March May 2019-05 31/12 ", MB),
    ("1 MB of digits", "7", MB),
    ("1 MB single word", "a", MB),
    ("dashes", "1-", MB),
    ("meeting sentences, one per line", "Putin met Biden in Geneva on 3 March 2021.\n", MB),
]
#: (name, unit, sizes): one line growing, to show the growth rate.
GROWING = [
    ("meeting sentences on one line", "Putin met Biden in Geneva on 3 March 2021. ", (10_000, 20_000, 40_000, 80_000)),
    ("one sentence of triggers", "Russia and the United States met in Geneva ", (2_000, 4_000, 8_000, 16_000)),
    ("meeting sentences, one per line", "Putin met Biden in Geneva on 3 March 2021.\n", (125_000, 250_000, 500_000)),
]

RUN = """
import json, sys, time, warnings
sys.path.insert(0, {root!r})
warnings.simplefilter("ignore")
import pandas as pd
from loaders import schema
from loaders.dates import scan_dates
from loaders.extraction import extract_mentions
from loaders.merge import merge_mentions
unit, size = json.loads(sys.stdin.read())
text = unit * max(1, size // len(unit))
published = pd.Timestamp("2024-03-01")
row = dict(article_id="bench000000000000", path="bench", title=None, published=published, published_precision="day",
           published_tz=None, byline=None, language="en", url=None, text=text, problems=[], outlet=None)
article = schema.conform(pd.DataFrame([row]), schema.ARTICLES)
started = time.perf_counter(); scan = scan_dates(text, published.to_pydatetime())
dates = time.perf_counter() - started
started = time.perf_counter(); mentions = extract_mentions(article)
extract = time.perf_counter() - started
started = time.perf_counter(); merge_mentions(mentions)
merge = time.perf_counter() - started
print(json.dumps(dict(dates=dates, cut=scan.truncated_at is not None, extract=extract, merge=merge, mentions=len(mentions))))
"""


def measure(unit, size):
    """Medians over ROUNDS runs, or None when a run went over LIMIT_SECONDS."""
    runs = []
    for _ in range(ROUNDS):
        try:
            done = subprocess.run([sys.executable, "-c", RUN.format(root=str(ROOT))], input=json.dumps([unit, size]),
                                  capture_output=True, text=True, timeout=LIMIT_SECONDS, check=True)
        except subprocess.TimeoutExpired:
            return None
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in runs) if key != "cut" else any(r["cut"] for r in runs)
            for key in runs[0]}


def line(name, size, figures):
    if figures is None:
        return f"{name:<34} {size:>9,} chars  over {LIMIT_SECONDS} s (killed)"
    return (f"{name:<34} {size:>9,} chars  dates {figures['dates']:6.2f} s{' (cut at budget)' if figures['cut'] else '':<16}"
            f"  extract {figures['extract']:7.2f} s  merge {figures['merge']:5.2f} s  mentions {figures['mentions']}")


def main():
    print(f"median of {ROUNDS} runs; each run in a subprocess, killed after {LIMIT_SECONDS} s\n")
    for name, unit, size in TEXTS:
        print(line(name, size, measure(unit, size)), flush=True)
    print("\ngrowth with the length of one line (ratio per doubling: ~2 linear, ~4 quadratic)")
    for name, unit, sizes in GROWING:
        previous = None
        for size in sizes:
            figures = measure(unit, size)
            ratio = f"  x{figures['extract'] / previous:.1f}" if figures and previous else ""
            print(line(name, size, figures) + ratio, flush=True)
            previous = figures["extract"] if figures else None


if __name__ == "__main__":
    main()
