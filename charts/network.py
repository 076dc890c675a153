"""The network: EVENTS frame -> Plotly figure of who meets whom.

Countries are nodes (sized by number of events), meetings are edges between every pair of an
event's participants, weighted (line width) by the number of events the pair shares. The `top`
most active countries are drawn by name; the rest are folded into one 'other countries' node, so
a store of two hundred countries still gives a picture rather than a tangle of labels. Nodes are
placed by networkx's force-directed layout (Fruchterman-Reingold) with a fixed seed: countries
that meet often sit close, and the same events always give the same picture.
"""
from collections import Counter
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from loaders.queries import as_source, country_lists

#: Countries drawn by name; the rest share one node.
NETWORK_TOP = 25
#: The layout's random seed: a fixed one makes the picture reproducible.
LAYOUT_SEED = 12
OTHER = "other"


def pair_counts(data_frame):
    """One row per country pair that met: a, b (ISO3, a < b), count (events). Takes an EVENTS
    frame or a loaders.queries.EventsSource."""
    return _pairs(country_lists(as_source(data_frame)))


def _pairs(lists, fold=None):
    """Pair counts (a, b, count) over (countries, n) `lists`, each code mapped by `fold` first."""
    counter = Counter()
    for countries, n in lists:
        codes = {fold(c) for c in countries} if fold else set(countries)
        for a, b in combinations(sorted(codes), 2):
            counter[(a, b)] += n
    rows = [(a, b, n) for (a, b), n in sorted(counter.items())]
    return pd.DataFrame(rows, columns=["a", "b", "count"]).astype({"count": "int64"})


def layout(pairs, codes, seed=LAYOUT_SEED):
    """{code: (x, y)} for `codes`, placed by networkx.spring_layout over the weighted `pairs`
    (a, b, count), seeded so the same input gives the same positions.

    The largest group of countries linked by meetings fills the unit square around the origin;
    smaller groups that meet no one of it (Armenia and Azerbaijan) are laid out on their own in
    a column to its right, instead of being flung to a corner with the main picture squeezed.
    """
    graph = nx.Graph()
    graph.add_nodes_from(codes)
    # a pair that met often pulls harder, but on a log scale: otherwise the busiest few collapse
    # into one knot of overlapping labels
    graph.add_weighted_edges_from((a, b, 1 + np.log(n)) for a, b, n in pairs.itertuples(index=False, name=None))
    groups = sorted((sorted(group) for group in nx.connected_components(graph)), key=lambda group: (-len(group), group))
    positions = {}
    for number, group in enumerate(groups):
        centre, scale = ((0.0, 0.0), 1.0) if number == 0 else ((1.45, 0.9 - 0.45 * (number - 1)), 0.15)
        if len(group) == 1:
            positions[group[0]] = centre
            continue
        placed = nx.spring_layout(graph.subgraph(group), weight="weight", seed=seed, k=2 / np.sqrt(len(group)),
                                  iterations=200, center=centre, scale=scale)
        positions.update(placed)
    return {code: (float(x), float(y)) for code, (x, y) in positions.items()}


def network(data_frame, title=None, max_width=12, top=NETWORK_TOP):
    """Draw countries as nodes and shared events as weighted edges.

    Takes an EVENTS frame or a loaders.queries.EventsSource (a store's filtered events, counted
    in DuckDB per distinct list of countries); returns a go.Figure: one line trace per edge (width by count, name
    'A – B') and one marker trace 'countries' with customdata [ISO3 or 'other', events]. Beyond
    the `top` most active countries the rest are one node 'N other countries'.
    fig.layout.meta["folded"] is how many countries that node holds.
    Example: network(store.events(Filters(countries=("RUS",))))
    """
    lists = country_lists(as_source(data_frame))
    involvement, ranked = style.involvement(lists)
    kept, folded = set(ranked[:top]), ranked[top:]
    fold = (lambda code: code if code in kept else OTHER)
    pairs = _pairs(lists, fold)
    nodes = Counter({code: involvement[code] for code in kept})
    if folded:
        nodes[OTHER] = sum(n for countries, n in lists if any(c not in kept for c in countries))
    codes = sorted(nodes, key=lambda code: (code == OTHER, style.country_name(code)))
    names = {code: (f"{len(folded)} other countries" if len(folded) > 1 else "1 other country") if code == OTHER
             else style.country_name(code) for code in codes}
    position = layout(pairs, codes)
    fig = go.Figure()
    heaviest = int(pairs["count"].max()) if len(pairs) else 1
    for a, b, n in pairs.itertuples(index=False):
        (xa, ya), (xb, yb) = position[a], position[b]
        label = f"{names[a]} – {names[b]}"
        fig.add_trace(go.Scatter(
            x=[xa, (xa + xb) / 2, xb], y=[ya, (ya + yb) / 2, yb], mode="lines", name=style.esc(label),
            line=dict(width=1 + (max_width - 1) * n / heaviest, color="rgba(0,114,178,0.45)"),
            hovertext=f"{style.esc(label)}: {n} event{'s' if n != 1 else ''}", hoverinfo="text",
            showlegend=False, customdata=[[a, b, int(n)]] * 3,
        ))
    counts = np.array([nodes[c] for c in codes], dtype=float)
    fig.add_trace(go.Scatter(
        x=[position[c][0] for c in codes], y=[position[c][1] for c in codes], mode="markers+text",
        name="countries", text=[style.esc(names[c]) for c in codes], textposition="top center",
        marker=dict(size=np.minimum(10 + 4 * np.sqrt(counts), 44),
                    color=[style.REST_COLOR if c == OTHER else "#D55E00" for c in codes], line=dict(width=1, color="white")),
        hovertext=[f"{style.esc(names[c])}: {nodes[c]} event{'s' if nodes[c] != 1 else ''}" for c in codes],
        hoverinfo="text", showlegend=False,
        customdata=np.array([[c, nodes[c]] for c in codes], dtype=object),
    ))
    axis = dict(visible=False)
    fig.update_layout(title=style.esc(title) if title else None, template=style.TEMPLATE, xaxis=axis,
                      yaxis=dict(axis, scaleanchor="x"), height=600, hovermode="closest", meta=dict(folded=len(folded)),
                      margin=dict(l=10, r=10, t=40 if title else 10, b=10))
    return fig
