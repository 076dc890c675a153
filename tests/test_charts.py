"""charts/: the figure builders, asserted on the figure objects they return."""
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from eventrows import HOSTILE_TITLE, event, events_frame, seed_events

from charts import map as map_chart
from charts import style
from charts.activity import activity, activity_counts, country_matrix
from charts.map import venue_map
from charts.network import network, pair_counts
from charts.timeline import (
    LANE_HEIGHT,
    MULTILATERAL,
    NO_PARTIES,
    NO_TOPIC,
    STACK_SPREAD,
    caption,
    lane_frame,
    lane_order,
    recent_window,
    stack_offsets,
    timeline,
)
from loaders import gazetteer
from loaders.errors import ParleyError


def marker_points(fig):
    """{event_id: (trace, index)} over the marker traces that carry events."""
    points = {}
    for trace in fig.data:
        if trace.type == "scatter" and trace.customdata is not None:
            for i, row in enumerate(trace.customdata):
                points.setdefault(row[0], []).append((trace, i))
    return points


def drawn_lane(fig, y):
    """The label of the lane a point at height `y` is drawn in (lane i spans i - 0.5 .. i + 0.5)."""
    return fig.layout.yaxis.ticktext[fig.layout.yaxis.tickvals.index(round(y))]


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


@pytest.mark.parametrize("countries, expected", [
    (["USA", "RUS"], ["Russia – United States"]),
    (["RUS"], ["Russia (other party not named)"]),
    (["RUS", "RUS"], ["Russia (other party not named)"]),
    ([], [NO_PARTIES]),
    (["USA", "JPN", "KOR"], ["Japan – South Korea – United States"]),  # once, in its grouping's lane
    (["USA", "JPN", "KOR", "IND"], ["India – Japan – South Korea – United States"]),
    (["USA", "JPN", "KOR", "IND", "AUS"], [MULTILATERAL]),
])
def test_pair_lanes(countries, expected):
    frame = events_frame([event(event_id="e", countries=countries, date=pd.Timestamp("2024-01-01"))])
    assert sorted(lane_frame(frame, "pair")["lane"]) == expected
    fig = timeline(frame)
    assert sorted(drawn_lane(fig, t.y[i]) for t, i in marker_points(fig)["e"]) == expected
    assert sorted(t.customdata[i][1] for t, i in marker_points(fig)["e"]) == expected


@pytest.mark.parametrize("topics, lanes", [(["trade", "security"], ["security", "trade"]), ([], [NO_TOPIC])])
def test_topic_lanes(topics, lanes):
    frame = events_frame([event(event_id="e", topics=topics, date=pd.Timestamp("2024-01-01"))])
    fig = timeline(frame, lanes="topic")
    assert sorted(drawn_lane(fig, trace.y[i]) for trace, i in marker_points(fig)["e"]) == lanes
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


def counted_total(traces):
    """The events the counted cells of `traces` hold, read as their hovers show them ("1,234")."""
    return sum(int(row[3].replace(",", "")) for trace in traces for row in trace.customdata)


@pytest.mark.parametrize("limit, periods", [(50, 9), (5, 2)])
def test_aggregates_above_point_limit(limit, periods):
    days = pd.date_range("2024-01-01", periods=60, freq="D")  # nine weeks, two months
    frame = events_frame([event(event_id=f"e{i}", date=day, kind="talks" if i % 2 else "meeting") for i, day in enumerate(days)])
    below = timeline(frame, point_limit=100)
    above = timeline(frame, point_limit=limit)
    assert below.layout.meta["aggregated"] is False and above.layout.meta["aggregated"] is True
    counted = [t for t in above.data if t.name.endswith(", counted")]
    singles = {e for e in marker_points(above) if e}
    assert all(t.hovertext is None and "%{customdata[3]}" in t.hovertemplate for t in counted)
    assert counted_total(counted) + len(singles) == 60
    assert all(row[0] == "" for t in counted for row in t.customdata)
    assert len({x for t in counted for x in t.x}) == periods
    assert sum(len(t.x) for t in above.data if t.customdata is not None) <= limit


def test_event_alone_in_its_period_stays_clickable_when_aggregated():
    crowd = [event(event_id=f"c{i}", date=pd.Timestamp("2024-01-02")) for i in range(10)]
    lone = event(event_id="lone", date=pd.Timestamp("2024-06-03"))
    fig = timeline(events_frame(crowd + [lone]), point_limit=5)
    assert set(e for e in marker_points(fig) if e) == {"lone"}
    (counted,) = [t for t in fig.data if t.name.endswith(", counted")]
    assert counted.customdata[0][3] == "10" and counted.hovertemplate.startswith("<b>%{customdata[3]} meeting events</b>")


def test_empty_frame_gives_an_empty_figure():
    fig = timeline(events_frame([]))
    assert isinstance(fig, go.Figure) and len([t for t in fig.data if t.customdata is not None]) == 0


# -- the default view: lane order, lane cap, first x range, stacked points (issue 4 follow-up) ----

#: Partners of the USA, one lane each ("X – United States"), for tables of made-up lanes.
PARTNERS = ["AFG", "ALB", "DZA", "AGO", "ARG", "ARM", "AUS", "AUT", "BEL", "BRA", "CAN", "CHL", "CHN", "COL", "DNK",
            "EGY", "FIN", "FRA", "DEU", "GRC", "IND", "IDN", "IRQ", "IRL", "ISR", "ITA", "JPN", "JOR", "KEN", "MEX",
            "NLD", "NOR"]


def lane_events(latest_by_partner, per_lane=1):
    """Events in one lane per partner (with the USA): `per_lane` of them, the last on the given day."""
    return events_frame([event(event_id=f"{code}-{n}", countries=["USA", code], date=pd.Timestamp(day) - pd.Timedelta(days=30 * n))
                         for code, day in latest_by_partner.items() for n in range(per_lane)])


def pair(code):
    return f"{style.country_name(code)} – United States"


@pytest.mark.parametrize("latest, expected", [
    # alphabetical order would put Afghanistan first; the latest event decides
    ({"AFG": "1990-01-01", "JPN": "2025-02-01", "FRA": "2024-06-01"}, ["JPN", "FRA", "AFG"]),
    ({"ALB": "2020-01-01", "CHN": "2020-01-02", "BRA": "2019-12-31"}, ["CHN", "ALB", "BRA"]),
])
def test_lanes_ordered_by_latest_event_newest_on_top(latest, expected):
    fig = timeline(lane_events(latest))
    assert list(fig.layout.yaxis.ticktext) == [pair(code) for code in expected]
    assert list(fig.layout.yaxis.tickvals) == list(range(len(expected)))
    top = [eid for eid, [(t, i)] in marker_points(fig).items() if round(t.y[i]) == 0]
    assert top == [f"{expected[0]}-0"]
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # row 0 at the top


def test_lane_order_ties_more_events_first_then_name():
    frame = events_frame([event(event_id=f"{code}{n}", countries=["USA", code], date=pd.Timestamp("2024-05-01") - pd.Timedelta(days=n))
                          for code, n_events in (("FRA", 1), ("DEU", 3), ("CAN", 1)) for n in range(n_events)])
    assert lane_order(lane_frame(frame)) == [pair("DEU"), pair("CAN"), pair("FRA")]


@pytest.mark.parametrize("n_lanes, limit", [(30, 30), (31, 30), (30, 12), (5, 2)])
def test_lanes_capped_and_the_rest_folded_into_one_lane(n_lanes, limit):
    days = pd.date_range("2024-12-31", periods=n_lanes, freq="-7D")  # partner i's latest event is i weeks old
    frame = lane_events(dict(zip(PARTNERS[:n_lanes], days)), per_lane=2)
    fig = timeline(frame, lane_limit=limit)
    labels = list(fig.layout.yaxis.ticktext)
    assert len(labels) == min(n_lanes, limit)
    folded = n_lanes - limit + 1 if n_lanes > limit else 0
    assert fig.layout.meta["folded_lanes"] == folded
    if folded:
        assert labels[:-1] == [pair(code) for code in PARTNERS[:limit - 1]]
        assert labels[-1] == f"other pairs ({folded})"
        assert fig.layout.meta["folded_events"] == 2 * folded
        assert f"{folded} more ({2 * folded} events) share the bottom lane" in caption(fig)
    else:
        assert "bottom lane" not in caption(fig)
    # nothing is dropped: every event is a clickable point, named by its own pair
    drawn = marker_points(fig)
    assert set(drawn) == set(frame["event_id"])
    assert all(t.customdata[i][1] == pair(eid.split("-")[0]) for eid, spots in drawn.items() for t, i in spots)
    assert fig.layout.height == max(320, 130 + LANE_HEIGHT * len(labels))


def test_event_of_several_folded_topics_is_drawn_once_in_the_folded_lane():
    recent = events_frame([event(event_id="new", topics=["trade"], date=pd.Timestamp("2025-01-01")),
                           event(event_id="older", topics=["energy"], date=pd.Timestamp("2024-12-01"))])
    old = events_frame([event(event_id="trio", topics=["arms", "debt", "water"], date=pd.Timestamp("1990-01-01"))])
    fig = timeline(pd.concat([recent, old], ignore_index=True), lanes="topic", lane_limit=2)
    assert list(fig.layout.yaxis.ticktext) == ["trade", "other topics (4)"]  # energy and trio's three topics
    assert len(marker_points(fig)["trio"]) == 1


def test_a_four_party_event_takes_one_lane():
    frame = events_frame([event(event_id="quad", countries=["USA", "JPN", "IND", "AUS"], date=pd.Timestamp("2024-09-21"))])
    fig = timeline(frame)
    assert list(fig.layout.yaxis.ticktext) == ["Australia – India – Japan – United States"]
    assert len(marker_points(fig)["quad"]) == 1


@pytest.mark.parametrize("first, last, window_from", [
    ("1906-03-01", "2025-05-01", "2022-05-01"),   # decades: open on the last three years
    ("2010-01-01", "2025-05-01", "2022-05-01"),
    ("2016-01-01", "2025-05-01", None),           # under settings.timeline_whole_years: show it all
    ("2024-01-01", "2025-05-01", None),
])
def test_initial_x_range_shows_the_recent_years_of_long_data(first, last, window_from):
    frame = events_frame([event(event_id="first", countries=["USA", "GBR"], date=pd.Timestamp(first)),
                          event(event_id="last", date=pd.Timestamp(last)),
                          event(event_id="before", date=pd.Timestamp(last) - pd.Timedelta(days=1000))])
    fig = timeline(frame)
    if window_from is None:
        assert fig.layout.xaxis.range is None and fig.layout.meta["window"] is None
        assert not fig.layout.xaxis.rangeselector.buttons
        return
    start, end = (pd.Timestamp(bound) for bound in fig.layout.xaxis.range)
    assert start <= pd.Timestamp(window_from) < pd.Timestamp(last) <= end
    assert pd.Timestamp(window_from) - start < pd.Timedelta(days=60) and end - pd.Timestamp(last) < pd.Timedelta(days=60)
    assert start > pd.Timestamp(first)
    buttons = fig.layout.xaxis.rangeselector.buttons
    assert buttons[-1].step == "all" and [b.label for b in buttons[:-1]] == ["1y", "3y", "10y"]
    assert "press 'all'" in caption(fig) and fig.layout.meta["window"][0].startswith(str(start.year))
    # a date filter asked for must show whole: the page passes recent=False
    assert timeline(frame, recent=False).layout.xaxis.range is None


def test_recent_window_keeps_multi_day_ends_in_view():
    frame = events_frame([event(event_id="old", date=pd.Timestamp("1950-01-01")),
                          event(event_id="span", date=pd.Timestamp("2025-01-01"), end_date=pd.Timestamp("2025-03-31"))])
    end = pd.Timestamp(timeline(frame).layout.xaxis.range[1])
    assert end >= pd.Timestamp("2025-04-01")


@pytest.mark.parametrize("first, last, expected", [(None, "2025-01-01", None), ("2020-01-01", "2025-01-01", None),
                                                   ("1900-01-01", "2025-01-01", ("2022-01-01", "2025-01-01"))])
def test_recent_window(first, last, expected):
    window = recent_window(pd.Timestamp(first) if first else None, pd.Timestamp(last), recent_years=3, whole_years=10)
    if expected is None:
        assert window is None
    else:
        assert window[0] < pd.Timestamp(expected[0]) < pd.Timestamp(expected[1]) < window[1]


@pytest.mark.parametrize("stacked", [2, 3, 8])
def test_points_on_one_lane_and_day_are_spread_apart(stacked):
    # the planned follow-up sits at the undated Istanbul talks' report date: same lane, same x
    crowd = [event(event_id=f"p{n}", date=None, status="planned" if n % 2 else "held") for n in range(stacked)]
    other_day = event(event_id="other-day", date=pd.Timestamp("2025-02-18"))
    other_lane = event(event_id="other-lane", countries=["USA", "CHN"], date=None)
    frame = events_frame(crowd + [other_day, other_lane])
    fig = timeline(frame)
    y = {eid: t.y[i] for eid, [(t, i)] in marker_points(fig).items()}
    x = {eid: t.x[i] for eid, [(t, i)] in marker_points(fig).items()}
    heights = sorted(y[f"p{n}"] for n in range(stacked))
    row = round(heights[0])
    assert len({x[f"p{n}"] for n in range(stacked)}) == 1  # still at their report date
    assert all(b - a > 0.05 for a, b in zip(heights, heights[1:]))  # none hides another
    assert heights[-1] - heights[0] <= STACK_SPREAD + 1e-9 and abs(sum(heights) / stacked - row) < 1e-9
    assert all(round(h) == row for h in heights)  # still inside their lane
    assert y["other-day"] == round(y["other-day"]) and y["other-lane"] == round(y["other-lane"])
    # deterministic: the same offsets whatever the input order
    shuffled = timeline(frame.sample(frac=1, random_state=3).reset_index(drop=True))
    assert {eid: t.y[i] for eid, [(t, i)] in marker_points(shuffled).items()} == y


def test_stack_offsets_are_symmetric_and_keyed():
    day = pd.Timestamp("2025-02-28 08:53")
    spread = stack_offsets([0, 0, 0, 1], pd.Series([day, day.normalize(), day, day]), ["b", "a", "c", "a"])
    assert list(spread["offset"]) == pytest.approx([0.0, -0.27, 0.27, 0.0])
    assert spread["room"].iloc[3] > spread["room"].iloc[0]


def test_multi_day_bar_follows_its_stacked_marker():
    frame = events_frame([event(event_id="span", date=pd.Timestamp("2024-05-10"), end_date=pd.Timestamp("2024-05-12")),
                          event(event_id="day", date=pd.Timestamp("2024-05-10"))])
    fig = timeline(frame)
    (bar,) = [t for t in fig.data if t.type == "bar"]
    (marker, i), = marker_points(fig)["span"]
    assert bar.y[0] == marker.y[i] != marker_points(fig)["day"][0][0].y[marker_points(fig)["day"][0][1]]
    assert bar.width[0] <= 0.3


def test_no_band_above_the_first_lane():
    fig = timeline(seed_events())
    n = len(fig.layout.yaxis.ticktext)
    assert list(fig.layout.yaxis.range) == [n - 0.5, -0.5] and fig.layout.yaxis.autorange is False


def test_window_events_stay_points_when_older_ones_are_counted():
    old = [event(event_id=f"old{n}", date=pd.Timestamp("1950-01-02") + pd.Timedelta(days=n % 5)) for n in range(40)]
    recent = [event(event_id=f"new{n}", date=pd.Timestamp("2025-01-06") + pd.Timedelta(days=n % 3)) for n in range(6)]
    fig = timeline(events_frame(old + recent), point_limit=20)
    assert fig.layout.meta["aggregated"] is True and pd.Timestamp(fig.layout.meta["counted_before"]).year in (2021, 2022)
    assert {e for e in marker_points(fig) if e} == {f"new{n}" for n in range(6)}
    counted = [t for t in fig.data if t.name.endswith(", counted")]
    assert counted_total(counted) == 40
    assert sum(len(t.x) for t in fig.data if t.customdata is not None) <= 20


HOSTILE = events_frame([event(event_id="evil", title=HOSTILE_TITLE, heads=["<b onmouseover=alert(3)>X</b>"], city="<svg onload=alert(4)>",
                              country="TUR", countries=["USA", "RUS"], date=pd.Timestamp("2025-01-01"), topics=["<i>t</i>"])])


@pytest.mark.parametrize("build", [timeline, lambda f: timeline(f, lanes="topic"), venue_map, network, activity, country_matrix],
                         ids=["timeline", "timeline-topic", "map", "network", "activity", "matrix"])
def test_hostile_text_is_escaped_in_every_figure(build):
    rendered = " ".join(rendered_text(build(HOSTILE)))
    for raw in ("<img", "<script", "<svg", "<b ", "<i>"):
        assert raw not in rendered


def rendered_text(fig):
    """Every string Plotly draws as (HTML-capable) text: trace names, text, hover text and
    templates, axis tick labels, titles, annotations. customdata and meta are data, not drawn."""
    strings = []
    for trace in fig.data:
        for name in ("name", "text", "hovertext", "hovertemplate", "texttemplate"):
            value = getattr(trace, name, None)
            if value is None:
                continue
            strings += [str(v) for v in value] if isinstance(value, (list, tuple)) or hasattr(value, "tolist") \
                else [str(value)]
    layout = fig.layout
    strings += [str(a.text) for a in layout.annotations or []]
    strings.append(str(layout.title.text or ""))
    for axis in (layout.xaxis, layout.yaxis):
        strings += [str(t) for t in (axis.ticktext or [])]
        strings.append(str(axis.title.text or ""))
    return strings


@pytest.mark.parametrize("lane_limit", [30, 1])
def test_hostile_lane_names_are_escaped(lane_limit):
    fig = timeline(HOSTILE, lanes="topic", lane_limit=lane_limit)
    assert all("<" not in label for label in fig.layout.yaxis.ticktext)
    assert lane_limit == 1 or list(fig.layout.yaxis.ticktext) == ["&lt;i&gt;t&lt;/i&gt;"]


def test_hostile_title_readable_in_hover():
    (trace, i), = marker_points(timeline(HOSTILE))["evil"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in trace.hovertext[i]


def map_points(fig):
    """{(country, city or ''): (trace, index)} over the map's markers."""
    return {(row[0], row[1]): (trace, i) for trace in fig.data for i, row in enumerate(trace.customdata)}


def topojson_centroid(iso3):
    """The `ct` (lon, lat) of a country in the world topojson, as (lat, lon)."""
    world = json.loads((map_chart.TOPOJSON_DIR / "world_110m.json").read_text(encoding="utf-8"))
    shape = next(g for g in world["objects"]["countries"]["geometries"] if g.get("id") == iso3)
    lon, lat = shape["properties"]["ct"]
    return lat, lon


def venue_events(*venues, **fields):
    """Events at venues given as (city, country, number of events)."""
    return events_frame([event(event_id=f"{city}-{country}-{n}", city=city, country=country, **fields)
                         for city, country, count in venues for n in range(count)])


@pytest.mark.parametrize("city, country, label", [
    ("Istanbul", "TUR", "Istanbul, Türkiye"),
    ("Kiev", "UKR", "Kiev, Ukraine"),
    ("the White House", "USA", "the White House, United States"),
    ("Camp David", "USA", "Camp David, United States"),
    ("London", "CAN", "London, Canada"),
    ("Belgrade", "YUG", "Belgrade, Yugoslavia"),  # a former country: named, its city found under today's code
])
def test_city_venue_is_drawn_at_its_coordinates(city, country, label):
    fig = venue_map(venue_events((city, country, 1)))
    (trace, i), = map_points(fig).values()
    expected = gazetteer.coordinates(city, country if gazetteer.is_iso3(country) else None)
    assert expected is not None and (trace.lat[i], trace.lon[i]) == expected
    assert trace.locations is None and trace.hovertext[i].startswith(f"<b>{label}</b>")
    assert "drawn at the" not in trace.hovertext[i]


@pytest.mark.parametrize("city, country, label", [
    (None, "TUR", "Türkiye (no city given)"),
    ("  ", "SAU", "Saudi Arabia (no city given)"),
    ("Atlantis", "TUR", "Türkiye (not located: Atlantis)"),
])
def test_country_only_venue_is_drawn_at_the_centroid(city, country, label):
    fig = venue_map(venue_events((city, country, 1)))
    (trace, i), = map_points(fig).values()
    assert (trace.lat[i], trace.lon[i]) == topojson_centroid(country)
    assert trace.hovertext[i].startswith(f"<b>{label}</b><br>drawn at the centre of the country<br>")


def test_country_missing_from_the_base_map_is_drawn_at_its_capital():
    fig = venue_map(venue_events((None, "BHR", 1)))  # too small for the 110 m topojson
    (trace, i), = map_points(fig).values()
    assert (trace.lat[i], trace.lon[i]) == gazetteer.coordinates(gazetteer.capital("BHR"), "BHR")
    assert "Bahrain (no city given)" in trace.hovertext[i] and "drawn at the capital" in trace.hovertext[i]


def test_spellings_of_one_place_share_a_marker_and_a_country_keeps_one_marker_for_the_rest():
    fig = venue_map(venue_events(("Kiev", "UKR", 1), ("Kyiv", "UKR", 2), (None, "UKR", 1), ("Atlantis", "UKR", 1)))
    points = map_points(fig)
    assert sorted(points) == [("UKR", ""), ("UKR", "Kyiv")]
    assert [points[key][0].customdata[points[key][1]][2] for key in sorted(points)] == [2, 3]
    trace, i = points[("UKR", "")]
    assert "Ukraine (no city given; not located: Atlantis)" in trace.hovertext[i]


def test_seed_venues_and_the_event_without_a_venue_country():
    fig = venue_map(seed_events())
    assert {t.type for t in fig.data} == {"scattergeo"}
    assert sorted(map_points(fig)) == [("SAU", ""), ("TUR", "Istanbul")]
    assert fig.layout.meta["unplaced"] == 1  # the planned follow-up has no venue
    assert "1 event without a venue country not shown" in fig.layout.annotations[0].text


def test_a_city_given_without_its_country_is_placed_by_its_name():
    # a spreadsheet's venue column often holds a city alone; a name the gazetteer does not know stays unplaced
    fig = venue_map(venue_events(("Nairobi", None, 2), ("Nairobi", "KEN", 1), ("Springfield", None, 1)))
    (trace, i), = map_points(fig).values()
    assert trace.customdata[i].tolist() == ["KEN", "Nairobi", 3]
    assert (trace.lat[i], trace.lon[i]) == gazetteer.coordinates("Nairobi", "KEN")
    assert fig.layout.meta["unplaced"] == 1
    assert "1 event without a venue country not shown" in fig.layout.annotations[0].text


def test_events_with_no_point_anywhere_are_counted_not_lost():
    fig = venue_map(venue_events(("East Berlin", "DDR", 2), ("Istanbul", "TUR", 1), (None, None, 1)))
    assert sorted(map_points(fig)) == [("TUR", "Istanbul")]
    assert fig.layout.meta["unplaced"] == 3
    assert "2 events in a country with no point on the map" in fig.layout.annotations[0].text


@pytest.mark.parametrize("counts", [(1, 4, 16), (1, 2, 3, 50), (1, 7, 300, 3000)])
def test_marker_area_grows_with_count_and_is_capped(counts):
    venues = [(city, "USA", n) for city, n in zip(["Washington", "Chicago", "Houston", "Phoenix"], counts)]
    fig = venue_map(venue_events(*venues))
    sizes = {trace.customdata[i][2]: trace.marker.size[i] for trace, i in map_points(fig).values()}
    ordered = [sizes[n] for n in sorted(counts)]
    assert ordered == sorted(ordered) and max(ordered) <= map_chart.SIZE_MAX and min(ordered) >= map_chart.SIZE_MIN
    above_floor = [n for n in counts if sizes[n] > map_chart.SIZE_MIN]
    for n in above_floor:  # area, not diameter, follows the count
        assert sizes[n] ** 2 / sizes[max(counts)] ** 2 == pytest.approx(n / max(counts))
    assert len(set(ordered)) == len(above_floor) + (len(counts) > len(above_floor))


def test_colour_is_the_main_kind_and_the_hover_counts_every_kind():
    frame = events_frame([event(event_id=f"t{n}", kind="talks", city="Geneva", country="CHE",
                                title=f"talks {n}", date=pd.Timestamp("2025-01-01") + pd.Timedelta(days=n)) for n in range(4)]
                         + [event(event_id="m", kind="meeting", city="Geneva", country="CHE", title="a meeting",
                                  date=pd.Timestamp("2024-01-01"))])
    fig = venue_map(frame)
    (trace, i), = map_points(fig).values()
    assert trace.name == "talks" and trace.marker.color == style.KIND_COLORS["talks"]
    lines = trace.hovertext[i].split("<br>")
    assert lines[1] == "5 events: 4 talks, 1 meeting"
    assert lines[2:] == [f"· talks {n}" for n in (3, 2, 1)][:map_chart.HOVER_TITLES] + ["and 2 more"]


def test_hostile_venue_shows_as_text():
    fig = venue_map(HOSTILE)
    (trace, i), = map_points(fig).values()
    assert "&lt;svg onload=alert(4)&gt;" in trace.hovertext[i] and "&lt;img src=x onerror=alert(1)&gt;" in trace.hovertext[i]
    assert "<svg" not in trace.hovertext[i] and "<img" not in trace.hovertext[i]


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


def test_network_names_the_most_active_countries_and_folds_the_rest():
    partners = ["CHN", "GBR", "FRA", "DEU", "JPN"]
    frame = events_frame([event(event_id=f"{code}{n}", countries=["USA", code], date=pd.Timestamp("2025-01-01"))
                          for number, code in enumerate(partners) for n in range(len(partners) - number)])
    fig = network(frame, top=4)
    nodes = next(t for t in fig.data if t.name == "countries")
    assert {code: n for code, n in nodes.customdata} == {"USA": 15, "CHN": 5, "GBR": 4, "FRA": 3, "other": 3}
    assert "2 other countries" in nodes.text and fig.layout.meta["folded"] == 2
    again = next(t for t in network(frame, top=4).data if t.name == "countries")
    assert list(again.x) == list(nodes.x) and list(again.y) == list(nodes.y)  # a seeded layout: the same picture


def test_network_puts_countries_that_meet_often_closer():
    frame = events_frame([event(event_id=f"ru{n}", countries=["USA", "RUS"], date=pd.Timestamp("2025-01-01")) for n in range(8)]
                         + [event(event_id="cn", countries=["USA", "CHN"], date=pd.Timestamp("2025-01-01")),
                            event(event_id="br", countries=["CHN", "BRA"], date=pd.Timestamp("2025-01-01"))])
    nodes = next(t for t in network(frame).data if t.name == "countries")
    spot = {code: np.array([x, y]) for (code, _), x, y in zip(nodes.customdata, nodes.x, nodes.y)}
    assert np.linalg.norm(spot["USA"] - spot["RUS"]) < np.linalg.norm(spot["USA"] - spot["BRA"])


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


@pytest.mark.parametrize("first, last, period", [
    ("2025-02-18", "2025-02-28", "week"), ("2023-11-15", "2025-02-28", "month"),
    ("2012-01-01", "2025-02-28", "quarter"), ("1866-07-01", "2025-02-28", "year"),
])
def test_activity_period_fits_the_span_shown(first, last, period):
    frame = events_frame([event(event_id="a", date=pd.Timestamp(first)), event(event_id="b", date=pd.Timestamp(last))])
    fig = activity(frame, recent=False)
    assert fig.layout.meta["period"] == period
    assert len({x for trace in fig.data for x in trace.x}) == 2


def test_country_matrix_folds_all_but_the_most_active():
    frame = events_frame([event(event_id="a"), event(event_id="b"), event(event_id="c", countries=["USA", "CHN", "GBR"])])
    heat = country_matrix(frame, top=2).data[0]
    assert list(heat.x) == ["Russia", "United States", "2 other countries"]
    z = [list(r) for r in heat.z]
    assert z == [list(c) for c in zip(*z)]
    assert z[2][2] == 1 and z[1][2] == 2  # China – United Kingdom inside 'other'; the US met each of them once


@pytest.mark.parametrize("title, plain", [
    ("USA–RUS meeting, Saudi Arabia", "Russia–United States meeting, Saudi Arabia"),
    ("USA–RUS meeting (planned)", "Russia–United States meeting (planned)"),
    ("CHN–IND–RUS–BRA summit, Kazan", "Brazil–China–India–Russia summit, Kazan"),
    # must NOT change: titles someone wrote, words in capitals that are no country codes
    ("Biden–Xi summit, Woodside", "Biden–Xi summit, Woodside"),
    ("NATO summit, Washington", "NATO summit, Washington"),
    ("ZZZ talks", "ZZZ talks"),
    ("", ""),
])
def test_plain_title_names_countries(title, plain):
    assert style.plain_title(title) == plain
    assert style.plain_title({"title": title}) == plain


@pytest.mark.parametrize("url, name", [("https://www.reuters.com/world/x", "reuters.com"), ("http://pravda.com.ua/a", "pravda.com.ua"),
                                       (None, ""), ("not a url", "")])
def test_outlet_from_the_address(url, name):
    assert style.outlet(url) == name


def test_activity_opens_on_the_latest_years_of_long_data_with_bins_to_fit():
    frame = events_frame([event(event_id="old", date=pd.Timestamp("1866-07-01"))]
                         + [event(event_id=f"n{n}", date=pd.Timestamp("2025-02-01") - pd.Timedelta(days=30 * n)) for n in range(20)])
    fig = activity(frame)
    start, end = (pd.Timestamp(bound) for bound in fig.layout.xaxis.range)
    assert start.year == 2022 and end.year == 2025
    assert fig.layout.meta["period"] == "month"  # fits three years, not 160
    assert activity(frame, recent=False).layout.meta["period"] == "year"


def test_the_legend_draws_each_kind_filled_whatever_its_first_event():
    frame = events_frame([event(event_id="planned", status="planned", date=pd.Timestamp("2025-01-01")),
                          event(event_id="held", date=pd.Timestamp("2025-02-01"))])
    fig = timeline(frame)
    legend = {trace.name: trace.marker.symbol for trace in fig.data if trace.showlegend is not False}
    assert legend["meeting"] == "circle"  # filled: held; the planned one is hollow only on the chart
    assert legend["planned (hollow)"] == "circle-open"
    drawn = next(trace for trace in fig.data if trace.name == "meeting" and trace.showlegend is False and trace.type == "scatter")
    assert sorted(drawn.marker.symbol) == ["circle", "circle-open"]


@pytest.mark.parametrize("source, article, origin, parts", [
    ({"article": "000_seed.txt", "published": "2025-02-28 08:53:00"},
     {"title": "US shares details of meeting with Russians", "url": "https://www.pravda.com.ua/x"}, "article",
     ("US shares details of meeting with Russians", "pravda.com.ua", "28 Feb 2025", "000_seed.txt")),
    ({"article": "president-travels.xml", "published": None}, None, "travels",
     ("Office of the Historian, travels abroad", "", "", "president-travels.xml")),
    ({"article": "pasted text.txt", "published": "NaT"}, {"title": None, "url": None}, "article",
     ("pasted text.txt", "", "", "pasted text.txt")),
])
def test_a_source_is_named_by_headline_outlet_and_date(source, article, origin, parts):
    assert style.source_parts(source, article, origin) == parts


def test_every_kind_of_event_has_its_own_colour():
    from loaders import schema

    assert style.KINDS == schema.KIND_NAMES
    assert set(style.KIND_COLORS) == set(schema.KIND_NAMES)
    assert len(set(style.KIND_COLORS.values())) == len(style.KIND_COLORS)


@pytest.mark.parametrize("code, name", [("TUR", "Türkiye"), ("DDR", "East Germany"), ("XKX", "Kosovo"),
                                        ("EUR", "EUR"), ("", ""), (None, "")])
def test_country_names_come_from_the_gazetteer_and_other_codes_show_as_they_are(code, name):
    assert style.country_name(code) == name
