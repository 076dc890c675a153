"""The timeline: EVENTS frame -> Plotly figure, one lane per country pair or per topic.

Encodings (issue 4):
- x: the event's date; an undated event sits at its report date (`published`) with a diamond
  marker and "undated, reported ..." in its hover.
- y: one lane per country pair ("Russia – United States"; "Russia (other party not named)" when
  only one party is known) or per topic. An event of three or four parties is drawn once, in
  the lane of its grouping ("Russia – Türkiye – United States"), an event of five or more in the
  "multilateral" lane; an event with several topics once per topic lane.
- marker: size by number of sources, colour by kind, filled when held, hollow when planned,
  crossed when cancelled. Multi-day events also get a bar from their first to their last day.
- customdata: [event_id, lane] per point, so a click finds its event (`lane` is the event's own
  pair or topic, also for a point drawn in the folded lane).

The default view is for someone who came for the latest encounters in data that may go back a
century (the Office of the Historian's trips start in 1866):
- Lanes are ordered by recent activity: the lane whose latest event is the latest sits on top
  (ties: more events first, then by name), so the pairs in the news come first, not "ANT – ...".
- At most `lane_limit` lanes (settings.timeline_lane_limit) are drawn. Past it, the least
  recently active lanes are folded into one "other pairs (N)" lane at the bottom rather than
  dropped: every event stays on the chart, clickable and in the exports, and the counts, the
  time extent and the aggregation stay true to the filtered events; the caption says how many
  pairs were folded and that a country filter gives them lanes of their own.
- The y axis is numeric (lane i at y = i, named by tick labels) with its range set to the lanes,
  so there is no padding band above the first lane, and each lane is a fixed number of pixels.
  Points of one lane on the same day are spread vertically by small deterministic offsets
  (ordered by event_id), so none hides another (the planned follow-up under the undated
  Istanbul talks).
- When the data span more than settings.timeline_whole_years, the x axis opens on the last
  settings.timeline_recent_years of the data, with range buttons (1y, 3y, 10y, all) above the
  chart (interactive views only: static exports drop them); double-click also shows everything. A caller that filtered by date passes
  `recent=False`, so no event it asked for is outside the first view.

Scale: above `point_limit` points (settings.timeline_point_limit) the timeline aggregates to one
square marker per lane, kind and period holding several events (the finest of week, month,
quarter, year that keeps the markers under the limit), sized by count; an event alone in its
cell stays a clickable point of its own. When the chart opens on a recent window holding fewer
than `point_limit` points, those stay points and only the older ones are counted (with the rest of
the budget), so the first view is clickable everywhere. This instead of switching to WebGL. WebGL draws 100k markers, but each still carries its hover
text and customdata to the browser (tens of MB of JSON through Streamlit's websocket, seconds
of serialisation), and 100k overlapping markers in a few lanes cannot be read or clicked one by
one anyway; counts per period can. Counted markers carry an empty event_id.
"""
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from loaders.settings import SETTINGS

LANES = ("pair", "topic")
MULTILATERAL = "multilateral (5+ parties)"
NO_TOPIC = "(no topic)"
NO_PARTIES = "(parties not stated)"
#: The lane of an event with one known party: "Russia (other party not named)".
ONE_PARTY = "{} (other party not named)"
#: What the folded lane is called, by lane kind: "other pairs (12)".
FOLDED = {"pair": "other pairs", "topic": "other topics"}
#: Pixels per lane; the figure's height follows the number of lanes.
LANE_HEIGHT = 30
#: Lane units between two points stacked on one lane and day (about 8 px at LANE_HEIGHT), and
#: the most of a lane a stack may cover, so a crowded stack squeezes rather than spills over.
STACK_STEP = 0.27
STACK_SPREAD = 0.7
#: Height of a multi-day bar, in lanes, when it does not share its day with another point.
BAR_HEIGHT = 0.3
#: Range buttons offered above a windowed timeline, in years (those shorter than the data's span).
RANGE_BUTTON_YEARS = (1, 10)
_DAY = pd.Timedelta(days=1)


@lru_cache(maxsize=4096)
def _name(iso3):
    return style.country_name(iso3)


@lru_cache(maxsize=65536)
def pair_lanes(countries):
    """The country lane of one event, as a one-item list: ['Russia – United States'] for a pair,
    ['Russia (other party not named)'] for one party, the grouping for three or four parties
    ('Japan – South Korea – United States'), MULTILATERAL for five or more."""
    names = sorted({_name(code) for code in countries})
    if not names:
        return [NO_PARTIES]
    if len(names) == 1:
        return [ONE_PARTY.format(names[0])]
    if len(names) >= 5:
        return [MULTILATERAL]
    return [" – ".join(names)]


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


def lane_order(points):
    """The lanes of `points` (from lane_frame), most recently active first.

    Ordered by the lane's latest x (newest first), then by its number of events (most first),
    then by name, so the order is the same on every run.
    Example: lane_order(lane_frame(events))[0] -> 'China – Russia' when their May 2025 summit is the latest event.
    """
    if not len(points):
        return []
    stats = (points.groupby("lane", sort=False)
             .agg(latest=("x", "max"), events=("event_id", "nunique")).reset_index()
             .sort_values(["latest", "events", "lane"], ascending=[False, False, True], kind="stable"))
    return list(stats["lane"])


def place_lanes(points, lane_limit, lanes="pair"):
    """Give every point of `points` (from lane_frame) the row it is drawn in.

    Row 0, drawn at the top, is the most recently active lane (lane_order). With more than
    `lane_limit` lanes, the first lane_limit - 1 keep a row each and the rest share the last
    row, labelled "other pairs (N)" (FOLDED); an event in several folded lanes is drawn there once.
    Returns (points with an int column `row`, row labels from the top, the folded lanes in order).
    """
    order = lane_order(points)
    lane_limit = max(int(lane_limit), 1)
    if len(order) > lane_limit:
        kept, folded = order[:lane_limit - 1], order[lane_limit - 1:]
        labels = kept + [f"{FOLDED[lanes]} ({len(folded)})"]
    else:
        kept, folded, labels = order, [], order
    rows = points["lane"].map({lane: row for row, lane in enumerate(kept)}).fillna(len(kept)).astype(int)
    placed = points.assign(row=rows)
    if folded:
        placed = placed.drop_duplicates(["event_id", "row"], ignore_index=True)
    return placed, labels, folded


def stack_offsets(rows, xs, keys):
    """Vertical offsets that spread the points sharing a row and a day.

    Takes three equal-length sequences: each point's row, its x (timestamps) and a key that
    orders a stack (the event_id). Points alone on their row and day get 0; a stack of k gets
    offsets centred on the row, STACK_STEP apart (closer when k is large: the stack spans at
    most STACK_SPREAD of a lane). Returns a frame (offset, room) in the input order, `room`
    being the height each point may use (BAR_HEIGHT when alone).
    Example: stack_offsets([0, 0], pd.Series([day, day]), ["a", "b"])["offset"] -> [-0.135, 0.135]
    """
    frame = pd.DataFrame({"row": np.asarray(rows), "day": pd.to_datetime(pd.Series(xs)).dt.normalize().to_numpy(),
                          "key": np.asarray(keys, dtype=object).astype(str)})
    stacks = frame.sort_values(["row", "day", "key"], kind="stable").groupby(["row", "day"], sort=False)
    rank = stacks.cumcount().reindex(frame.index).to_numpy(dtype=float)
    size = stacks["key"].transform("size").reindex(frame.index).to_numpy(dtype=float)
    step = np.minimum(STACK_STEP, STACK_SPREAD / np.maximum(size - 1, 1))
    return pd.DataFrame({"offset": (rank - (size - 1) / 2) * step, "room": np.where(size > 1, step, BAR_HEIGHT)})


def recent_window(first, last, recent_years=None, whole_years=None):
    """The x range a timeline opens on: [last - recent_years, last] (padded by 2 %) when the
    data run from `first` to `last` over more than `whole_years` years, else None (show all).

    Defaults from settings.timeline_recent_years and timeline_whole_years.
    Example: recent_window(Timestamp("1906-01-01"), Timestamp("2025-05-01")) -> [~Apr 2022, ~Jul 2025]
    """
    recent_years = SETTINGS.timeline_recent_years if recent_years is None else recent_years
    whole_years = SETTINGS.timeline_whole_years if whole_years is None else whole_years
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return None
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    if first + pd.DateOffset(years=whole_years) >= last:
        return None
    start = last - pd.DateOffset(years=recent_years)
    pad = (last - start) * 0.02
    return [start - pad, last + pad]


def timeline(data_frame, lanes="pair", point_limit=None, title=None, recent=True, lane_limit=None):
    """Draw events on a time axis, one lane per country pair (`lanes="pair"`) or topic.

    Takes an EVENTS frame; returns a go.Figure with one scatter trace per kind (markers), one
    bar trace per kind for multi-day events, and legend-only traces explaining the symbols.
    Lanes are ordered by recent activity and capped at `lane_limit` (default
    settings.timeline_lane_limit), the rest folded into one lane. With `recent` (the default)
    and data spanning decades, the x axis opens on the last few years (recent_window); pass
    recent=False when the events were filtered to a date range, so the whole of it shows.
    Above `point_limit` (default settings.timeline_point_limit) points it aggregates by period.
    fig.layout.meta holds: aggregated, lanes, unplaced, lane_labels, folded_lanes (how many),
    folded_events, counted_before (with aggregation: points before it are counted, None: all),
    first, last (the data's x extent) and window (the initial range or None).
    Raises ParleyError for an unknown `lanes`.
    Example: timeline(store.events(Filters(countries=("RUS",))), lanes="topic")
    """
    point_limit = SETTINGS.timeline_point_limit if point_limit is None else point_limit
    lane_limit = SETTINGS.timeline_lane_limit if lane_limit is None else lane_limit
    points = lane_frame(data_frame, lanes)
    unplaced = len(data_frame) - points["event_id"].nunique() if len(points) else len(data_frame)
    points, labels, folded = place_lanes(points, lane_limit, lanes)
    first, last = _extent(points)
    window = recent_window(first, last) if recent else None
    fig = go.Figure()
    aggregated = len(points) > point_limit
    singles, counted, unit, counted_before = _split(points, point_limit, window) if aggregated else (points, None, None, None)
    singles, counted = _stack(singles, counted)
    _add_bars(fig, singles)
    _add_markers(fig, singles)
    if aggregated:
        _add_counted(fig, counted, unit)
    _add_symbol_legend(fig, singles)

    n_rows = max(len(labels), 1)
    notes = []
    if counted_before is not None:
        notes.append(f"{data_frame['event_id'].nunique():,} events: those before {counted_before:%b %Y} counted per period "
                     f"(more than {point_limit:,} points)")
    elif aggregated:
        notes.append(f"{data_frame['event_id'].nunique():,} events, counted per period (more than {point_limit:,} points)")
    if unplaced:
        notes.append(f"{unplaced} event{'s' if unplaced != 1 else ''} with no date and no report date not drawn")
    xaxis = dict(type="date", title="date (undated events: report date)")
    if window:
        # "all" and double-click autorange; clipping it near the data keeps big markers from
        # padding a century-long axis by a decade on each side
        pad = (last - first) * 0.01
        xaxis.update(range=[f"{bound:%Y-%m-%d %H:%M:%S}" for bound in window], autorange=False,
                     autorangeoptions=dict(clipmin=f"{first - pad:%Y-%m-%d}", clipmax=f"{last + pad:%Y-%m-%d}"),
                     rangeselector=dict(buttons=_range_buttons(first, last), x=0, xanchor="left", y=1.0,
                                        yanchor="bottom", font=dict(size=11)))
    fig.update_layout(
        title=style.esc(title) if title else None,
        xaxis=xaxis,
        # lane i at y = i, from the top: the range ends half a lane past the first and last
        # lanes, so there is no band of padding above the first one
        yaxis=dict(type="linear", range=[n_rows - 0.5, -0.5], autorange=False, fixedrange=True, title=None,
                   tickmode="array", tickvals=list(range(len(labels))), ticktext=[style.esc(label) for label in labels],
                   tickfont=dict(size=style.TICK_FONT_SIZE), automargin=True, showgrid=False, zeroline=False,
                   minor=dict(tickmode="array", tickvals=[row + 0.5 for row in range(len(labels) - 1)],
                              showgrid=True, gridcolor="#e6e6e6", gridwidth=1, ticks="")),
        height=max(320, 130 + LANE_HEIGHT * n_rows + (30 if window else 0)),
        template=style.TEMPLATE,
        legend=dict(title="kind / status", groupclick="togglegroup"),
        hovermode="closest",
        clickmode="event+select",
        barmode="overlay",
        margin=dict(l=style.label_width(labels), r=10, t=(60 if title else 30) + (30 if window or notes else 0), b=40),
        meta=dict(aggregated=aggregated, lanes=lanes, unplaced=int(unplaced), lane_labels=labels,
                  folded_lanes=len(folded),
                  folded_events=int(points.loc[points["row"] == len(labels) - 1, "event_id"].nunique()) if folded else 0,
                  counted_before=_iso(counted_before), first=_iso(first), last=_iso(last),
                  window=[_iso(bound) for bound in window] if window else None),
    )
    if notes:
        fig.add_annotation(text=style.esc("; ".join(notes)), xref="paper", yref="paper", x=1.0, xanchor="right", y=1.0,
                           yanchor="bottom", showarrow=False, font=dict(size=11, color="#555"))
    return fig


def caption(fig):
    """What a reader should know about the timeline `fig` beyond its axes, in sentences: which
    lanes were folded and what period it opens on. '' when nothing needs saying."""
    meta = fig.layout.meta or {}
    sentences = []
    if meta.get("folded_lanes"):
        noun = "pairs" if meta.get("lanes") == "pair" else "topics"
        kept = len(meta["lane_labels"]) - 1
        sentences.append(f"The {kept} most recently active {noun} have lanes of their own; {meta['folded_lanes']:,} more "
                         f"({meta['folded_events']:,} events) share the bottom lane: filter by country to see them.")
    if meta.get("window"):
        start, first = pd.Timestamp(meta["window"][0]), pd.Timestamp(meta["first"])
        sentences.append(f"Showing the latest {SETTINGS.timeline_recent_years} years (from {start:%b %Y}) of events going "
                         f"back to {first:%Y}: press 'all' above the chart or double-click it to see them all.")
    return " ".join(sentences)


def _iso(timestamp):
    return None if timestamp is None or pd.isna(timestamp) else pd.Timestamp(timestamp).isoformat()


def _extent(points):
    """The first and last instants drawn: x, and the end of the last day of multi-day events."""
    if not len(points):
        return None, None
    ends = (points["end_date"] + _DAY).where(points["date"].notna() & (points["end_date"] > points["date"]))
    return points["x"].min(), max(points["x"].max(), ends.max()) if ends.notna().any() else points["x"].max()


def _range_buttons(first, last):
    """Range-selector buttons: the RANGE_BUTTON_YEARS and the recent window shorter than the data, then 'all'."""
    years = sorted({*RANGE_BUTTON_YEARS, SETTINGS.timeline_recent_years})
    buttons = [dict(count=n, label=f"{n}y", step="year", stepmode="backward") for n in years
               if pd.Timestamp(first) + pd.DateOffset(years=n) < pd.Timestamp(last)]
    return buttons + [dict(step="all", label="all")]


def _split(points, point_limit, window):
    """Points to draw one by one and cells to count, for more than `point_limit` points.

    The first view stays one clickable point per event when it can: when the initial `window`
    holds fewer than point_limit points, they stay points and only the points before it are
    counted (within what is left of the budget); otherwise everything is counted (aggregate).
    Returns (single points, counted cells: kind, row, period_start, count, lanes;
    the period's words; the instant before which points were counted, or None for all).
    """
    shown = (points["x"] >= window[0]) if window else pd.Series(False, index=points.index)
    counted_before = window[0] if 0 < shown.sum() < point_limit else None
    if counted_before is None:
        shown = pd.Series(False, index=points.index)
    cells, unit = aggregate(points[~shown], point_limit - int(shown.sum()))
    singles = pd.concat([points[shown], cells[cells["cell_count"] == 1].drop(columns=["period_start", "cell_count"])],
                        ignore_index=True)
    counted = (cells[cells["cell_count"] > 1].groupby(["kind", "row", "period_start"], sort=True)
               .agg(count=("event_id", "nunique"), lanes=("lane", lambda values: sorted(set(values))))
               .reset_index())
    return singles, counted, unit, counted_before


def _stack(singles, counted):
    """Add `y` (row + offset) and `room` to the single points and the counted cells, stacking
    those that share a row and a day (counted cells after the events of their day)."""
    counted = counted if counted is not None else pd.DataFrame({"row": [], "period_start": [], "kind": []})
    spread = stack_offsets(
        np.concatenate([singles["row"].to_numpy(), counted["row"].to_numpy()]),
        pd.concat([singles["x"], counted["period_start"]], ignore_index=True),
        list(singles["event_id"]) + ["\uffff" + str(kind) for kind in counted["kind"]])
    n = len(singles)
    singles = singles.assign(y=singles["row"].to_numpy() + spread["offset"].to_numpy()[:n], room=spread["room"].to_numpy()[:n])
    counted = counted.assign(y=counted["row"].to_numpy(dtype=float) + spread["offset"].to_numpy()[n:],
                             room=spread["room"].to_numpy()[n:])
    return singles, counted


def _marker_size(n_sources):
    counts = pd.to_numeric(n_sources, errors="coerce").fillna(1).clip(lower=1).to_numpy(dtype=float)
    return np.minimum(8 + 5 * np.sqrt(counts - 1), 30)


def _add_markers(fig, points):
    for kind, group in points.groupby(points["kind"].fillna("other"), sort=True):
        records = group.to_dict("records")
        # the legend shows a kind as held and dated (a filled circle), whatever its first point is
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=style.esc(kind), legendgroup=kind,
                                 marker=dict(color=style.kind_color(kind), size=10, symbol=style.DATED_SYMBOL),
                                 hoverinfo="skip"))
        fig.add_trace(go.Scatter(
            x=group["x"], y=group["y"], mode="markers", name=style.esc(kind), legendgroup=kind, showlegend=False,
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
            base=group["date"].dt.strftime("%Y-%m-%d"), x=length_ms, y=group["y"], orientation="h",
            name=style.esc(f"{kind} (days)"), legendgroup=kind, showlegend=False, width=group["room"].to_numpy(), opacity=0.45,
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
    """Count `points` (from place_lanes: with a `row`) per kind, row and period, with the finest
    period in PERIODS that gives at most `point_limit` markers (else the coarsest).

    Returns (points with `period_start` and `cell_count` added; the period's words for the hover).
    A point alone in its cell (cell_count 1) is drawn as itself, so it stays clickable.
    """
    points = points.assign(kind=points["kind"].fillna("other"))
    days = points["x"].dt.normalize()
    for period, unit in PERIODS:
        starts = days.dt.to_period(period).dt.start_time
        cells = points.assign(period_start=starts)
        if cells.groupby(["kind", "row", "period_start"]).ngroups <= point_limit:
            break
    counts = cells.groupby(["kind", "row", "period_start"])["event_id"].transform("nunique")
    return cells.assign(cell_count=counts), unit


def _add_counted(fig, counted, unit):
    for kind, group in counted.groupby("kind", sort=True):
        counts = group["count"].to_numpy(dtype=float)
        labels = [f"<b>{n:,} {style.esc(kind)} events</b><br>{unit} {start:%-d %b %Y}<br>{style.esc(', '.join(lanes[:3]))}"
                  f"{style.esc(f' and {len(lanes) - 3} more') if len(lanes) > 3 else ''}<br>narrow the filters to see each one"
                  for n, start, lanes in zip(group["count"], group["period_start"], group["lanes"])]
        fig.add_trace(go.Scatter(
            x=group["period_start"], y=group["y"], mode="markers", name=style.esc(f"{kind}, counted"), legendgroup=kind,
            marker=dict(color=style.kind_color(kind), size=np.minimum(10 + 3 * np.sqrt(counts), 36), opacity=0.55,
                        symbol="square", line=dict(width=1, color="white")),
            hovertext=labels, hovertemplate="%{hovertext}<extra></extra>",
            customdata=np.array([["", ", ".join(lanes), f"{start:%Y-%m-%d}"]
                                 for lanes, start in zip(group["lanes"], group["period_start"])], dtype=object),
        ))
