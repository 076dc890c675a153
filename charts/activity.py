"""Activity: EVENTS frame -> meetings per week or month by country, and a country matrix."""
from itertools import permutations

import pandas as pd
import plotly.graph_objects as go

from charts import style

PERIODS = {"week": "W", "month": "M"}


def activity_counts(data_frame, period="month", top=10):
    """One row per period and country: period_start, country (ISO3), count.

    An event counts once for each participant, at its date (undated: report date). Only the
    `top` most active countries are kept separately; the rest are summed as 'other'.
    """
    if period not in PERIODS:
        from loaders.errors import ParleyError
        raise ParleyError(f"activity period: got {period!r}, expected one of {list(PERIODS)}")
    frame = data_frame.assign(x=style.event_x(data_frame))[["event_id", "x", "countries"]]
    frame = frame[frame["x"].notna()].explode("countries").dropna(subset=["countries"])
    if frame.empty:
        return pd.DataFrame({"period_start": pd.Series(dtype="datetime64[ns]"), "country": [], "count": []})
    leaders = frame["countries"].value_counts().index[:top]
    frame["country"] = frame["countries"].where(frame["countries"].isin(leaders), "other")
    frame["period_start"] = frame["x"].dt.to_period(PERIODS[period]).dt.start_time
    return (frame.groupby(["period_start", "country"], sort=True).size()
            .rename("count").reset_index())


def activity(data_frame, period="month", top=10, title=None):
    """Stacked bars of events per week or month, one colour per country (top `top` + 'other').

    Takes an EVENTS frame; returns a go.Figure with one go.Bar per country (name: country name,
    customdata: ISO3). Raises ParleyError for an unknown period. Example: activity(events, "week")
    """
    counts = activity_counts(data_frame, period, top)
    fig = go.Figure()
    order = counts.groupby("country")["count"].sum().sort_values(ascending=False).index
    for code in order:
        group = counts[counts["country"] == code]
        name = "other" if code == "other" else style.country_name(code)
        fig.add_trace(go.Bar(x=group["period_start"], y=group["count"], name=style.esc(name),
                             customdata=[code] * len(group),
                             hovertemplate=f"{style.esc(name)}<br>%{{x|%b %Y}}: %{{y}}<extra></extra>"))
    fig.update_layout(barmode="stack", title=style.esc(title) if title else None,
                      xaxis=dict(type="date", title=f"{period} (undated events: report date)"),
                      yaxis=dict(title="events"), legend=dict(title="country"), height=460,
                      margin=dict(l=10, r=10, t=40 if title else 10, b=40))
    return fig


def country_matrix(data_frame, title=None):
    """A heatmap: row country × column country = events both took part in (symmetric).

    Takes an EVENTS frame; returns a go.Figure with one go.Heatmap whose x and y are country
    names and z the counts (diagonal 0). Example: country_matrix(events)
    """
    pairs = [(a, b) for countries in data_frame["countries"] for a, b in permutations(sorted(set(countries)), 2)]
    codes = sorted({a for a, _ in pairs}, key=style.country_name)
    index = {code: i for i, code in enumerate(codes)}
    z = [[0] * len(codes) for _ in codes]
    for a, b in pairs:
        z[index[a]][index[b]] += 1
    names = [style.esc(style.country_name(c)) for c in codes]
    fig = go.Figure(go.Heatmap(x=names, y=names, z=z, colorscale="Blues", customdata=[[[a, b] for b in codes] for a in codes],
                               hovertemplate="%{y} & %{x}: %{z}<extra></extra>", colorbar=dict(title="events")))
    fig.update_layout(title=style.esc(title) if title else None, yaxis=dict(autorange="reversed"),
                      height=max(360, 120 + 22 * len(codes)), margin=dict(l=10, r=10, t=40 if title else 10, b=10))
    return fig
