"""End to end in a real browser: the dashboard served by `streamlit run`, driven by Playwright
through Debian's chromium.

The server runs against a temporary store, in its own process group whose id is its PID, and is
stopped by that PID. Screenshots and downloads go to settings.test_artifacts (git-ignored).
"""
import contextlib
import csv
import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from eventrows import (
    CURATION_MENTIONS,
    HOSTILE_TITLE,
    event,
    events_frame,
    mentions_frame,
    seed_events,
    store_with_events,
)
from playwright.sync_api import expect
from svgfacts import lightness, svg_facts

from loaders.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = SETTINGS.test_artifacts / "browser"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make test installs it)")

EVENTS = pd.concat([seed_events(), events_frame([
    event(event_id="woodside", kind="summit", countries=["USA", "CHN"], date=pd.Timestamp("2023-11-15"),
          city="Woodside", country="USA", title="Biden–Xi summit, Woodside", evidence="Biden and Xi met in Woodside."),
    event(event_id="hostile", kind="call", countries=["FRA", "DEU"], date=pd.Timestamp("2024-03-01"),
          title=HOSTILE_TITLE, evidence=f"They spoke: {HOSTILE_TITLE} <script>alert(6)</script>."),
    event(event_id="potsdam", kind="meeting", countries=["USA", "GBR"], date=pd.Timestamp("1945-07-17"), origin="travels",
          title="Truman at Potsdam", evidence="The President attended the Potsdam conference."),
])], ignore_index=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(store_file, log_path, env=None):
    """`streamlit run dashboard.py` on a free port against `store_file` (with `env` added to its
    environment); yields its URL."""
    port = free_port()
    log = open(log_path, "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "PARLEY_DB": str(store_file), **(env or {})}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True)  # its own process group, id = its PID: kaleido's chromium goes with it
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, f"streamlit did not start: see {log.name}"
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@contextlib.contextmanager
def served_tab(store_file, tmp_path, height=1000, timeout=30_000):
    """A server of its own on `store_file` and a chromium tab: (its URL, the tab)."""
    from playwright.sync_api import sync_playwright

    with streamlit_server(store_file, tmp_path / "streamlit.log") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": height})
        tab.set_default_timeout(timeout)
        try:
            yield url, tab
        finally:
            browser.close()


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "browser.duckdb"
    store_with_events(path, EVENTS)
    return path


@pytest.fixture(scope="module")
def server(store_file, tmp_path_factory):
    with streamlit_server(store_file, tmp_path_factory.mktemp("log") / "streamlit.log") as url:
        yield url


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        tab = context.new_page()
        tab.dialogs = []
        tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
        tab.set_default_timeout(30_000)
        yield tab
        context.close()
        browser.close()


def wait_for_app(page):
    page.wait_for_selector(".stPlotlyChart .js-plotly-plot .scatterlayer")
    wait_until_idle(page)


def wait_until_idle(page):
    """Wait until no script run is under way (Streamlit's 'Running...' status widget is gone)."""
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def point_position(page, event_id):
    """Page coordinates of the marker whose customdata[0] is `event_id` (from Plotly's own axes)."""
    return page.evaluate("""(eventId) => {
        const gd = document.querySelector('.stPlotlyChart .js-plotly-plot');
        const box = gd.getBoundingClientRect(), L = gd._fullLayout;
        for (const trace of gd._fullData) {
            if (trace.type !== 'scatter' || !trace.customdata) continue;
            for (let i = 0; i < trace.customdata.length; i++) {
                if (trace.customdata[i][0] !== eventId) continue;
                const xa = L[trace.xaxis === 'x' ? 'xaxis' : 'xaxis' + trace.xaxis.slice(1)];
                const ya = L[trace.yaxis === 'y' ? 'yaxis' : 'yaxis' + trace.yaxis.slice(1)];
                return {x: box.left + L._size.l + xa.d2p(trace.x[i]), y: box.top + L._size.t + ya.d2p(trace.y[i])};
            }
        }
        return null;
    }""", event_id)


def until(check, message, seconds=30):
    """Wait for `check()` to be true (the chart redraws after a rerun); fail with `message`."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


def test_filter_click_read_and_download(page, server):
    page.goto(server)
    wait_for_app(page)
    countries = page.locator("section[data-testid='stSidebar'] .stMultiSelect").first
    countries.click()
    page.keyboard.type("Russia")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url("**country=RUS**")
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "1-filtered-russia.png"), full_page=True)
    until(lambda: point_position(page, "woodside") is None,
          "the timeline still shows a China-USA summit after filtering to Russia")
    spot = point_position(page, "riyadh")
    assert spot is not None
    page.mouse.move(spot["x"], spot["y"])
    page.mouse.click(spot["x"], spot["y"])
    details = page.locator(".st-key-event_details")
    expect(details).to_contain_text("not attended by Ukraine")
    expect(details.locator("mark.date").first).to_have_text("18 February")
    assert "event=riyadh" in page.url
    page.screenshot(path=str(ARTIFACTS / "2-event-evidence.png"), full_page=True)

    page.get_by_text("Download the chart or the events").click()
    with page.expect_download() as png:
        page.locator(".st-key-download_timeline_png button").click()
    png_path = ARTIFACTS / "timeline.png"
    png.value.save_as(png_path)
    assert png_path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    with page.expect_download() as table:
        page.locator(".st-key-download_events_csv button").click()
    csv_path = ARTIFACTS / "events.csv"
    table.value.save_as(csv_path)
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert sorted(r["event_id"] for r in rows) == ["followup", "istanbul", "riyadh"]
    assert all("RUS" in r["countries"] for r in rows)
    assert page.dialogs == []


def test_hostile_title_shows_as_text(page, server):
    page.goto(f"{server}/?event=hostile")
    wait_for_app(page)
    details = page.locator(".st-key-event_details")
    expect(details).to_contain_text(HOSTILE_TITLE)
    spot = point_position(page, "hostile")
    page.mouse.move(spot["x"], spot["y"])
    page.wait_for_selector(".hoverlayer .hovertext")
    assert "<img src=x onerror=alert(1)>" in page.locator(".hoverlayer .hovertext").first.text_content()
    page.screenshot(path=str(ARTIFACTS / "3-hostile-title.png"), full_page=True)
    page.goto(f"{server}/events?event=hostile")
    # absence is asserted once the page has shown the hostile title, as text, and the app is idle
    expect(page.locator(".st-key-event_details")).to_contain_text(HOSTILE_TITLE)
    wait_until_idle(page)
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"], script:not([src])').length") == \
        page.evaluate("document.querySelectorAll('script:not([src])').length")  # no injected <img>
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []


def test_map_draws_its_base_map_offline(page, server):
    # the world topojson comes from the app's static folder, not from a CDN
    page.goto(f"{server}/map?country=RUS")
    page.wait_for_selector(".stPlotlyChart .js-plotly-plot .geo .land path, .stPlotlyChart .js-plotly-plot .geo path.land")
    assert page.locator(".stPlotlyChart .js-plotly-plot .scattergeo .point").count() == 2  # Saudi Arabia, Türkiye
    page.screenshot(path=str(ARTIFACTS / "4-map.png"), full_page=True)
    assert page.dialogs == []


def test_event_details_link_to_the_curation_form(page, server):
    # read-only: this module's store holds events without mentions, so a correction (which
    # rebuilds the events from the mentions) is tested under AppTest in test_curation_pages.py
    page.goto(f"{server}/?event=riyadh")
    wait_for_app(page)
    page.get_by_role("link", name="Correct this event").click()
    title = page.locator(".st-key-curate_title input")
    expect(title).to_have_value("USA–RUS meeting, Saudi Arabia")
    assert "/events" in page.url and "event=riyadh" in page.url
    expect(page.locator(".st-key-event_details")).to_contain_text("not attended by Ukraine")
    page.screenshot(path=str(ARTIFACTS / "5-correct-event.png"), full_page=True)
    assert page.dialogs == []


def test_a_shared_link_to_a_page_is_filtered_on_a_fresh_server(tmp_path):
    """The first request a server answers used to run the page file alone (Streamlit's pages/
    discovery), without the sidebar: the link's filter was ignored."""
    store_file = tmp_path / "fresh.duckdb"
    store_with_events(store_file, EVENTS)
    with served_tab(store_file, tmp_path) as (url, tab):
        tab.goto(f"{url}/map?country=CHN")
        expect(tab.locator("[data-testid='stSidebar']")).to_contain_text("Filters")
        chinese = sum("CHN" in countries for countries in EVENTS["countries"])
        expect(tab.locator("[data-testid='stMain']")).to_contain_text(f"{chinese:,} events")


def test_a_counted_cell_hovers_its_count_period_and_lanes(tmp_path):
    """Above the point limit the timeline counts events per lane, kind and period; the cell's
    hover is drawn by Plotly from a template over its customdata, in a real browser."""
    many = SETTINGS.timeline_point_limit + 50
    crowd = events_frame([event(event_id=f"crowd{n}", kind="meeting", countries=["USA", "RUS"] if n % 2 else ["CHN", "RUS"],
                                date=pd.Timestamp("2024-03-04") + pd.Timedelta(days=n % 5)) for n in range(many)])
    store_file = tmp_path / "crowd.duckdb"
    store_with_events(store_file, crowd)
    with served_tab(store_file, tmp_path) as (url, tab):
        tab.goto(url)
        wait_for_app(tab)
        spot = tab.evaluate("""() => {
            const gd = document.querySelector('.stPlotlyChart .js-plotly-plot');
            const box = gd.getBoundingClientRect(), L = gd._fullLayout;
            const trace = gd._fullData.find(t => t.name.endsWith(', counted'));
            return {x: box.left + L._size.l + L.xaxis.d2p(trace.x[0]), y: box.top + L._size.t + L.yaxis.d2p(trace.y[0])};
        }""")
        tab.mouse.move(spot["x"], spot["y"])
        tab.wait_for_selector(".hoverlayer .hovertext")
        hover = tab.locator(".hoverlayer .hovertext").first.text_content()
    # one lane's cell: every other event, all in the week of Monday 4 March
    count = int(re.match(r"([\d,]+) meeting events", hover).group(1).replace(",", ""))
    assert count == many // 2 and "week of 4 Mar 2024" in hover, hover
    assert ("China – Russia" in hover) != ("Russia – United States" in hover), hover
    assert "narrow the filters to see each one" in hover


def test_clear_filters_clears_every_filter(page, server):
    page.goto(f"{server}/?country=RUS&kind=talks&q=Istanbul&match=all")
    wait_for_app(page)
    sidebar = page.locator("section[data-testid='stSidebar']")
    expect(sidebar.locator(".st-key-filter_countries")).to_contain_text("Russia")
    page.locator(".st-key-clear_filters button").click()
    page.wait_for_url(lambda url: "country=" not in url and "kind=" not in url and "q=" not in url)
    wait_for_app(page)
    expect(sidebar.locator(".st-key-filter_countries")).not_to_contain_text("Russia")
    expect(sidebar.locator(".st-key-filter_text input")).to_have_value("")
    assert page.locator("[data-testid='stException']").count() == 0
    until(lambda: point_position(page, "woodside") is not None, "the China-USA summit did not come back")
    assert page.dialogs == []


def test_the_articles_come_first_and_every_source_is_one_click_away(page, server):
    page.goto(server)
    wait_for_app(page)
    until(lambda: point_position(page, "riyadh") is not None, "the article's Riyadh meeting is not drawn")
    assert point_position(page, "potsdam") is None  # the Office of the Historian's trip waits for a click
    page.locator(".st-key-filter_news_only label").filter(has_text="all sources").click()
    page.wait_for_url("**news=all**")
    until(lambda: point_position(page, "potsdam") is not None, "'all sources' did not bring the Potsdam trip in")
    page.locator(".st-key-clear_filters button").click()
    page.wait_for_url(lambda url: "news=only" in url)
    until(lambda: point_position(page, "potsdam") is None, "Clear filters did not return to the articles")
    assert page.locator("[data-testid='stException']").count() == 0


def download(page, key, name):
    """Click the download button `key` and return the bytes it gives (kept in ARTIFACTS/name)."""
    with page.expect_download() as started:
        page.locator(f".st-key-{key} button").click()
    path = ARTIFACTS / name
    started.value.save_as(path)
    return path.read_bytes()


def command_line_export(store_file, tmp_path, view):
    """The same chart from `python -m charts export`, with the dashboard's first-view filter."""
    out = tmp_path / f"{view}.svg"
    subprocess.run([sys.executable, "-m", "charts", "export", "--view", view, "--format", "svg", "--news-only",
                    "--db", str(store_file), "--out", str(out)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    return out.read_bytes()


def test_downloaded_charts_show_what_the_screen_shows(page, server, store_file, tmp_path):
    page.goto(server)
    wait_for_app(page)
    page.get_by_text("Download the chart or the events").click()
    timeline_svg = download(page, "download_timeline_svg", "timeline.svg")
    page.goto(f"{server}/activity")
    page.wait_for_selector(".stPlotlyChart .js-plotly-plot .barlayer")
    page.get_by_text("Download the charts").click()
    activity_svg = download(page, "download_activity_svg", "activity.svg")

    timeline = svg_facts(page, timeline_svg)
    lanes = [tick["text"] for tick in timeline["yticks"]]
    assert "Russia – United States" in lanes and "France – Germany" in lanes
    assert all(tick["left"] >= 0 for tick in timeline["yticks"]), timeline["yticks"]  # every lane name whole
    assert timeline["buttons"] == 0
    activity = svg_facts(page, activity_svg)
    fills = [trace[0] for trace in activity["bars"]]
    assert len(fills) == 5 and len(set(fills)) == 5  # five countries, five colours
    assert all(lightness(fill) > 60 for fill in fills), fills

    # one export path: the command line draws the same charts
    assert svg_facts(page, command_line_export(store_file, tmp_path, "timeline"))["yticks"] == timeline["yticks"]
    assert svg_facts(page, command_line_export(store_file, tmp_path, "activity"))["bars"] == activity["bars"]


def test_a_date_typed_in_from_applies_on_enter(page, server):
    page.goto(server)
    wait_for_app(page)
    box = page.locator(".st-key-filter_start input")
    box.fill("2025-02-20")
    box.press("Enter")
    page.wait_for_url("**start=2025-02-20**")
    until(lambda: point_position(page, "riyadh") is None, "the 18 February meeting is still drawn from 20 February on")
    assert point_position(page, "istanbul") is not None
    box.fill("someday")
    box.press("Enter")
    expect(page.locator("section[data-testid='stSidebar']")).to_contain_text("From: someday is not a date")


def test_the_lanes_choice_is_kept_in_a_link(page, server):
    page.goto(server)
    wait_for_app(page)
    page.locator(".st-key-timeline_lanes button").filter(has_text="topic").click()
    page.wait_for_url("**lanes=topic**")
    page.goto(page.url)  # the link, opened afresh
    wait_for_app(page)
    until(lambda: "diplomatic missions" in page.locator(".stPlotlyChart .yaxislayer-above").text_content(),
          "a link with lanes=topic did not open on topic lanes")


def test_every_page_works_offline_without_a_deploy_button(page, server):
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith((server, "data:", "blob:", "about:")) else None)
    for path in ("", "map", "network", "activity", "events", "sources"):
        page.goto(f"{server}/{path}")
        page.wait_for_selector("[data-testid='stMain'] h1")
        page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0, path
    assert outside == []  # the page icon and the base map come from the app, not a CDN
    assert page.get_by_role("button", name="Deploy").count() == 0
    assert page.locator("[data-testid='stAppDeployButton']").count() == 0


def pick(page, key, typed):
    """Type `typed` into the sidebar multiselect `key` and take the first match."""
    page.locator(f".st-key-{key} input").click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


@pytest.mark.parametrize("act, in_url, kept", [
    (lambda page: pick(page, "filter_topics", "diplomatic"), "topic=diplomatic", {"istanbul"}),
    (lambda page: pick(page, "filter_kinds", "talks"), "kind=talks", {"istanbul"}),
    (lambda page: pick(page, "filter_statuses", "planned"), "status=planned", {"followup"}),
    (lambda page: pick(page, "filter_absent", "Ukraine"), "absent=UKR", {"riyadh"}),
    (lambda page: pick(page, "filter_sources", "travels"), "source=travels", {"potsdam"}),  # a source asked for is shown
    (lambda page: (pick(page, "filter_countries", "Germany"), pick(page, "filter_countries", "France"),
                   page.locator(".st-key-filter_match label").filter(has_text="all of them").click()),
     "match=all", {"hostile"}),
    (lambda page: page.locator(".st-key-filter_text input").fill("Istanbul") or page.locator(".st-key-filter_text input").press("Enter"),
     "q=Istanbul", {"istanbul", "riyadh"}),  # Riyadh's evidence: "The talks in Istanbul followed a meeting ..."
    (lambda page: page.locator(".st-key-filter_end input").fill("2025-02-01") or page.locator(".st-key-filter_end input").press("Enter"),
     "end=2025-02-01", {"woodside", "hostile"}),
], ids=["topic", "kind", "status", "absent", "source", "all-of", "search", "to"])
def test_each_sidebar_filter_narrows_the_timeline(page, server, act, in_url, kept):
    shown = {"riyadh", "istanbul", "followup", "woodside", "hostile"}  # the articles; Potsdam is a travels record
    page.goto(server)
    wait_for_app(page)
    until(lambda: all(point_position(page, event_id) for event_id in shown), "the first view lacks an article event")
    act(page)
    page.wait_for_url(f"**{in_url}**")
    until(lambda: {event_id for event_id in shown | {"potsdam"} if point_position(page, event_id)} == kept,
          f"{in_url} did not leave {sorted(kept)} on the timeline")
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_activity_period_is_a_click_away(page, server):
    page.goto(f"{server}/activity")
    page.wait_for_selector(".stPlotlyChart .js-plotly-plot .barlayer")
    page.locator(".st-key-activity_period button").filter(has_text="year").click()
    page.wait_for_url("**per=year**")
    until(lambda: "year (undated" in page.locator(".stPlotlyChart").first.text_content(), "the bars are not per year")


#: Where the README's screenshots are written: with PARLEY_SCREENSHOTS=1 (`make screenshots`) into
#: docs/screenshots, otherwise beside the other artifacts (a plain test run leaves the tree as it was).
SCREENSHOTS = ROOT / "docs" / "screenshots" if os.environ.get("PARLEY_SCREENSHOTS") == "1" else ARTIFACTS / "screenshots"


def test_the_readme_shows_every_page_as_it_is(tmp_path):
    """The README's screenshots are taken here, on the bundled sample articles (`make screenshots`
    writes them into docs/); every page must open without an error, and the README show each."""
    from loaders.store import Store

    store_file = tmp_path / "sample.duckdb"
    Store(store_file).ingest([ROOT / "data" / "sample" / "articles"])
    pages = sorted(path.stem for path in (ROOT / "pages").glob("*.py"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with served_tab(store_file, tmp_path, height=900, timeout=60_000) as (url, tab):
        for name in pages:
            tab.goto(f"{url}/{'' if name == 'timeline' else name}")  # the Timeline is the app's first page, at /
            tab.wait_for_selector("[data-testid='stMain'] h1")
            if name in ("timeline", "map", "network", "activity"):
                tab.wait_for_selector(".stPlotlyChart .js-plotly-plot .main-svg")
            tab.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")
            tab.wait_for_timeout(500)  # let Plotly finish its transition before the picture
            assert tab.locator("[data-testid='stException'], [role='dialog']").count() == 0, name
            tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in pages if f"docs/screenshots/{name}.png" not in readme] == []


@pytest.mark.parametrize("path, keys", [("map", ["download_map_png"]), ("network", ["download_network_png"]),
                                        ("activity", ["download_activity_png", "download_matrix_png"])])
def test_each_chart_page_downloads_its_images(page, server, path, keys):
    page.goto(f"{server}/{path}")
    page.wait_for_selector(".stPlotlyChart .js-plotly-plot .main-svg")
    page.locator("[data-testid='stExpander'] summary").first.click()
    for key in keys:
        assert download(page, key, f"{key}.png").startswith(b"\x89PNG\r\n\x1a\n")
    assert page.locator("[data-testid='stException']").count() == 0


def test_a_row_picked_in_the_events_table_shows_its_sources(page, server):
    page.goto(f"{server}/events?country=RUS")
    grid = page.locator(".st-key-events_table [data-testid='stDataFrameResizable']")
    grid.wait_for()
    box = grid.bounding_box()
    # the grid is a canvas: the first row's selection box sits under the header, in the first column
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)
    details = page.locator(".st-key-event_details")
    expect(details).to_contain_text("Source 1")
    assert "event=" in page.url
    assert page.locator("[data-testid='stException']").count() == 0


def test_a_pasted_article_is_imported_from_the_browser(tmp_path):
    """Its own server: an import rebuilds the events from the mentions, which the module's store lacks."""
    from loaders.store import Store

    store_file = tmp_path / "import.duckdb"
    Store(store_file).ingest([ROOT / "data" / "sample" / "articles" / "000_76c8171fdb820c38.txt"])
    with served_tab(store_file, tmp_path, timeout=60_000) as (url, tab):
        tab.goto(f"{url}/sources")
        form = tab.locator("[data-testid='stForm']").first
        form.locator("textarea").fill("Kenya and Peru hold talks\nThe foreign ministers of Kenya and Peru held talks "
                                      "in Nairobi on 13 June 2025.")
        form.get_by_role("button", name="Import").click()
        expect(tab.locator("[data-testid='stAlert']").first).to_contain_text("Import done")
        assert Store(store_file).ingest_log()["path"].iloc[-1] == "pasted text.txt"
        assert tab.locator("[data-testid='stException']").count() == 0


def test_feeds_are_added_refreshed_and_removed_from_the_browser(tmp_path):
    """Its own server and a news site on 127.0.0.1, which the app may fetch only because the
    test allows private addresses (PARLEY_ALLOW_PRIVATE_FEEDS); each control of the feeds panel
    is clicked."""
    from newssite import serve
    from playwright.sync_api import sync_playwright

    from loaders import subscriptions
    from loaders.store import Store

    store_file = tmp_path / "feeds.duckdb"
    Store(store_file).ingest([ROOT / "data" / "sample" / "articles" / "000_76c8171fdb820c38.txt"])
    with serve() as site, streamlit_server(store_file, tmp_path / "streamlit.log",
                                           env={"PARLEY_ALLOW_PRIVATE_FEEDS": "1"}) as url, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1400})
        tab.set_default_timeout(60_000)
        tab.goto(f"{url}/sources")
        form = tab.locator(".st-key-add_feed_form, [data-testid='stForm']").filter(has_text="Feed URL")
        form.locator("input").fill(site.url("/feed.xml"))
        form.get_by_role("button", name="Add feed").click()
        expect(tab.locator("[data-testid='stAlert']").filter(has_text="Subscribed to")).to_be_visible()
        tab.get_by_role("button", name="Refresh now").click()
        expect(tab.locator("[data-testid='stAlert']").filter(has_text="ingested:")).to_be_visible(timeout=90_000)
        status = subscriptions.subscriptions(Store(store_file)).iloc[0]
        assert status["url"] == site.url("/feed.xml") and status["last_success"] is not None
        assert "Kenya and Peru agree to deepen trade ties at talks in Lima" in set(Store(store_file).articles()["title"])
        expect(tab.locator("[data-testid='stDataFrame']").first).to_be_visible()
        tab.locator(".st-key-feed_to_remove").click()
        tab.get_by_role("option", name=site.url("/feed.xml")).click()
        tab.get_by_role("button", name="Remove feed").click()
        expect(tab.locator("[data-testid='stAlert']").filter(has_text="Removed")).to_be_visible()
        assert subscriptions.subscriptions(Store(store_file)).empty
        assert tab.locator("[data-testid='stException']").count() == 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "feeds.png"), full_page=True)
        browser.close()
    user_agents = {headers.get("User-Agent", "") for _, headers in site.requests}
    assert user_agents and all(agent.startswith("Parley/") for agent in user_agents)


# --- Curation in the browser: every control of ui/curation.py, clicked. Each test has its own
# server on a fresh store of mentions (a correction rebuilds the events from them), so no test
# sees another's corrections.



@contextlib.contextmanager
def curation_dashboard(tmp_path, name="curation"):
    """A browser tab on the Events page of a server whose store holds CURATION_MENTIONS only;
    yields (tab, store file)."""
    from playwright.sync_api import sync_playwright

    from loaders.store import Store

    store_file = tmp_path / f"{name}.duckdb"
    Store(store_file).add_frames(mentions=mentions_frame(*CURATION_MENTIONS))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(store_file, tmp_path / f"{name}.log") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        tab = context.new_page()
        tab.set_default_timeout(60_000)
        tab.goto(f"{url}/events")
        events_grid(tab).wait_for()
        expect(events_caption(tab)).to_contain_text(f"{len(CURATION_MENTIONS) - 1} events")
        yield tab, store_file
        assert tab.locator("[data-testid='stException']").count() == 0
        context.close()
        browser.close()


def events_grid(page):
    # the table's key changes after every correction (events_table, events_table_1, ...)
    return page.locator("[class*='st-key-events_table'] [data-testid='stDataFrameResizable']")


def events_caption(page):
    return page.locator("[data-testid='stCaptionContainer']").filter(has_text="events, newest first")


def corrections_caption(page):
    return page.locator("[data-testid='stCaptionContainer']").filter(has_text="They are applied again")


def column_shown(page, header):
    """The cells of the events table's column `header`, top to bottom, as the grid presents them
    (the canvas keeps an accessible table of its visible cells); None while the table is redrawn."""
    grid = events_grid(page).locator("table[role='grid']")
    headers = grid.locator("thead th").all_text_contents()
    if header not in headers:
        return None
    return grid.locator(f"tbody tr td:nth-child({headers.index(header) + 1})").all_text_contents()


def column_becomes(page, header, values):
    until(lambda: column_shown(page, header) == values,
          f"the table's {header} column is not {values} (it is {column_shown(page, header)})")


def titles_become(page, titles):
    column_becomes(page, "title", titles)


def click_row(page, number):
    """Tick row `number` (0: the top one) of the events table: the grid is a canvas, each row
    35 pixels high under a 35-pixel header, its selection box in the first column."""
    box = events_grid(page).bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17 + 35 * number)


def settled(page):
    """Wait until no script run is going on (a run's leftover elements are gone with it)."""
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")


def apply(page, button_key, notice):
    """Click the curation button `button_key` and wait for the success notice containing `notice`."""
    settled(page)
    page.locator(f".st-key-{button_key} button").filter(visible=True).click()  # a button with help is drawn twice, once hidden
    expect(page.locator("[data-testid='stAlertContentSuccess']")).to_contain_text(notice, timeout=60_000)  # the store re-merges


def undo(page):
    settled(page)
    page.get_by_role("button", name="Undo the last change").click()
    expect(page.locator("[data-testid='stAlertContentSuccess']")).to_contain_text("Undid correction", timeout=60_000)


#: The table's titles (country codes read as names), newest first; the Oslo meeting has two sources.
TITLES = ["Chile–Norway meeting 1", "Kenya–Peru call", "France–Germany summit"]


def test_edit_a_title_in_the_browser_then_undo_it(tmp_path):
    with curation_dashboard(tmp_path) as (page, _):
        titles_become(page, TITLES)
        click_row(page, 1)
        title = page.locator(".st-key-curate_title input")
        expect(title).to_have_value("KEN–PER call")
        expect(page.get_by_role("button", name="Undo the last change")).to_be_disabled()
        title.fill("Kenya and Peru, by phone")
        apply(page, "do_edit", "Saved title")
        titles_become(page, [TITLES[0], "Kenya and Peru, by phone", TITLES[2]])
        expect(page.locator(".st-key-event_details")).to_contain_text("Kenya and Peru, by phone")
        expect(corrections_caption(page)).to_contain_text("1 corrections; 0 undone")
        undo(page)
        titles_become(page, TITLES)
        expect(title).to_have_value("KEN–PER call")  # the form shows the event as stored again
        expect(corrections_caption(page)).to_contain_text("1 corrections; 1 undone")
        expect(page.get_by_role("button", name="Undo the last change")).to_be_disabled()


def test_merge_two_rows_in_the_browser_then_split_them(tmp_path):
    with curation_dashboard(tmp_path) as (page, _):
        titles_become(page, TITLES)
        click_row(page, 1)
        expect(page.locator(".st-key-curate_title input")).to_have_value("KEN–PER call")
        click_row(page, 2)  # a second row: offered first for the merge
        page.get_by_role("tab", name="Merge").click()
        expect(page.locator(".st-key-curate_merge_with input")).to_have_value("1 May 2023 (day) — France–Germany summit")
        apply(page, "do_merge", "Merged into 'Kenya–Peru call'")
        titles_become(page, TITLES[:2])
        expect(events_caption(page)).to_contain_text("2 events")
        details = page.locator(".st-key-event_details")  # the merged event, still selected, has both sources
        expect(details).to_contain_text("file3.csv")
        expect(details).to_contain_text("file4.csv")

        page.get_by_role("tab", name="Split").click()
        page.locator(".st-key-curate_split_off input").click()
        page.keyboard.type("Source 2")  # the France–Germany summit's report, merged in second
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        expect(page.locator(".st-key-curate_split_off")).to_contain_text("Source 2")
        apply(page, "do_split", "Split 1 source(s) off 'Kenya–Peru call'")
        titles_become(page, TITLES)
        expect(events_caption(page)).to_contain_text("3 events")
        expect(corrections_caption(page)).to_contain_text("2 corrections; 0 undone")  # the merge and the split
        expect(details).not_to_contain_text("file4.csv")
        expect(details).to_contain_text("file3.csv")


def test_delete_a_row_in_the_browser_then_undo_it(tmp_path):
    with curation_dashboard(tmp_path) as (page, _):
        titles_become(page, TITLES)
        click_row(page, 2)
        expect(page.locator(".st-key-curate_title input")).to_have_value("FRA–DEU summit")
        page.get_by_role("tab", name="Delete").click()
        page.locator(".st-key-curate_delete_reason input").fill("not a summit")
        apply(page, "do_delete", "Deleted 'France–Germany summit'")
        titles_become(page, TITLES[:2])
        expect(events_caption(page)).to_contain_text("2 events")
        assert "event=" not in page.url
        expect(corrections_caption(page)).to_contain_text("1 corrections; 0 undone")
        undo(page)
        titles_become(page, TITLES)
        expect(events_caption(page)).to_contain_text("3 events")
        expect(corrections_caption(page)).to_contain_text("1 corrections; 1 undone")


def test_export_corrections_and_import_them_into_a_fresh_store(tmp_path):
    import json

    from loaders.store import Store

    with curation_dashboard(tmp_path, "first") as (page, _):
        click_row(page, 1)
        status = page.locator(".st-key-curate_status input")
        expect(status).to_have_value("held")
        status.click()
        page.keyboard.type("cancelled")
        page.keyboard.press("Enter")
        expect(status).to_have_value("cancelled")
        page.locator(".st-key-curate_edit_reason input").fill("called off")
        apply(page, "do_edit", "Saved status")
        column_becomes(page, "status", ["held", "cancelled", "held"])
        exported = download(page, "download_corrections", "parley-corrections.json")
    assert [(c["action"], c["reason"]) for c in json.loads(exported)] == [("edit", "called off")]
    corrections = tmp_path / "parley-corrections.json"
    corrections.write_bytes(exported)

    with curation_dashboard(tmp_path, "second") as (page, store_file):
        column_becomes(page, "status", ["held", "held", "held"])
        page.locator(".st-key-corrections_upload input[type='file']").set_input_files(corrections)
        expect(page.get_by_role("button", name="Remove parley-corrections.json")).to_be_visible()
        apply(page, "do_import", "Imported 1 correction(s) from parley-corrections.json")
        column_becomes(page, "status", ["held", "cancelled", "held"])
        assert Store(store_file).events().set_index("title").loc["KEN–PER call", "status"] == "cancelled"
