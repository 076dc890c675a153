"""Activity: EVENTS frame -> meetings per period by country, and a country-by-country matrix.

Both show the most active countries by name and fold the rest into 'other', so a store of two
hundred countries still gives a chart a reader can take in. Like the timeline, the bars open on
the latest years when the events span decades (the rest is a zoom away), and their period fits
the span in view ("auto": weeks over a few months, years over a century), so no bar is a hair.
"""
from collections import Counter
from itertools import combinations

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.timeline import recent_window
from loaders.queries import as_source, country_lists

#: Period name -> pandas period alias.
PERIODS = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}
#: With period "auto": the finest period giving at most this many bars over the events' span.
AUTO_MAX_BARS = 60
#: Countries the matrix names; the rest share one 'other' row and column.
MATRIX_TOP = 20
OTHER = "other"


def fitted_period(data_frame, max_bars=AUTO_MAX_BARS, window=None):
    """The finest period in PERIODS giving at most `max_bars` periods over the span of the
    events' dates (undated: report date), or over `window` ([start, end]) when given; 'month'
    when there are none. Takes an EVENTS frame or a loaders.queries.EventsSource.
    Example: fitted_period(events_of_one_spring) -> 'week'"""
    if window is None:
        window = _span(as_source(data_frame))
    return _fit(window, max_bars)


def _span(source):
    """[first, last] x of `source`'s events, or None when none has a date or a report date."""
    span = source.ask(f"SELECT min({_X}) AS first, max({_X}) AS last FROM events").iloc[0]
    return None if pd.isna(span["first"]) else [pd.Timestamp(span["first"]), pd.Timestamp(span["last"])]


def _fit(window, max_bars=AUTO_MAX_BARS):
    if window is None:
        return "month"
    when = pd.Series(pd.to_datetime(window))
    for period, alias in PERIODS.items():
        if when.dt.to_period(alias).max().ordinal - when.dt.to_period(alias).min().ordinal < max_bars:
            return period
    return "year"


#: An event's place on the time axis, in SQL: its date, else its report date (style.event_x).
_X = "coalesce(date, published)"


def _check_period(period):
    if period != "auto" and period not in PERIODS:
        from loaders.errors import ParleyError
        raise ParleyError(f"activity period: got {period!r}, expected 'auto' or one of {list(PERIODS)}")


def activity_counts(data_frame, period="month", top=10):
    """One row per period and country: period_start, country (ISO3 or 'other'), count.

    An event counts once for each participant, at its date (undated: report date). Only the
    `top` most active countries are kept separately (ties: by ISO3 code); the rest are
    summed as 'other'. Takes an EVENTS frame or a loaders.queries.EventsSource (counted in
    DuckDB). `period` is one of PERIODS or 'auto' (fitted_period). Raises ParleyError for another.
    """
    _check_period(period)
    source = as_source(data_frame)
    period = fitted_period(source) if period == "auto" else period
    return _counts(source, period, top)


def _counts(source, period, top):
    # per period and distinct list of countries first (a few thousand lists), then per participant
    counts = source.ask(f"SELECT period_start, participant, sum(n) AS count FROM (SELECT period_start, unnest(countries) AS participant, n "
                        f"FROM (SELECT date_trunc('{_PARTS[period]}', {_X}) AS period_start, any_value(countries) AS countries, "
                        f"count(*) AS n FROM events WHERE {_X} IS NOT NULL GROUP BY period_start, hash(countries))) GROUP BY ALL")
    totals = counts.groupby("participant")["count"].sum()
    leaders = set(sorted(totals.index, key=lambda code: (-totals[code], code))[:top])
    counts["country"] = counts["participant"].where(counts["participant"].isin(leaders), OTHER)
    counts = counts.groupby(["period_start", "country"], sort=True)["count"].sum().reset_index()
    counts["period_start"] = pd.to_datetime(counts["period_start"]).astype("datetime64[ns]")
    counts["count"] = counts["count"].astype("int64")
    return counts


#: Period name -> DuckDB date_trunc part.
_PARTS = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def activity(data_frame, period="auto", top=10, title=None, recent=True):
    """Stacked bars of events per period, one colour per country (top `top` + 'other').

    Takes an EVENTS frame or a loaders.queries.EventsSource; returns a go.Figure with one go.Bar per country (name: country name,
    customdata: ISO3), each with its own colour (style.series_colors), the most active first.
    `period`: 'auto' (the default, fitted to the span in view), 'week', 'month', 'quarter' or
    'year'. With `recent` and events spanning decades the x axis opens on the latest years
    (charts.timeline.recent_window); pass recent=False when the events were filtered by date.
    fig.layout.meta: period (drawn), window (the initial x range or None).
    Raises ParleyError for an unknown period. Example: activity(events, "week")
    """
    _check_period(period)
    source = as_source(data_frame)
    span = _span(source)
    window = recent_window(*span) if recent and span else None
    period = _fit(window or span) if period == "auto" else period
    counts = _counts(source, period, top)
    fig = go.Figure()
    order = counts.groupby("country")["count"].sum().sort_values(ascending=False, kind="stable").index
    order = [code for code in order if code != OTHER] + [code for code in order if code == OTHER]
    colors = style.series_colors(order, rest=OTHER)
    hover_date = {"week": "week of %{x|%-d %b %Y}", "month": "%{x|%b %Y}", "quarter": "quarter from %{x|%b %Y}",
                  "year": "%{x|%Y}"}[period]
    for code in order:
        group = counts[counts["country"] == code]
        name = OTHER if code == OTHER else style.country_name(code)
        fig.add_trace(go.Bar(x=group["period_start"], y=group["count"], name=style.esc(name),
                             marker=dict(color=colors[code], line=dict(width=0)), customdata=[code] * len(group),
                             hovertemplate=f"{style.esc(name)}<br>{hover_date}: %{{y}}<extra></extra>"))
    fig.update_layout(barmode="stack", bargap=0.15, template=style.TEMPLATE, title=style.esc(title) if title else None,
                      xaxis=dict(type="date", title=dict(text=f"{period} (undated events: report date)", standoff=12),
                                 automargin=True, range=[f"{bound:%Y-%m-%d}" for bound in window] if window else None),
                      yaxis=dict(title=dict(text="events", standoff=12), automargin=True),
                      legend=dict(title="country"), height=460,
                      meta=dict(period=period, window=[f"{bound:%Y-%m-%d}" for bound in window] if window else None),
                      margin=dict(l=60, r=10, t=40 if title else 10, b=60))
    return fig


def country_matrix(data_frame, title=None, top=MATRIX_TOP):
    """A heatmap: row country × column country = events both took part in (symmetric).

    The `top` countries with most events are named; the others share an 'other (N)' row and
    column, so the matrix stays readable. Takes an EVENTS frame or a loaders.queries.EventsSource
    (counted per distinct list of countries in DuckDB); returns a go.Figure with one
    go.Heatmap whose x and y are country names and z the counts (diagonal 0; the 'other' cell
    counts events between two folded countries). Example: country_matrix(events)
    """
    lists = country_lists(as_source(data_frame))
    _, ranked = style.involvement(lists)
    kept = set(ranked[:top])
    folded = ranked[top:]
    fold = (lambda code: code if code in kept else OTHER)
    pairs = Counter()
    for countries, n in lists:
        for a, b in combinations(sorted(set(countries)), 2):
            pairs[(fold(a), fold(b))] += n
    codes = sorted({code for pair in pairs for code in pair} - {OTHER}, key=style.country_name) + ([OTHER] if folded else [])
    index = {code: i for i, code in enumerate(codes)}
    z = [[0] * len(codes) for _ in codes]
    for (a, b), n in pairs.items():
        z[index[a]][index[b]] += n
        if a != b:
            z[index[b]][index[a]] += n
    rest = f"{len(folded)} other countries" if len(folded) > 1 else "1 other country"
    names = [style.esc(rest if code == OTHER else style.country_name(code)) for code in codes]
    fig = go.Figure(go.Heatmap(x=names, y=names, z=z, colorscale="Blues", customdata=[[[a, b] for b in codes] for a in codes],
                               hovertemplate="%{y} & %{x}: %{z}<extra></extra>", colorbar=dict(title="events")))
    width = style.label_width(names)
    fig.update_layout(title=style.esc(title) if title else None, template=style.TEMPLATE,
                      xaxis=dict(tickangle=-45, automargin=True, tickfont=dict(size=style.TICK_FONT_SIZE)),
                      yaxis=dict(autorange="reversed", automargin=True, tickfont=dict(size=style.TICK_FONT_SIZE)),
                      height=max(360, 120 + 22 * len(codes) + width), meta=dict(folded=len(folded)),
                      margin=dict(l=width, r=10, t=40 if title else 10, b=width))
    return fig
