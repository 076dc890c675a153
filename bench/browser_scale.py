"""The dashboard on a big store in a real browser: how long each view takes to draw.

Serves dashboard.py with `streamlit run` against STORE (as tests/test_browser.py does: its own
process group, stopped by its PID) and drives Debian's chromium with Playwright. For each page
URL (Timeline, Timeline filtered to one country, Map, Activity) it opens a fresh tab and times
from `goto` until the page's Plotly chart is drawn and the app is idle (no status widget), the
first time (nothing cached) and again on a second tab (the server's caches warm). Then, on the
Timeline, a filter change (a country typed into the sidebar) until the chart is drawn again.
It reports any exception the page shows, and the server process's peak memory at the end.
A measurement, not a test: it prints, it asserts nothing.

    .venv/bin/python bench/browser_scale.py STORE [--country RUS] [--repeat 3]

Make a store with bench/bench_scale.py --keep DIR (DIR/scale-1000000.duckdb).
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from test_browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

PAGES = {"Timeline": "/", "Timeline, one country": "/?country={country}&news=all", "Map": "/map", "Activity": "/activity"}
CHART = ".stPlotlyChart .js-plotly-plot .main-svg"
IDLE = "!document.querySelector('[data-testid=\"stStatusWidget\"]')"


def drawn(tab, timeout=120_000):
    tab.wait_for_selector(CHART, timeout=timeout)
    tab.wait_for_function(IDLE, timeout=timeout)


def exceptions(tab):
    return [text.strip()[:200] for text in tab.locator("[data-testid='stException']").all_inner_texts()]


def open_timed(context, url):
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(url)
    drawn(tab)
    seconds = time.perf_counter() - started
    return tab, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--country", default="RUS")
    parser.add_argument("--repeat", type=int, default=3, help="warm openings per page (median)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    log = Path(tempfile.gettempdir()) / f"parley-browser-bench-{time.time_ns()}.log"
    with streamlit_server(args.store, log) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        print(f"store {args.store}; server log {log}")
        print(f"{'page':>22} {'first s':>8} {'warm s (median)':>16}  exceptions")
        for name, path in PAGES.items():
            url = server + path.format(country=args.country)
            tab, first = open_timed(context, url)
            shown = exceptions(tab)
            tab.close()
            warm = []
            for _ in range(args.repeat):
                tab, seconds = open_timed(context, url)
                warm.append(seconds)
                shown += exceptions(tab)
                tab.close()
            print(f"{name:>22} {first:>8.2f} {statistics.median(warm):>16.2f}  {shown or 'none'}")
        # a filter change on the Timeline: a country typed into the sidebar, until redrawn
        tab, _ = open_timed(context, server + "/")
        countries = tab.locator("section[data-testid='stSidebar'] .stMultiSelect").first
        countries.click()
        tab.keyboard.type(args.country)
        started = time.perf_counter()
        tab.keyboard.press("Enter")
        tab.keyboard.press("Escape")
        tab.wait_for_url(f"**country={args.country}**")
        drawn(tab)
        print(f"{'filter change':>22} {time.perf_counter() - started:>8.2f} {'':>16}  {exceptions(tab) or 'none'}")
        context.close()
        browser.close()
        peak = server_peak_memory(server)
        print(f"peak memory of the app's server process after serving every view: {peak / 2**30:.2f} GiB" if peak
              else "peak memory of the app's server: not found in /proc")


def server_peak_memory(url):
    """The peak resident memory (VmHWM, bytes) of the `streamlit run` process serving `url`, read
    from /proc (Linux), or None."""
    port = url.rsplit(":", 1)[-1]
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            command = (status.parent / "cmdline").read_bytes().split(b"\0")
            if b"streamlit" in b" ".join(command) and port.encode() in command:
                line = next(line for line in status.read_text().splitlines() if line.startswith("VmHWM:"))
                return int(line.split()[1]) * 1024
        except (OSError, StopIteration):
            continue
    return None


if __name__ == "__main__":
    main()
