"""charts/: the figure builders, asserted on the figure objects they return."""
import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from charts import style
from charts.activity import activity, activity_counts, country_matrix
from charts.map import venue_counts, venue_map
from charts.network import network, pair_counts
from charts.timeline import MULTILATERAL, NO_TOPIC, lane_frame, timeline
from eventrows import HOSTILE_TITLE, event, events_frame, seed_events
from loaders.errors import ParleyError


def marker_points(fig):
    """{event_id: (trace, index)} over the marker traces that carry events."""
    points = {}
    for trace in fig.data:
        if trace.type == "scatter" and trace.customdata is not None:
            for i, row in enumerate(trace.customdata):
                points.setdefault(row[0], []).append((trace, i))
    return points


def test_seed_meetings_are_separate_points_on_their_own_dates():
    fig = timeline(seed_events())
    points = marker_points(fig)
    assert fig.layout.xaxis.type == "date"
    (riyadh, i), = points["riyadh"]
    (istanbul, j), = points["istanbul"]
    assert pd.Timestamp(riyadh.x[i]).date().isoformat() == "2025-02-18"
    assert pd.Timestamp(istanbul.x[j]).date().isoformat() == "2025-02-28"
    assert "undated, reported 28 Feb 2025" in istanbul.hovertext[j]
    assert "18 Feb 2025 (day)" in riyadh.hovertext[i]
    assert "Absent: Ukraine" in riyadh.hovertext[i]


@pytest.mark.parametrize("status, date, symbol", [
    ("held", "2025-02-18", "circle"),
    ("planned", "2025-02-18", "circle-open"),
    ("cancelled", "2025-02-18", "circle-x"),
    ("held", None, "diamond"),
    ("planned", None, "diamond-open"),
    ("cancelled", None, "diamond-x"),
])
def test_marker_symbol_by_status_and_dating(status, date, symbol):
    fig = timeline(events_frame([event(event_id="e", status=status, date=pd.Timestamp(date) if date else None)]))
    (trace, i), = marker_points(fig)["e"]
    assert trace.marker.symbol[i] == symbol


@pytest.mark.parametrize("kind", ["meeting", "talks", "summit", "call", "visit"])
def test_colour_by_kind(kind):
    fig = timeline(events_frame([event(event_id="e", kind=kind, date=pd.Timestamp("2024-01-01"))]))
    (trace, _), = marker_points(fig)["e"]
    assert trace.name == kind and trace.marker.color == style.KIND_COLORS[kind]


def test_marker_size_grows_with_sources():
    frame = events_frame([event(event_id=f"e{n}", n_sources=n, date=pd.Timestamp("2024-01-01")) for n in (1, 4, 9)])
    fig = timeline(frame)
    sizes = {eid: trace.marker.size[i] for eid, [(trace, i)] in marker_points(fig).items()}
    assert sizes["e1"] < sizes["e4"] < sizes["e9"]


@pytest.mark.parametrize("countries, pairs", [
    (["USA", "RUS"], [("RUS", "USA")]),
    (["RUS"], [("RUS", None)]),
    (["USA", "JPN", "KOR"], [("JPN", "KOR"), ("JPN", "USA"), ("KOR", "USA")]),
    (["USA", "JPN", "KOR", "IND", "AUS"], None),
])
def test_pair_lanes(countries, pairs):
    frame = events_frame([event(event_id="e", countries=countries, date=pd.Timestamp("2024-01-01"))])
    name = style.country_name
    expected = [MULTILATERAL] if pairs is None else sorted(
        " – ".join(sorted([name(a), name(b)])) if b else f"{name(a)} – ?" for a, b in pairs)
    assert sorted(lane_frame(frame, "pair")["lane"]) == expected
    assert sorted(t.y[i] for t, i in marker_points(timeline(frame))["e"]) == expected


@pytest.mark.parametrize("topics, lanes", [(["trade", "security"], ["security", "trade"]), ([], [NO_TOPIC])])
def test_topic_lanes(topics, lanes):
    frame = events_frame([event(event_id="e", topics=topics, date=pd.Timestamp("2024-01-01"))])
    fig = timeline(frame, lanes="topic")
    (trace, _), *rest = marker_points(fig)["e"]
    assert sorted(trace.y) == lanes
    assert fig.layout.meta["lanes"] == "topic"


def test_unknown_lanes_refused():
    with pytest.raises(ParleyError, match="lanes"):
        timeline(seed_events(), lanes="city")


def test_multi_day_event_is_a_bar_over_its_days():
    frame = events_frame([event(event_id="span", date=pd.Timestamp("2024-05-10"), end_date=pd.Timestamp("2024-05-12")),
                          event(event_id="day", date=pd.Timestamp("2024-05-10"))])
    fig = timeline(frame)
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars) == 1 and list(bars[0].customdata[:, 0]) == ["span"]
    assert bars[0].base[0] == "2024-05-10" and bars[0].x[0] == 3 * 24 * 3600 * 1000
    assert "10 May 2024 – 12 May 2024 (day)" in bars[0].hovertext[0]
    assert set(marker_points(fig)) == {"span", "day"}  # the span is clickable at its first day too


def test_undrawable_events_are_counted_not_lost():
    frame = events_frame([event(event_id="a", date=pd.Timestamp("2024-01-01")), event(event_id="b", published=None)])
    fig = timeline(frame)
    assert fig.layout.meta["unplaced"] == 1
    assert any("1 event with no date" in a.text for a in fig.layout.annotations)


@pytest.mark.parametrize("limit, periods", [(50, 9), (5, 2)])
def test_aggregates_above_point_limit(limit, periods):
    days = pd.date_range("2024-01-01", periods=60, freq="D")  # nine weeks, two months
    frame = events_frame([event(event_id=f"e{i}", date=day, kind="talks" if i % 2 else "meeting") for i, day in enumerate(days)])
    below = timeline(frame, point_limit=100)
    above = timeline(frame, point_limit=limit)
    assert below.layout.meta["aggregated"] is False and above.layout.meta["aggregated"] is True
    counted = [t for t in above.data if t.name.endswith(", counted")]
    singles = {e for e in marker_points(above) if e}
    assert sum(int(h.split("<b>")[1].split(" ")[0]) for t in counted for h in t.hovertext) + len(singles) == 60
    assert all(row[0] == "" for t in counted for row in t.customdata)
    assert len({x for t in counted for x in t.x}) == periods
    assert sum(len(t.x) for t in above.data if t.customdata is not None) <= limit


def test_event_alone_in_its_period_stays_clickable_when_aggregated():
    crowd = [event(event_id=f"c{i}", date=pd.Timestamp("2024-01-02")) for i in range(10)]
    lone = event(event_id="lone", date=pd.Timestamp("2024-06-03"))
    fig = timeline(events_frame(crowd + [lone]), point_limit=5)
    assert set(e for e in marker_points(fig) if e) == {"lone"}
    (counted,) = [t for t in fig.data if t.name.endswith(", counted")]
    assert counted.hovertext[0].startswith("<b>10 meeting events</b>")


def test_empty_frame_gives_an_empty_figure():
    fig = timeline(events_frame([]))
    assert isinstance(fig, go.Figure) and len([t for t in fig.data if t.customdata is not None]) == 0


HOSTILE = events_frame([event(event_id="evil", title=HOSTILE_TITLE, heads=["<b onmouseover=alert(3)>X</b>"], city="<svg onload=alert(4)>",
                              country="TUR", countries=["USA", "RUS"], date=pd.Timestamp("2025-01-01"), topics=["<i>t</i>"])])


@pytest.mark.parametrize("build", [timeline, lambda f: timeline(f, lanes="topic"), venue_map, network, activity, country_matrix],
                         ids=["timeline", "timeline-topic", "map", "network", "activity", "matrix"])
def test_hostile_text_is_escaped_in_every_figure(build):
    spec = build(HOSTILE).to_json()
    assert "<img" not in spec and "<script" not in spec and "<svg" not in spec and "onmouseover=alert(3)>" not in spec.replace("&lt;b onmouseover=alert(3)&gt;", "")
    assert "<i>" not in spec


def test_hostile_title_readable_in_hover():
    (trace, i), = marker_points(timeline(HOSTILE))["evil"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in trace.hovertext[i]


def test_map_counts_venues_by_country_and_kind():
    frame = seed_events()
    venues = venue_counts(frame)
    assert sorted(zip(venues["country"], venues["kind"], venues["count"])) == [("SAU", "meeting", 1), ("TUR", "talks", 1)]
    fig = venue_map(frame)
    assert {t.type for t in fig.data} == {"scattergeo"}
    assert {t.locationmode for t in fig.data} == {"ISO-3"}
    assert fig.layout.meta["unplaced"] == 1  # the planned follow-up has no venue


def test_network_edges_weighted_by_shared_events():
    frame = events_frame([event(event_id="a", countries=["USA", "RUS"]), event(event_id="b", countries=["RUS", "USA"]),
                          event(event_id="c", countries=["USA", "CHN"])])
    pairs = pair_counts(frame)
    assert sorted(zip(pairs["a"], pairs["b"], pairs["count"])) == [("CHN", "USA", 1), ("RUS", "USA", 2)]
    fig = network(frame)
    edges = {tuple(t.customdata[0][:2]): t.line.width for t in fig.data if t.mode == "lines"}
    assert edges[("RUS", "USA")] > edges[("CHN", "USA")]
    nodes = next(t for t in fig.data if t.name == "countries")
    assert dict((c, n) for c, n in nodes.customdata) == {"USA": 3, "RUS": 2, "CHN": 1}


@pytest.mark.parametrize("period, expected_periods", [("month", 2), ("week", 3)])
def test_activity_counts_per_period_and_country(period, expected_periods):
    frame = events_frame([event(event_id="a", date=pd.Timestamp("2025-01-06")), event(event_id="b", date=pd.Timestamp("2025-01-20")),
                          event(event_id="c", date=pd.Timestamp("2025-02-03"), countries=["USA", "CHN"])])
    counts = activity_counts(frame, period)
    assert counts["period_start"].nunique() == expected_periods
    assert counts.groupby("country")["count"].sum().to_dict() == {"USA": 3, "RUS": 2, "CHN": 1}
    fig = activity(frame, period)
    assert fig.layout.barmode == "stack" and sum(sum(t.y) for t in fig.data) == 6


def test_activity_refuses_unknown_period():
    with pytest.raises(ParleyError, match="period"):
        activity(seed_events(), "fortnight")


def test_country_matrix_is_symmetric():
    frame = events_frame([event(event_id="a"), event(event_id="b", countries=["USA", "CHN", "RUS"])])
    heat = country_matrix(frame).data[0]
    z = [list(r) for r in heat.z]
    assert z == [list(c) for c in zip(*z)]
    usa, rus = heat.x.index(style.country_name("USA")), heat.x.index(style.country_name("RUS"))
    assert z[usa][rus] == 2 and z[usa][usa] == 0
