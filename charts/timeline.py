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
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from charts import style
from loaders.queries import LIGHT_COLUMNS, as_source, typed
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


@dataclass
class TimelinePlan:
    """What the timeline draws, as DuckDB computed it (`timeline_plan`).

    singles: one row per point drawn by itself (the EVENTS columns but the heavy ones, plus `x`,
    `lane`, `row`); counted: one row per counted marker (kind, row, period_start, count, lanes),
    None when nothing is aggregated; unit: the counted period's words; labels: the lane labels
    from the top; folded: the lanes folded into the last one; n_events, unplaced (no date and no
    report date), folded_events; first, last: the x extent; window: the initial x range or None.
    """
    singles: pd.DataFrame
    counted: pd.DataFrame | None  # kind, row, period_start, count, lanes (the first three), n_lanes
    unit: str | None
    counted_before: pd.Timestamp | None
    labels: list
    folded: list
    n_events: int
    unplaced: int
    folded_events: int
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    window: list | None
    aggregated: bool


#: Periods tried in turn when aggregating, finest first: (DuckDB date_trunc part, words for the hover).
PERIODS = (("week", "week of"), ("month", "month of"), ("quarter", "quarter from"), ("year", "year"))


#: An event's place on the time axis, in SQL: its date, else its report date (style.event_x).
_X = "coalesce(date, published)"
#: The topic lanes of an event, in SQL (topic_lanes): its distinct topics, or NO_TOPIC.
_TOPICS = "CASE WHEN len(list_distinct(topics)) = 0 THEN [{}] ELSE list_distinct(topics) END".format(
    "'" + NO_TOPIC.replace("'", "''") + "'")


def _points_sql(lanes):
    """SQL of the points drawn (one per event and row: an event in several folded topic lanes is
    drawn there once, in the first of them): event_id, x, row, lane, lane_rank (the lane's place
    among all lanes by name), pkind (kind, 'other' when unknown). It joins `lane_rows` (h, lane,
    rank, row): the lane key of an event
    is a hash of its countries list (pairs; two lists of the same countries are two keys of one
    lane) or one of its topics."""
    if lanes == "pair":
        return (f"SELECT e.event_id, {_X} AS x, r.row, r.lane, r.rank AS lane_rank, coalesce(e.kind, 'other') AS pkind "
                f"FROM events AS e JOIN lane_rows AS r ON hash(e.countries) = r.h WHERE {_X} IS NOT NULL")
    return (f"SELECT t.event_id, any_value(t.x) AS x, r.row, min(r.lane) AS lane, min(r.rank) AS lane_rank, any_value(t.pkind) AS pkind "
            f"FROM (SELECT event_id, {_X} AS x, coalesce(kind, 'other') AS pkind, unnest({_TOPICS}) AS h FROM events "
            f"      WHERE {_X} IS NOT NULL) AS t JOIN lane_rows AS r ON t.h = r.h GROUP BY t.event_id, r.row")


def timeline_plan(source, lanes="pair", point_limit=None, lane_limit=None, recent=True):
    """Ask `source` (a loaders.queries.EventsSource) for what the timeline draws: a TimelinePlan.

    Lanes, their order (most recently active first), the folding past `lane_limit`, the extent,
    the initial window and, above `point_limit` points, the counts per kind, lane and period
    are computed in DuckDB; only the points drawn one by one are read, without their evidence.
    Raises ParleyError for an unknown `lanes`.
    """
    if lanes not in LANES:
        from loaders.errors import ParleyError
        raise ParleyError(f"timeline lanes: got {lanes!r}, expected one of {list(LANES)}")
    point_limit = SETTINGS.timeline_point_limit if point_limit is None else point_limit
    lane_limit = max(int(SETTINGS.timeline_lane_limit if lane_limit is None else lane_limit), 1)
    with source.session() as ask:
        totals = ask(f"SELECT count(*) AS n, count({_X}) AS placed, min({_X}) AS first, max({_X}) AS last_x, "
                     f"max(CASE WHEN date IS NOT NULL AND end_date > date THEN end_date + INTERVAL 1 DAY END) AS last_end "
                     f"FROM events").iloc[0]
        n_events, placed, first = int(totals["n"]), int(totals["placed"]), _stamp(totals["first"])
        last = None if first is None else max(x for x in (_stamp(totals["last_x"]), _stamp(totals["last_end"])) if x is not None)
        window = recent_window(first, last) if recent else None
        start = window[0] if window else pd.Timestamp.max
        # one row per lane key: its latest point, its points, and those in the initial window
        if lanes == "pair":
            stats = ask(f"SELECT hash(countries) AS h, any_value(countries) AS countries, max({_X}) AS latest, count(*) AS n, "
                        f"count_if({_X} >= ?) AS shown FROM events WHERE {_X} IS NOT NULL GROUP BY h", [start])
            stats["lane"] = [pair_lanes(tuple(countries))[0] for countries in stats["countries"]]
        else:
            stats = ask(f"SELECT h, max(x) AS latest, count(*) AS n, count_if(x >= ?) AS shown FROM "
                        f"(SELECT {_X} AS x, unnest({_TOPICS}) AS h FROM events WHERE {_X} IS NOT NULL) GROUP BY h",
                        [start])
            stats["lane"] = stats["h"]
        order = (stats.groupby("lane", sort=False).agg(latest=("latest", "max"), events=("n", "sum")).reset_index()
                 .sort_values(["latest", "events", "lane"], ascending=[False, False, True], kind="stable"))["lane"].tolist()
        if len(order) > lane_limit:
            kept, folded = order[:lane_limit - 1], order[lane_limit - 1:]
            labels = kept + [f"{FOLDED[lanes]} ({len(folded)})"]
        else:
            kept, folded, labels = order, [], order
        row_of = {lane: row for row, lane in enumerate(kept)}
        stats["row"] = [row_of.get(lane, len(kept)) for lane in stats["lane"]]
        rank = {lane: number for number, lane in enumerate(sorted(set(stats["lane"])))}
        lane_rows = pa.table({"h": pa.array(stats["h"].tolist(), type=pa.uint64() if lanes == "pair" else pa.string()),
                              "lane": pa.array(stats["lane"].tolist(), type=pa.string()),
                              "rank": pa.array([rank[lane] for lane in stats["lane"]], type=pa.int64()),
                              "row": pa.array(stats["row"].tolist(), type=pa.int64())})
        points_sql = _points_sql(lanes)

        def points(select, where="TRUE", params=(), tail="", join="", outer=None, **tables):
            sql = f"SELECT {select} FROM ({points_sql}) AS p {join} WHERE {where} {tail}"
            return ask(outer.format(sql) if outer else sql, params, lane_rows=lane_rows, **tables)

        folded_row = len(labels) - 1
        if folded and lanes == "topic":  # an event in several folded topics is one point there
            counts = points("count(*) AS n, count_if(row = ?) AS folded, count_if(x >= ?) AS shown", params=[folded_row, start]).iloc[0]
            n_points, folded_events, n_shown = int(counts["n"]), int(counts["folded"]), int(counts["shown"])
        else:
            n_points, n_shown = int(stats["n"].sum()), int(stats["shown"].sum())
            folded_events = int(stats.loc[stats["row"] == folded_row, "n"].sum()) if folded else 0
        aggregated = n_points > point_limit
        counted, unit, counted_before = None, None, None
        if not aggregated:
            singles = _singles(points, source, "TRUE", [])
        else:
            counted_before = window[0] if window and 0 < n_shown < point_limit else None
            shown_sql, shown_params = ("x >= ?", [counted_before]) if counted_before is not None else ("FALSE", [])
            budget = point_limit - (n_shown if counted_before is not None else 0)
            counted, unit, single_cells = _cells(points, shown_sql, shown_params, budget, labels, folded_row if folded else None,
                                                 sorted(rank, key=rank.get))
            singles = pd.concat([_singles(points, source, shown_sql, shown_params),
                                 _singles(points, source, f"NOT ({shown_sql}) AND (pkind, row, date_trunc('{unit[0]}', x)) IN "
                                          "(SELECT (kind, row, period_start) FROM single_cells)", shown_params,
                                          kind="p.pkind", single_cells=single_cells)], ignore_index=True)
            unit = unit[1]
    return TimelinePlan(singles, counted, unit, counted_before, labels, folded, n_events, n_events - placed,
                        folded_events, first, last, window, aggregated)


#: Periods tried in turn when aggregating, finest first: (DuckDB date_trunc part, words for the hover).
PERIODS = (("week", "week of"), ("month", "month of"), ("quarter", "quarter from"), ("year", "year"))


def _cells(points, shown_sql, shown_params, budget, labels, folded_row, by_rank):
    """The counted markers: the points outside the window (not `shown_sql`) per kind, row and
    the finest period of PERIODS giving at most `budget` cells (else the coarsest).

    Returns (counted: kind, row, period_start, count, lanes (the first three by name), n_lanes
    for cells of several events; the period (part, words); single_cells: kind, row, period_start
    of the cells of one event, which are drawn as points). `by_rank` names the lanes by rank."""
    # weeks and months of each kind and row: every period's cells follow from them
    base = points("pkind AS kind, row, date_trunc('week', x) AS week, date_trunc('month', x) AS month, count(*) AS n",
                  f"NOT ({shown_sql})", shown_params, "GROUP BY ALL")
    base["week"], base["month"] = pd.to_datetime(base["week"]), pd.to_datetime(base["month"])
    base["quarter"] = base["month"].dt.to_period("Q").dt.start_time
    base["year"] = base["month"].dt.to_period("Y").dt.start_time
    for part, unit in PERIODS:
        if len(base[["kind", "row", part]].drop_duplicates()) <= budget:
            break
    cells = (base.groupby(["kind", "row", part], sort=True)["n"].sum().reset_index()
             .rename(columns={part: "period_start", "n": "count"}))
    cells["period_start"] = cells["period_start"].astype("datetime64[ns]")
    counted = cells[cells["count"] > 1].reset_index(drop=True)
    counted["lanes"] = [[labels[row]] for row in counted["row"]]
    counted["n_lanes"] = 1
    if folded_row is not None and (counted["row"] == folded_row).any():
        # the lanes of each folded cell: how many, and the first three by name (by rank)
        found = points(f"pkind AS kind, date_trunc('{part}', x) AS period_start, lane_rank",
                       f"NOT ({shown_sql}) AND row = ?", [*shown_params, folded_row], "GROUP BY ALL",
                       outer="SELECT kind, period_start, count(*) AS n_lanes, min(lane_rank, 3) AS first FROM ({}) GROUP BY ALL")
        found["period_start"] = pd.to_datetime(found["period_start"]).astype("datetime64[ns]")
        found["row"] = folded_row
        found["lanes"] = [[by_rank[r] for r in first] for first in found["first"]]
        folded = counted[["kind", "row", "period_start"]].merge(found[["kind", "row", "period_start", "lanes", "n_lanes"]],
                                                                 how="left", on=["kind", "row", "period_start"])
        mask = (counted["row"] == folded_row).to_numpy()
        counted.loc[mask, "lanes"] = folded.loc[mask, "lanes"].to_numpy()
        counted.loc[mask, "n_lanes"] = folded.loc[mask, "n_lanes"].to_numpy()
    single = cells[cells["count"] == 1]
    single_cells = pa.table({"kind": pa.array(single["kind"].tolist(), type=pa.string()),
                             "row": pa.array(single["row"].tolist(), type=pa.int64()),
                             "period_start": pa.array(single["period_start"].tolist(), type=pa.timestamp("us"))})
    return counted, (part, unit), single_cells


#: The event columns a drawn point carries (for its marker, bar and hover).
_POINT_COLUMNS = tuple(c for c in LIGHT_COLUMNS if c != "kind")


def _singles(points, source, where, params, kind="e.kind", **tables):
    """The points matching `where` drawn one by one, with their event's light columns, in the
    source's order."""
    order = ", ".join(source.order("e"))
    select = f"{', '.join('e.' + c for c in _POINT_COLUMNS)}, {kind} AS kind, p.x, p.lane, p.row"
    return typed(points(select, where, params, f"ORDER BY {order}, p.lane",
                        join="JOIN events AS e ON p.event_id = e.event_id", **tables))


def _plain_key(key):
    return [str(k) for k in key] if not isinstance(key, str) else key


def _stamp(value):
    return None if value is None or pd.isna(value) else pd.Timestamp(value)


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
    plan = timeline_plan(as_source(data_frame), lanes, point_limit, lane_limit, recent)
    labels, folded, window, aggregated = plan.labels, plan.folded, plan.window, plan.aggregated
    first, last, unplaced, counted_before = plan.first, plan.last, plan.unplaced, plan.counted_before
    fig = go.Figure()
    singles, counted = _stack(plan.singles, plan.counted)
    _add_bars(fig, singles)
    _add_markers(fig, singles)
    if aggregated:
        _add_counted(fig, counted, plan.unit)
    _add_symbol_legend(fig, singles)

    n_rows = max(len(labels), 1)
    notes = []
    if counted_before is not None:
        notes.append(f"{plan.n_events:,} events: those before {counted_before:%b %Y} counted per period "
                     f"(more than {point_limit:,} points)")
    elif aggregated:
        notes.append(f"{plan.n_events:,} events, counted per period (more than {point_limit:,} points)")
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
                  folded_events=plan.folded_events,
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


def _range_buttons(first, last):
    """Range-selector buttons: the RANGE_BUTTON_YEARS and the recent window shorter than the data, then 'all'."""
    years = sorted({*RANGE_BUTTON_YEARS, SETTINGS.timeline_recent_years})
    buttons = [dict(count=n, label=f"{n}y", step="year", stepmode="backward") for n in years
               if pd.Timestamp(first) + pd.DateOffset(years=n) < pd.Timestamp(last)]
    return buttons + [dict(step="all", label="all")]


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


def _add_counted(fig, counted, unit):
    for kind, group in counted.groupby("kind", sort=True):
        counts = group["count"].to_numpy(dtype=float)
        named = [style.esc(", ".join(lanes[:3]) + (f" and {n_lanes - 3} more" if n_lanes > 3 else ""))
                 for lanes, n_lanes in zip(group["lanes"], group["n_lanes"])]
        starts = group["period_start"].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
        fig.add_trace(go.Scatter(
            x=starts, y=np.round(group["y"].to_numpy(dtype=float), 3), mode="markers", name=style.esc(f"{kind}, counted"),
            legendgroup=kind,
            marker=dict(color=style.kind_color(kind), size=np.round(np.minimum(10 + 3 * np.sqrt(counts), 36), 1), opacity=0.55,
                        symbol="square", line=dict(width=1, color="white")),
            # the hover is one template over customdata, not a text per cell: a thousand cells'
            # texts would repeat what customdata carries anyway (the lanes, escaped: they are drawn)
            hovertemplate=(f"<b>%{{customdata[3]}} {style.esc(kind)} events</b><br>{unit} %{{x|%-d %b %Y}}<br>%{{customdata[1]}}"
                           "<br>narrow the filters to see each one<extra></extra>"),
            # the lanes as the hover names them: a cell of the folded lane may hold a thousand pairs,
            # which would be megabytes of customdata sent to the browser and never shown (an array,
            # not a list: plotly deep-copies a list item by item as it validates it)
            customdata=np.array([["", lanes, start, f"{int(n):,}"] for lanes, start, n in zip(named, starts, group["count"])],
                                dtype=object),
        ))
