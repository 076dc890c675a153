"""The network: EVENTS frame -> Plotly figure of who meets whom.

Countries are nodes (sized by number of events), meetings are edges between every pair of an
event's participants, weighted (line width) by the number of events the pair shares. Nodes sit
on a circle ordered by name: deterministic, needs no graph library, and every edge stays visible.
"""
from collections import Counter
from itertools import combinations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style


def pair_counts(data_frame):
    """One row per country pair that met: a, b (ISO3, a < b), count (events)."""
    counter = Counter()
    for countries in data_frame["countries"]:
        for a, b in combinations(sorted(set(countries)), 2):
            counter[(a, b)] += 1
    rows = [(a, b, n) for (a, b), n in sorted(counter.items())]
    return pd.DataFrame(rows, columns=["a", "b", "count"]).astype({"count": "int64"})


def network(data_frame, title=None, max_width=12):
    """Draw countries as nodes on a circle and shared events as weighted edges.

    Takes an EVENTS frame; returns a go.Figure: one line trace per edge (width by count, name
    'A – B') and one marker trace 'countries' with customdata [ISO3, events].
    Example: network(store.events(Filters(countries=("RUS",))))
    """
    pairs = pair_counts(data_frame)
    involvement = Counter(code for countries in data_frame["countries"] for code in set(countries))
    codes = sorted(involvement, key=style.country_name)
    angles = np.linspace(0, 2 * np.pi, num=len(codes), endpoint=False) + np.pi / 2
    position = {code: (float(np.cos(a)), float(np.sin(a))) for code, a in zip(codes, angles)}
    fig = go.Figure()
    top = int(pairs["count"].max()) if len(pairs) else 1
    for a, b, n in pairs.itertuples(index=False):
        (xa, ya), (xb, yb) = position[a], position[b]
        label = f"{style.country_name(a)} – {style.country_name(b)}"
        fig.add_trace(go.Scatter(
            x=[xa, (xa + xb) / 2, xb], y=[ya, (ya + yb) / 2, yb], mode="lines", name=style.esc(label),
            line=dict(width=1 + (max_width - 1) * n / top, color="rgba(0,114,178,0.45)"),
            hovertext=f"{style.esc(label)}: {n} event{'s' if n != 1 else ''}", hoverinfo="text",
            showlegend=False, customdata=[[a, b, int(n)]] * 3,
        ))
    counts = np.array([involvement[c] for c in codes], dtype=float)
    fig.add_trace(go.Scatter(
        x=[position[c][0] for c in codes], y=[position[c][1] for c in codes], mode="markers+text",
        name="countries", text=[style.esc(style.country_name(c)) for c in codes], textposition="top center",
        marker=dict(size=np.minimum(10 + 4 * np.sqrt(counts), 44), color="#D55E00", line=dict(width=1, color="white")),
        hovertext=[f"{style.esc(style.country_name(c))}: {involvement[c]} event{'s' if involvement[c] != 1 else ''}" for c in codes],
        hoverinfo="text", showlegend=False,
        customdata=np.array([[c, involvement[c]] for c in codes], dtype=object),
    ))
    axis = dict(visible=False, range=[-1.35, 1.35])
    fig.update_layout(title=style.esc(title) if title else None, xaxis=axis,
                      yaxis=dict(axis, scaleanchor="x"), height=600, hovermode="closest",
                      margin=dict(l=10, r=10, t=40 if title else 10, b=10))
    return fig
