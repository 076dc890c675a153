"""The timeline: EVENTS frame -> Plotly figure, one lane per country pair or per topic.

Encodings (issue 4):
- x: the event's date; an undated event sits at its report date (`published`) with a diamond
  marker and "undated, reported ..." in its hover.
- y: one lane per country pair ("Russia – United States") or per topic. An event of three or
  four parties is drawn once in each of its pairs' lanes, an event of five or more in the
  "multilateral" lane; an event with several topics once per topic lane.
- marker: size by number of sources, colour by kind, filled when held, hollow when planned,
  crossed when cancelled. Multi-day events also get a bar from their first to their last day.
- customdata: [event_id, lane] per point, so a click finds its event.

Scale: above `point_limit` points (settings.timeline_point_limit) the timeline aggregates to one
square marker per lane, kind and period holding several events (the finest of week, month,
quarter, year that keeps the markers under the limit), sized by count; an event alone in its
cell stays a clickable point of its own. This instead of switching to WebGL. WebGL draws 100k markers, but each still carries its hover
text and customdata to the browser (tens of MB of JSON through Streamlit's websocket, seconds
of serialisation), and 100k overlapping markers in a few lanes cannot be read or clicked one by
one anyway; counts per period can. Counted markers carry an empty event_id.
"""
from functools import lru_cache
from itertools import combinations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from loaders.settings import SETTINGS

LANES = ("pair", "topic")
MULTILATERAL = "multilateral (5+ parties)"
NO_TOPIC = "(no topic)"
NO_PARTIES = "(parties not stated)"
_LANE_HEIGHT = 28
_DAY = pd.Timedelta(days=1)


@lru_cache(maxsize=4096)
def _name(iso3):
    return style.country_name(iso3)


@lru_cache(maxsize=65536)
def pair_lanes(countries):
    """The country-pair lanes of one event: ['Russia – United States'] for a pair,
    one per pair for three or four parties, MULTILATERAL for five or more."""
    names = sorted({_name(code) for code in countries})
    if not names:
        return [NO_PARTIES]
    if len(names) == 1:
        return [f"{names[0]} – ?"]
    if len(names) >= 5:
        return [MULTILATERAL]
    return [f"{a} – {b}" for a, b in combinations(names, 2)]


def topic_lanes(topics):
    """The topic lanes of one event: its topics, or NO_TOPIC."""
    return sorted(set(topics)) or [NO_TOPIC]


def lane_frame(data_frame, lanes="pair"):
    """One row per (event, lane): the EVENTS columns plus `lane` and `x` (where it is drawn).

    Rows with neither a date nor a report date cannot be placed and are left out; the caller
    learns how many from len(data_frame) - number of unique event_ids in the result.
    """
    if lanes not in LANES:
        from loaders.errors import ParleyError
        raise ParleyError(f"timeline lanes: got {lanes!r}, expected one of {list(LANES)}")
    frame = data_frame.assign(x=style.event_x(data_frame))
    frame = frame[frame["x"].notna()]
    column, split = ("countries", pair_lanes) if lanes == "pair" else ("topics", topic_lanes)
    frame = frame.assign(lane=frame[column].map(lambda values: split(tuple(values))))
    return frame.explode("lane", ignore_index=True)


def timeline(data_frame, lanes="pair", point_limit=None, title=None):
    """Draw events on a time axis, one lane per country pair (`lanes="pair"`) or topic.

    Takes an EVENTS frame; returns a go.Figure with one scatter trace per kind (markers), one
    bar trace per kind for multi-day events, and legend-only traces explaining the symbols.
    Above `point_limit` (default settings.timeline_point_limit) points it aggregates by period.
    Raises ParleyError for an unknown `lanes`.
    Example: timeline(store.events(Filters(countries=("RUS",))), lanes="topic")
    """
    point_limit = SETTINGS.timeline_point_limit if point_limit is None else point_limit
    points = lane_frame(data_frame, lanes)
    unplaced = len(data_frame) - points["event_id"].nunique() if len(points) else len(data_frame)
    fig = go.Figure()
    aggregated = len(points) > point_limit
    if aggregated:
        _add_aggregates(fig, points, point_limit)
    else:
        _add_bars(fig, points)
        _add_markers(fig, points)
        _add_symbol_legend(fig, points)
    n_lanes = points["lane"].nunique() if len(points) else 1
    notes = []
    if aggregated:
        notes.append(f"{data_frame['event_id'].nunique():,} events, counted per period (more than {point_limit:,} points)")
    if unplaced:
        notes.append(f"{unplaced} event{'s' if unplaced != 1 else ''} with no date and no report date not drawn")
    fig.update_layout(
        title=style.esc(title) if title else None,
        xaxis=dict(type="date", title="date (undated events: report date)"),
        yaxis=dict(type="category", title=None, autorange="reversed",
                   categoryorder="array", categoryarray=sorted(points["lane"].unique()) if len(points) else []),
        height=max(320, 140 + _LANE_HEIGHT * n_lanes),
        legend=dict(title="kind / status", groupclick="toggleitem"),
        hovermode="closest",
        clickmode="event+select",
        barmode="overlay",
        margin=dict(l=10, r=10, t=60 if title else 30, b=40),
        meta=dict(aggregated=aggregated, lanes=lanes, unplaced=int(unplaced)),
    )
    if notes:
        fig.add_annotation(text=style.esc("; ".join(notes)), xref="paper", yref="paper", x=0, y=1.0,
                           yanchor="bottom", showarrow=False, font=dict(size=11, color="#555"))
    return fig


def _marker_size(n_sources):
    counts = pd.to_numeric(n_sources, errors="coerce").fillna(1).clip(lower=1).to_numpy(dtype=float)
    return np.minimum(8 + 5 * np.sqrt(counts - 1), 30)


def _add_markers(fig, points):
    for kind, group in points.groupby(points["kind"].fillna("other"), sort=True):
        records = group.to_dict("records")
        fig.add_trace(go.Scatter(
            x=group["x"], y=group["lane"], mode="markers", name=kind, legendgroup=kind,
            marker=dict(color=style.kind_color(kind), size=_marker_size(group["n_sources"]),
                        symbol=[style.marker_symbol(r["status"], not pd.isna(r["date"])) for r in records],
                        line=dict(width=2, color=style.kind_color(kind))),
            hovertext=[style.hover_html(r) for r in records],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=np.array([[r["event_id"], r["lane"]] for r in records], dtype=object),
        ))


def _add_bars(fig, points):
    spans = points[points["date"].notna() & points["end_date"].notna() & (points["end_date"] > points["date"])]
    for kind, group in spans.groupby(spans["kind"].fillna("other"), sort=True):
        records = group.to_dict("records")
        # a bar runs to the end of its last day; Plotly wants the length in milliseconds
        length_ms = ((group["end_date"] + _DAY - group["date"]).dt.total_seconds() * 1000).to_numpy()
        fig.add_trace(go.Bar(
            base=group["date"].dt.strftime("%Y-%m-%d"), x=length_ms, y=group["lane"], orientation="h",
            name=f"{kind} (days)", legendgroup=kind, showlegend=False, width=0.45, opacity=0.45,
            marker=dict(color=style.kind_color(kind)),
            hovertext=[style.hover_html(r) for r in records],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=np.array([[r["event_id"], r["lane"]] for r in records], dtype=object),
        ))


def _add_symbol_legend(fig, points):
    keys = [("planned", True, "planned (hollow)"), ("cancelled", True, "cancelled (crossed)"),
            ("held", False, "undated: at report date")]
    for status, dated, label in keys:
        present = (points["status"] == status) if dated else points["date"].isna()
        if present.any():
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=label, legendgroup="symbols",
                                     marker=dict(symbol=style.marker_symbol(status, dated), size=10,
                                                 color=style.OTHER_COLOR), hoverinfo="skip"))


#: Periods tried in turn when aggregating, finest first: (pandas period, words for the hover).
PERIODS = (("W", "week of"), ("M", "month of"), ("Q", "quarter from"), ("Y", "year"))


def aggregate(points, point_limit):
    """Count `points` (from lane_frame) per kind, lane and period, with the finest period in
    PERIODS that gives at most `point_limit` markers (else the coarsest).

    Returns (points with `period_start` and `cell_count` added; the period's words for the hover).
    A point alone in its cell (cell_count 1) is drawn as itself, so it stays clickable.
    """
    points = points.assign(kind=points["kind"].fillna("other"))
    days = points["x"].dt.normalize()
    for period, unit in PERIODS:
        starts = days.dt.to_period(period).dt.start_time
        cells = points.assign(period_start=starts)
        if cells.groupby(["kind", "lane", "period_start"]).ngroups <= point_limit:
            break
    counts = cells.groupby(["kind", "lane", "period_start"])["event_id"].transform("nunique")
    return cells.assign(cell_count=counts), unit


def _add_aggregates(fig, points, point_limit):
    cells, unit = aggregate(points, point_limit)
    singles = cells[cells["cell_count"] == 1].drop(columns=["period_start", "cell_count"])
    _add_bars(fig, singles)
    _add_markers(fig, singles)
    grouped = (cells[cells["cell_count"] > 1].groupby(["kind", "lane", "period_start"], sort=True)
               .agg(count=("event_id", "nunique")).reset_index())
    for kind, group in grouped.groupby("kind", sort=True):
        counts = group["count"].to_numpy(dtype=float)
        labels = [f"<b>{n:,} {style.esc(kind)} events</b><br>{unit} {start:%-d %b %Y}<br>{style.esc(lane)}"
                  "<br>narrow the filters to see each one"
                  for n, start, lane in zip(group["count"], group["period_start"], group["lane"])]
        fig.add_trace(go.Scatter(
            x=group["period_start"], y=group["lane"], mode="markers", name=f"{kind}, counted", legendgroup=kind,
            marker=dict(color=style.kind_color(kind), size=np.minimum(10 + 3 * np.sqrt(counts), 36), opacity=0.55,
                        symbol="square", line=dict(width=1, color="white")),
            hovertext=labels, hovertemplate="%{hovertext}<extra></extra>",
            customdata=np.array([["", lane, f"{start:%Y-%m-%d}"] for lane, start in zip(group["lane"], group["period_start"])],
                                dtype=object),
        ))
