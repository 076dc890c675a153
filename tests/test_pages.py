"""Every dashboard page under Streamlit's AppTest, against a real store file with known events.

The app reads the store named by $PARLEY_DB; each test seeds the URL's query string (the
shared filters) and asserts on the figure the page drew:
plotly.io.from_json(at.get("plotly_chart")[0].proto.spec).
"""
import base64

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest
from eventrows import (
    HOSTILE_TITLE,
    event,
    events_frame,
    open_page,
    seed_events,
    store_with_events,
)

from loaders.filters import Filters

EVENTS = pd.concat([seed_events(), events_frame([
    event(event_id="woodside", kind="summit", countries=["USA", "CHN"], date=pd.Timestamp("2023-11-15"),
          city="Woodside", country="USA", topics=["trade"], title="Biden–Xi summit, Woodside",
          evidence="Biden and Xi met in Woodside on 15 November.", date_text="15 November", origin="travels"),
    event(event_id="hostile", kind="call", countries=["FRA", "DEU"], date=pd.Timestamp("2024-03-01"),
          title=HOSTILE_TITLE, evidence=f"They spoke: {HOSTILE_TITLE}."),
    # decades before the rest, as the Office of the Historian's trips are: the timeline opens on recent years
    event(event_id="potsdam", kind="meeting", countries=["USA", "GBR"], date=pd.Timestamp("1945-07-17"),
          end_date=pd.Timestamp("1945-08-02"), title="Potsdam conference", evidence="Truman met Churchill at Potsdam."),
])], ignore_index=True)


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "pages.duckdb"
    store_with_events(path, EVENTS)
    return path


@pytest.fixture
def app(store_file, monkeypatch):
    monkeypatch.setenv("PARLEY_DB", str(store_file))

    def run(page, **query):
        return open_page(page, **query)
    return run


def figure(at, number=0):
    return pio.from_json(at.get("plotly_chart")[number].proto.spec)


def numbers(values):
    """A figure array as a list: Plotly's JSON packs numeric arrays as {"dtype", "bdata"}."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def event_ids(fig):
    return {row[0] for trace in fig.data if trace.customdata is not None and trace.type in ("scatter", "bar")
            for row in trace.customdata}


@pytest.mark.parametrize("query, expected", [
    ({}, {"riyadh", "istanbul", "followup", "woodside", "hostile", "potsdam"}),
    ({"country": "RUS"}, {"riyadh", "istanbul", "followup"}),
    ({"country": ["USA", "CHN"], "match": "all"}, {"woodside"}),
    ({"kind": "talks"}, {"istanbul"}),
    ({"absent": "UKR"}, {"riyadh"}),
    ({"start": "2025-01-01", "status": "held"}, {"riyadh", "istanbul"}),
])
def test_timeline_page_draws_the_filtered_events(app, query, expected):
    query = {**query, "news": "all"}  # every source, the Office of the Historian's Woodside summit included
    at = app("timeline", **query)
    assert event_ids(figure(at)) == expected
    assert Filters.from_query(at.query_params) == Filters.from_query(query)  # the URL keeps the filters


def test_the_first_view_shows_the_articles_and_everything_is_one_click_away(app):
    at = app("timeline")
    assert event_ids(figure(at)) == {"riyadh", "istanbul", "followup", "hostile", "potsdam"}  # no Woodside (travels)
    assert at.query_params == {"news": "only"}
    assert at.sidebar.radio(key="filter_news_only").value is True  # the browser test clicks the other choice


def test_timeline_keeps_seed_meetings_apart_and_filters_sync_from_url(app):
    at = app("timeline", country="RUS")
    assert at.multiselect(key="filter_countries").value == ["RUS"]
    fig = figure(at)
    x = {row[0]: pd.Timestamp(trace.x[i]).date().isoformat() for trace in fig.data
         if trace.type == "scatter" and trace.customdata is not None for i, row in enumerate(trace.customdata)}
    assert x["riyadh"] == "2025-02-18" and x["istanbul"] == "2025-02-28"


@pytest.mark.parametrize("query, written", [
    ({"country": "rus,chn"}, {"country": ["RUS", "CHN"], "news": "only"}),
    ({"country": "CHN", "match": "any", "q": "  Woodside ", "news": "all"}, {"country": "CHN", "q": "Woodside", "news": "all"}),
    ({"kind": "summit", "unrelated": "kept?", "news": "only"}, {"kind": "summit", "news": "only"}),
])
def test_the_sidebar_rewrites_the_url_from_its_widgets(app, query, written):
    # AppTest re-runs only the page script after the first run of a multipage app, so the
    # widget -> URL direction is checked on the first run: the URL is rewritten in the
    # widgets' canonical form (upper-case codes, defaults left out, text trimmed).
    at = app("timeline", **query)
    assert at.query_params == written


def test_topic_lanes(app):
    at = app("timeline", country="RUS")
    at.segmented_control(key="timeline_lanes").set_value("topic").run()
    fig = figure(at)
    lanes = {row[1] for trace in fig.data if trace.customdata is not None for row in trace.customdata}
    assert {"bilateral relations", "diplomatic missions"} <= lanes <= set(fig.layout.yaxis.ticktext)


def test_the_lanes_choice_is_kept_in_the_url(app):
    at = app("timeline", country="RUS", lanes="topic")
    assert figure(at).layout.meta["lanes"] == "topic"
    at.segmented_control(key="timeline_lanes").set_value("pair").run()
    assert figure(at).layout.meta["lanes"] == "pair" and "lanes" not in at.query_params
    at.segmented_control(key="timeline_lanes").set_value("topic").run()
    assert at.query_params["lanes"] in ("topic", ["topic"])
    assert figure(app("timeline", lanes="sideways")).layout.meta["lanes"] == "pair"  # a bad link value: the default


def test_the_activity_period_is_kept_in_the_url(app):
    at = app("activity", per="year")
    assert figure(at, 0).layout.meta["period"] == "year"


@pytest.mark.parametrize("query, windowed", [
    ({}, True),                                # 1945-2025: opens on the last years, Potsdam a button away
    ({"country": "RUS"}, False),               # 2025 only
    ({"start": "1940-01-01"}, False),          # a date range asked for is shown whole
    ({"end": "2025-12-31"}, False),
])
def test_timeline_opens_on_recent_years_unless_dates_were_asked_for(app, query, windowed):
    at = app("timeline", **query, news="all")
    fig = figure(at)
    shown = " ".join(caption.value for caption in at.caption)
    x = {row[0]: pd.Timestamp(trace.x[i]) for trace in fig.data if trace.type == "scatter" and trace.customdata is not None
         for i, row in enumerate(trace.customdata)}
    if windowed:
        start, end = (pd.Timestamp(bound) for bound in fig.layout.xaxis.range)
        assert start <= x["woodside"] and x["riyadh"] <= end < pd.Timestamp("2026-01-01")
        assert x["potsdam"] < start and "press 'all'" in shown
        assert fig.layout.xaxis.rangeselector.buttons[-1].step == "all"
    else:
        assert fig.layout.xaxis.range is None and "press 'all'" not in shown


def test_timeline_lanes_most_recent_first(app):
    fig = figure(app("timeline"))
    labels = list(fig.layout.yaxis.ticktext)
    assert labels[0] == "Russia – United States" and labels[-1] == "United Kingdom – United States"


def test_selected_event_shows_its_evidence_with_the_date_marked(app):
    at = app("timeline", country="RUS", event="riyadh")
    shown = " ".join(element.proto.body for element in at.get("html"))
    assert "<mark class=\"evidence\"" in shown and ">18 February</mark>" in shown
    assert "not attended by Ukraine" in shown


def test_hostile_title_is_inert_in_details_and_figure(app):
    at = app("timeline", event="hostile")
    shown = " ".join(element.proto.body for element in at.get("html"))
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "<img" not in at.get("plotly_chart")[0].proto.spec


def test_map_page(app):
    at = app("map", country="RUS")
    traces = figure(at).data
    assert {t.type for t in traces} == {"scattergeo"}
    assert sorted((country, city) for t in traces for country, city, _ in t.customdata) == [("SAU", ""), ("TUR", "Istanbul")]


def test_network_page(app):
    at = app("network", country="CHN", news="all")
    nodes = next(t for t in figure(at).data if t.name == "countries")
    assert {code for code, _ in nodes.customdata} == {"USA", "CHN"}


def test_activity_page(app):
    at = app("activity", country="RUS")
    bars = figure(at, 0).data
    assert sum(sum(numbers(t.y)) for t in bars) == 6  # three events, two countries each
    heat = figure(at, 1).data[0]
    assert len(heat.x) == 2


def test_events_page_table(app):
    at = app("events", kind="summit", news="all")
    table = at.dataframe[0].value
    assert list(table["event_id"]) == ["woodside"]
    assert table["title"][0] == "Biden–Xi summit, Woodside"


def test_events_page_lists_newest_first_in_plain_words(app):
    table = app("events").dataframe[0].value
    assert list(table["event_id"][:4]) == ["followup", "istanbul", "riyadh", "hostile"]  # the first two reported 28 Feb 2025
    assert list(table["event_id"])[-1] == "potsdam"
    by_id = table.set_index("event_id")
    assert by_id.loc["istanbul", "date"] == "" and by_id.loc["istanbul", "when"] == "undated, reported 28 Feb 2025"
    assert str(by_id.loc["riyadh", "date"]) == "2025-02-18"
    assert by_id.loc["riyadh", "title"] == "Russia–United States meeting, Saudi Arabia"


def test_event_details_name_each_source_by_headline_outlet_and_date(app):
    at = app("events", event="riyadh")
    details = " ".join(block.proto.body for block in at.get("html"))
    assert "<h4 class='parley-event-title'>Russia–United States meeting, Saudi Arabia</h4>" in details
    # the article's own headline (these made-up articles are headed by the event's stored title), its date, then the file
    assert ("<b>Source 1</b>: <i class='parley-headline'>USA–RUS meeting, Saudi Arabia</i> — 28 Feb 2025 "
            "<small>(file seed.txt)</small>") in details


def test_sources_page_lists_articles(app):
    at = app("sources")
    articles = at.dataframe[0].value
    assert len(articles) == len(EVENTS)
    assert set(articles["events"]) == {1}


def test_bad_link_filter_is_reported_not_raised(app):
    at = app("timeline", start="not-a-date")
    assert any("Ignored the link's filters" in w.value for w in at.sidebar.warning)
    assert len(event_ids(figure(at))) == len(EVENTS) - 1  # all but the Office of the Historian's, as with no filter


def test_sources_page_shows_each_feeds_status_and_refuses_a_loopback_feed(tmp_path, monkeypatch):
    from loaders import subscriptions
    from loaders.store import Store

    path = tmp_path / "feeds.duckdb"
    store_with_events(path, EVENTS)
    subscriptions.subscribe(Store(path), "https://news.example/world/rss.xml")
    monkeypatch.setenv("PARLEY_DB", str(path))
    monkeypatch.delenv("PARLEY_ALLOW_PRIVATE_FEEDS", raising=False)
    at = open_page("sources")
    [feeds] = [table.value for table in at.dataframe if "last_checked" in table.value.columns]
    assert list(feeds["url"]) == ["https://news.example/world/rss.xml"] and feeds["last_checked"].isna().all()
    at.text_input[0].set_value("http://127.0.0.1:9/feed.xml")
    at.button[1].click().run()  # the form's "Add feed"
    assert any("private, loopback or reserved address" in e.value for e in at.error)
    assert list(subscriptions.subscriptions(Store(path))["url"]) == ["https://news.example/world/rss.xml"]
