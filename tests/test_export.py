"""charts/export.py and `python -m charts export`: real kaleido images, and event files that parse."""
import csv
import io
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from eventrows import HOSTILE_TITLE, event, events_frame, seed_events, store_with_events
from svgfacts import lightness, svg_facts
from test_browser import CHROMIUM, CHROMIUM_ARGS

from charts.export import (
    events_bytes,
    events_csv,
    events_ics,
    events_json,
    events_timelinejs,
    figure_bytes,
)
from charts.views import VIEWS
from loaders.errors import ParleyError

ROOT = Path(__file__).resolve().parent.parent

EVENTS = pd.concat([seed_events(), events_frame([
    event(event_id="vienna", kind="talks", countries=["USA", "CHN"], date=pd.Timestamp("2024-05-10"),
          end_date=pd.Timestamp("2024-05-11"), city="Vienna", country="AUT", topics=["security", "trade"],
          title="Sullivan–Wang talks; Vienna, Austria", evidence="Two days of talks, in Vienna.\\nSecond line."),
    event(event_id="hostile", kind="call", countries=["FRA"], date=pd.Timestamp("2024-03-01"),
          title=HOSTILE_TITLE, evidence="=HYPERLINK(\"http://x\")", heads=["</script><script>alert(5)</script>"]),
    event(event_id="nowhen", published=None, title="No date, no report date"),
])], ignore_index=True)

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_figure_images(view, fmt):
    data = figure_bytes(VIEWS[view](EVENTS), fmt, width=700)
    if fmt == "svg":
        root = ElementTree.fromstring(data)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert int(float(root.get("width"))) == 700
        assert b"<img" not in data and b"<script" not in data
    else:
        assert data.startswith(MAGIC[fmt]) and len(data) > 2000


def test_figure_html_is_standalone_and_inert():
    page = figure_bytes(VIEWS["timeline"](EVENTS), "html").decode()
    assert "<html" in page[:200].lower() and "plotly" in page.lower()
    assert "<img src=x" not in page and "<script>alert" not in page and "alert(5)" in page
    assert "cdn.plot.ly/plotly" not in page  # plotly.js is inlined


def test_map_html_carries_its_base_map_and_draws_it_offline(tmp_path):
    page = figure_bytes(VIEWS["map"](EVENTS), "html").decode()
    assert "window.PlotlyGeoAssets" in page
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright
    (tmp_path / "map.html").write_text(page, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
        tab.goto((tmp_path / "map.html").as_uri())
        tab.wait_for_selector(".geo .countries path", timeout=30_000)
        # the country borders are drawn: one long path, which needs the topojson in the page
        assert len(tab.locator(".geo .countries path").first.get_attribute("d")) > 10_000
        browser.close()


def test_unknown_format_refused():
    with pytest.raises(ParleyError, match="format"):
        figure_bytes(VIEWS["timeline"](EVENTS), "gif")
    with pytest.raises(ParleyError, match="format"):
        events_bytes(EVENTS, "xlsx")


def test_csv_round_trip_and_formula_guard():
    rows = list(csv.DictReader(io.StringIO(events_csv(EVENTS))))
    assert [r["event_id"] for r in rows] == list(EVENTS["event_id"])
    vienna = next(r for r in rows if r["event_id"] == "vienna")
    assert vienna["topics"] == "security; trade" and vienna["date"].startswith("2024-05-10")
    assert json.loads(vienna["sources"])[0]["article"] == "seed.txt"
    hostile = next(r for r in rows if r["event_id"] == "hostile")
    assert hostile["evidence"].startswith("'=") and hostile["title"] == HOSTILE_TITLE


def test_json_keeps_every_column():
    records = json.loads(events_json(EVENTS))
    assert len(records) == len(EVENTS) and records[0].keys() >= {"event_id", "date", "sources", "countries"}
    riyadh = next(r for r in records if r["event_id"] == "riyadh")
    assert riyadh["date"].startswith("2025-02-18") and riyadh["absent"] == ["UKR"]


def parse_ics(text):
    """A small RFC 5545 reader: checks CRLF and line length, unfolds, returns the VEVENTs as dicts."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events, current = [], None
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return lines, events


def unescape(value):
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def test_ics_parses():
    lines, events = parse_ics(events_ics(EVENTS, stamp=datetime(2025, 3, 1, tzinfo=timezone.utc)))
    by_uid = {e["UID"]: e for e in events}
    assert set(by_uid) == {f"{i}@parley" for i in ["riyadh", "istanbul", "followup", "vienna", "hostile"]}
    assert by_uid["riyadh@parley"]["DTSTART;VALUE=DATE"] == "20250218" and by_uid["riyadh@parley"]["DTEND;VALUE=DATE"] == "20250219"
    assert by_uid["vienna@parley"]["DTEND;VALUE=DATE"] == "20240512"  # exclusive end after a two-day span
    assert "undated, reported 28 Feb 2025" in unescape(by_uid["istanbul@parley"]["SUMMARY"])
    assert by_uid["followup@parley"]["STATUS"] == "TENTATIVE" and by_uid["riyadh@parley"]["STATUS"] == "CONFIRMED"
    assert unescape(by_uid["vienna@parley"]["SUMMARY"]) == "Sullivan–Wang talks; Vienna, Austria"
    assert unescape(by_uid["hostile@parley"]["SUMMARY"]) == HOSTILE_TITLE  # text, for a calendar to show as text
    assert any(line.startswith("X-PARLEY-SKIPPED:nowhen") for line in lines)
    assert all(e["DTSTAMP"] == "20250301T000000Z" for e in events)


def test_timelinejs_structure():
    document = json.loads(events_timelinejs(EVENTS))
    assert "headline" in document["title"]["text"]
    by_id = {e["unique_id"]: e for e in document["events"]}
    assert set(by_id) == {"riyadh", "istanbul", "followup", "vienna", "hostile"}
    assert by_id["riyadh"]["start_date"] == {"year": 2025, "month": 2, "day": 18}
    assert by_id["vienna"]["end_date"] == {"year": 2024, "month": 5, "day": 11}
    assert by_id["istanbul"]["display_date"].startswith("undated, reported 28 Feb 2025")
    assert all({"headline", "text"} <= e["text"].keys() and e["group"] for e in document["events"])
    hostile = json.dumps(by_id["hostile"])
    assert "<img" not in hostile and "<script" not in hostile and "&lt;img src=x" in hostile
    assert "1 without any date left out" in document["title"]["text"]["text"]


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    store_with_events(path, EVENTS)
    return path


@pytest.mark.parametrize("args, check", [
    (["--view", "timeline", "--format", "svg", "--country", "RUS"], lambda b: b.lstrip().startswith(b"<svg")),
    (["--view", "map", "--format", "png"], lambda b: b.startswith(MAGIC["png"])),
    (["--view", "network", "--format", "pdf", "--topic", "trade"], lambda b: b.startswith(MAGIC["pdf"])),
    (["--view", "activity", "--format", "html"], lambda b: b"plotly" in b.lower()),
    (["--format", "csv", "--country", "RUS"], lambda b: sorted(r["event_id"] for r in csv.DictReader(io.StringIO(b.decode())))
        == ["followup", "istanbul", "nowhen", "riyadh"]),
    (["--format", "ics", "--country", "CHN"], lambda b: b.count(b"BEGIN:VEVENT") == 1),
])
def test_command_line_export(tmp_path, store_file, args, check):
    out = tmp_path / "out.bin"
    done = subprocess.run([sys.executable, "-m", "charts", "export", *args, "--out", str(out), "--db", str(store_file)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert check(out.read_bytes()) and "wrote" in done.stdout


@pytest.mark.parametrize("args, message", [
    (["--view", "timeline", "--format", "svg", "--start", "2025-03-01", "--end", "2025-01-01"], "start 2025-03-01 is after end"),
    (["--view", "globe", "--format", "svg"], "invalid choice"),
    (["--view", "timeline", "--format", "svg", "--start", "soon"], "expected a date"),
])
def test_command_line_refuses_bad_arguments(tmp_path, store_file, args, message):
    done = subprocess.run([sys.executable, "-m", "charts", "export", *args, "--out", str(tmp_path / "x"), "--db", str(store_file)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


# -- one export path: the image shows what the screen shows --------------------------------

LONG_NAMES = events_frame([
    event(event_id=f"e{number}", countries=["USA", code], date=pd.Timestamp("2025-01-01") - pd.Timedelta(days=40 * number))
    for number, code in enumerate(["COD", "CAF", "VCT", "BIH", "PNG", "TTO", "ARE", "GBR", "DEU", "FRA", "CHN"])
])


@pytest.fixture(scope="module")
def tab():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser.new_page(viewport={"width": 1400, "height": 1000})
        browser.close()


@pytest.fixture
def streamlit_default_template(monkeypatch):
    """The app's process: importing Streamlit makes its own template Plotly's default."""
    import plotly.io as pio
    import streamlit  # noqa: F401  (registers the "streamlit" template)
    monkeypatch.setattr(pio.templates, "default", "streamlit")


def test_timeline_lane_names_fit_whole_in_the_image(tab, streamlit_default_template):
    fig = VIEWS["timeline"](LONG_NAMES)
    facts = svg_facts(tab, figure_bytes(fig, "svg"))
    assert sorted(t["text"] for t in facts["yticks"]) == sorted(fig.layout.meta["lane_labels"])
    assert "Central African Republic – United States" in [t["text"] for t in facts["yticks"]]
    assert all(t["left"] >= 0 for t in facts["yticks"]), [t for t in facts["yticks"] if t["left"] < 0]


def test_matrix_labels_fit_whole_in_the_image(tab, streamlit_default_template):
    facts = svg_facts(tab, figure_bytes(VIEWS["matrix"](LONG_NAMES), "svg"))
    assert len(facts["yticks"]) == len(facts["xticks"]) == 12
    assert all(t["left"] >= 0 for t in facts["yticks"])
    assert all(t["bottom"] <= facts["height"] and t["left"] >= 0 for t in facts["xticks"])


def test_activity_bars_each_country_in_its_own_visible_colour(tab, streamlit_default_template):
    fig = VIEWS["activity"](LONG_NAMES, top=10)
    facts = svg_facts(tab, figure_bytes(fig, "svg"))
    fills = [trace[0] for trace in facts["bars"]]
    assert len(facts["bars"]) == 11 and all(len(trace) == 1 for trace in facts["bars"])  # ten countries and 'other'
    assert len(set(fills)) == 11
    assert all(lightness(fill) > 60 for fill in fills), fills  # none black or near-black
    legend = {item["text"]: item["fill"] for item in facts["legend"]}
    assert [legend[trace.name] for trace in fig.data] == fills  # the legend matches the bars


def test_static_images_drop_the_range_buttons_the_html_keeps(tab):
    old = events_frame([event(event_id="potsdam", date=pd.Timestamp("1945-07-17"))])
    fig = VIEWS["timeline"](pd.concat([EVENTS, old], ignore_index=True))
    assert fig.layout.xaxis.rangeselector.buttons  # the screen has them
    assert svg_facts(tab, figure_bytes(fig, "svg"))["buttons"] == 0
    assert '"rangeselector"' in figure_bytes(fig, "html").decode()


def test_ics_reads_back_with_the_icalendar_package():
    import icalendar

    calendar = icalendar.Calendar.from_ical(events_ics(EVENTS))
    by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert str(by_uid["riyadh@parley"]["SUMMARY"]) == "Russia–United States meeting, Saudi Arabia"
    assert str(by_uid["vienna@parley"]["DESCRIPTION"]).startswith("Two days of talks, in Vienna.")
    assert by_uid["vienna@parley"]["CATEGORIES"].cats == ["security", "trade"]
    assert str(calendar["X-PARLEY-SKIPPED"]) == "nowhen"
