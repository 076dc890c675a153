"""What every chart shares: the template, colours, marker symbols, country names, label widths
and safe hover text.

Every figure names its template and the colour of each trace itself (`TEMPLATE`, `series_colors`),
so it looks the same on the screen, where Streamlit would otherwise lay its own theme over it, as
in a PNG, SVG or PDF made by kaleido in the app's process (where Streamlit's template is the
default) or from the command line.

Hover text and labels go through `html.escape` here, once, because Plotly renders a subset of
HTML in hover text, titles and annotations (issue 6: a title `<img src=x onerror=...>` must show
as text). Builders add their own `<br>` and `<b>` only around escaped values.
"""
import html
import re
from collections import Counter
from urllib.parse import urlparse

import pandas as pd

from loaders import schema
from loaders.errors import ParleyError
from loaders.gazetteer import country_name as gazetteer_name

#: Colour per event kind (colour-blind safe, Okabe-Ito); the kinds are schema.EVENT_KINDS.
KIND_COLORS = {
    "meeting": "#0072B2",
    "talks": "#D55E00",
    "summit": "#009E73",
    "call": "#CC79A7",
    "visit": "#E69F00",
    "signing": "#56B4E9",
}
OTHER_COLOR = "#777777"
KINDS = schema.KIND_NAMES
#: The template every figure names, so no default (Streamlit's among them) slips in.
TEMPLATE = "plotly_white"
#: Colours of series such as countries, in order of activity: Okabe-Ito without black, then
#: three of Paul Tol's muted colours; distinct from one another and visible on white.
SERIES_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                 "#882255", "#44AA99", "#999933")
#: The colour of a series that gathers the rest ("other").
REST_COLOR = "#BBBBBB"
#: Font size of tick labels, in px, and the width of an average character at that size (Plotly's
#: default Open Sans / Arial run about 0.6 em; capitals and 'W' more, so it errs on the wide side).
TICK_FONT_SIZE = 12
CHAR_EM = 0.62

#: Marker shape: a circle for a dated event, a diamond for an undated one drawn at its report date.
DATED_SYMBOL, UNDATED_SYMBOL = "circle", "diamond"
#: Marker fill by status: held filled, planned hollow, cancelled crossed (Plotly symbol suffixes).
STATUS_SUFFIX = {"held": "", "planned": "-open", "cancelled": "-x"}

PRECISION_FORMATS = {"day": "%-d %b %Y", "week": "week of %-d %b %Y", "month": "%B %Y", "year": "%Y"}


def kind_color(kind):
    """The colour for an event kind; grey for kinds outside KIND_COLORS."""
    return KIND_COLORS.get(kind, OTHER_COLOR)


def series_colors(names, rest="other"):
    """{name: colour} for series in order of importance: SERIES_COLORS in turn, REST_COLOR for
    `rest`. More names than colours repeat the palette (callers keep at most ten series)."""
    colors, number = {}, 0
    for name in names:
        if name == rest:
            colors[name] = REST_COLOR
        else:
            colors[name] = SERIES_COLORS[number % len(SERIES_COLORS)]
            number += 1
    return colors


def label_width(labels, size=TICK_FONT_SIZE):
    """Pixels the widest of `labels` needs at font `size` (an estimate on the wide side), for
    margins that leave every tick label whole. Example: label_width(["Russia – United States"])"""
    return int(max((len(str(label)) for label in labels), default=0) * size * CHAR_EM) + 12


def marker_symbol(status, dated):
    """The Plotly marker symbol for an event: shape by whether it is dated, fill by status."""
    return (DATED_SYMBOL if dated else UNDATED_SYMBOL) + STATUS_SUFFIX.get(status, "")


def involvement(lists):
    """How many events each country takes part in, over `loaders.queries.country_lists` output
    (a Counter), and the countries ranked by it, the most involved first (ties by name)."""
    counts = Counter()
    for countries, n in lists:
        for code in set(countries):
            counts[code] += n
    return counts, sorted(counts, key=lambda code: (-counts[code], country_name(code)))


def country_name(iso3):
    """The English name of a country from its ISO3 code (the gazetteer's, which holds every ISO
    3166 code and former ones); the code itself when it is none ('EUR'); '' for none."""
    if not iso3:
        return ""
    try:
        return gazetteer_name(iso3)
    except ParleyError:  # not a country code: show it as it is
        return str(iso3)


def country_names(codes):
    """Names for a list of ISO3 codes, joined by commas; '' for none."""
    return ", ".join(country_name(code) for code in codes)


#: A generated title opens with the parties' ISO3 codes: "USA–RUS talks, Istanbul".
_CODES_RE = re.compile(r"^(?P<codes>[A-Z]{3}(?:–[A-Z]{3})*)(?=[\s,(]|$)")


def plain_title(row):
    """An event's title as an analyst would write it: the ISO3 codes a generated title opens with
    become country names in alphabetical order ("USA–RUS talks, Istanbul" -> "Russia–United States
    talks, Istanbul"); a title someone wrote (or corrected) is kept as it is. '' for none.
    `row` is a mapping with the EVENTS columns, or a title string."""
    title = row if isinstance(row, str) else (row.get("title") or "")
    match = _CODES_RE.match(title)
    if not match:
        return title
    codes = match.group("codes").split("–")
    names = [country_name(code) for code in codes]
    if any(name == code for name, code in zip(names, codes)):  # not country codes after all
        return title
    return "–".join(sorted(names)) + title[match.end():]


#: How a structured source is named where it has no headline of its own.
ORIGIN_NAMES = {"travels": "Office of the Historian, travels abroad", "visits": "Office of the Historian, visits to the US",
                "gdelt": "GDELT event record", "events-file": "events file", "manual": "added by hand"}


def outlet(url, name=None):
    """The outlet of an article: its publisher's `name` where the source gave one (a page's site
    name), else from its address: 'https://www.reuters.com/x' -> 'reuters.com'; '' without either."""
    if isinstance(name, str) and name.strip():
        return name.strip()
    host = urlparse(str(url or "")).hostname or ""
    return host.removeprefix("www.")


def source_parts(source, article=None, origin=None):
    """How one source of an event is named: (headline, outlet, date, file).

    `source` is one record of an event's `sources`; `article` the ARTICLES row it came from (a
    mapping) or None for a structured source, which is named by its `origin` (ORIGIN_NAMES).
    Example: source_parts(event["sources"][0], articles_by_id[...]) ->
    ('US Department of State shares details ...', 'pravda.com.ua', '28 Feb 2025', '000_76c8171fdb820c38.txt')
    """
    article = article or {}
    headline = article.get("title") or ORIGIN_NAMES.get(origin) or source.get("article") or "source"
    published = pd.to_datetime(source.get("published") or article.get("published"), errors="coerce")
    return (headline, outlet(article.get("url"), article.get("outlet")), format_day(published),
            str(source.get("article") or ""))


def esc(value):
    """`value` as inert HTML text (None and NaN as '')."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def format_day(timestamp, precision="day"):
    """A day as people read it, at its precision: '18 Feb 2025', 'February 2025', '2025'."""
    if timestamp is None or pd.isna(timestamp):
        return ""
    return pd.Timestamp(timestamp).strftime(PRECISION_FORMATS.get(precision, PRECISION_FORMATS["day"]))


def date_label(row):
    """How an event's date reads: '18 Feb 2025 (day)', '18–20 Mar 2024 (day)' or
    'undated, reported 28 Feb 2025'. `row` is a mapping with the EVENTS columns."""
    if row.get("date") is None or pd.isna(row.get("date")):
        reported = format_day(row.get("published"))
        return f"undated, reported {reported}" if reported else "undated, report date unknown"
    precision = row.get("date_precision") or "day"
    label = format_day(row["date"], precision)
    end = row.get("end_date")
    if end is not None and not pd.isna(end) and pd.Timestamp(end) > pd.Timestamp(row["date"]):
        label += " – " + format_day(end, precision)
    return f"{label} ({precision})"


def venue_label(row):
    """'Istanbul, Türkiye', 'Saudi Arabia' or 'venue not stated'."""
    parts = [row.get("city") or "", country_name(row.get("country"))]
    return ", ".join(p for p in parts if p) or "venue not stated"


def hover_html(row):
    """The hover text of one event, every value escaped: title, date with its precision, venue,
    participants, absentees, heads, status and number of sources."""
    lines = [f"<b>{esc(plain_title(row) or '(untitled)')}</b>",
             f"{esc(row.get('kind') or '')}, {esc(row.get('status') or '')}",
             f"Date: {esc(date_label(row))}",
             f"Venue: {esc(venue_label(row))}",
             f"Participants: {esc(country_names(row.get('countries') or []) or 'not stated')}"]
    if len(row.get("absent") or []):
        lines.append(f"Absent: {esc(country_names(row['absent']))}")
    if len(row.get("mediators") or []):
        lines.append(f"Mediators: {esc(country_names(row['mediators']))}")
    if len(row.get("heads") or []):
        lines.append(f"Heads: {esc(', '.join(row['heads']))}")
    n_sources = row.get("n_sources")
    n_sources = 1 if n_sources is None or pd.isna(n_sources) else int(n_sources)
    lines.append(f"{n_sources} source{'s' if n_sources != 1 else ''}")
    return "<br>".join(lines)


def event_x(frame):
    """Where each event sits on a time axis: its date, else its report date (`published`)."""
    return frame["date"].fillna(frame["published"])
