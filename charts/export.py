"""Exports: figures to PNG, SVG, PDF (kaleido) and standalone HTML; events to CSV, JSON,
iCalendar and Knight Lab TimelineJS JSON.

The app's download buttons and `python -m charts export` both go through `figure_bytes`: one
path, so a downloaded chart is the chart on the screen (the figures name their own template and
colours, see charts/style.py). Figures are rendered by kaleido 1.x, which drives Debian's
chromium (found on PATH). Its sync server is started once per process (`start_kaleido()`): the
first image then costs about 2 s and each later one about 0.2 s. World maps read their topojson
from static/topojson, so no export fetches anything.

Every event text is inert in every export (issue 6): HTML-bearing formats (TimelineJS renders
headline and text as HTML) get html.escape'd text, iCalendar gets RFC 5545 TEXT escaping (by the
icalendar package), and CSV cells that a spreadsheet would run as a formula (=, +, -, @) are
prefixed with a quote.
"""
import csv
import io
import json
import threading
from datetime import datetime, timedelta, timezone

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from charts import style
from charts.map import TOPOJSON_DIR
from loaders import schema
from loaders.errors import ParleyError

#: Figure formats: name -> (MIME type, file suffix).
FIGURE_FORMATS = {
    "png": ("image/png", ".png"),
    "svg": ("image/svg+xml", ".svg"),
    "pdf": ("application/pdf", ".pdf"),
    "html": ("text/html", ".html"),
}

_kaleido_lock = threading.Lock()
_kaleido_started = False


def start_kaleido():
    """Start kaleido's sync server for this process, once; later calls do nothing."""
    global _kaleido_started
    with _kaleido_lock:
        if not _kaleido_started:
            import kaleido
            kaleido.start_sync_server(silence_warnings=True)
            _kaleido_started = True


def figure_bytes(fig, fmt, width=1100, height=None, scale=1):
    """Render `fig` as `fmt` (png | svg | pdf | html) and return the file's bytes.

    `height` defaults to the figure's own. HTML is standalone: plotly.js inlined, so the file
    opens offline (a world map carries its base map's topojson too).
    Raises ParleyError for an unknown format. Example: figure_bytes(timeline(events), "svg")
    """
    if fmt not in FIGURE_FORMATS:
        raise ParleyError(f"figure format: got {fmt!r}, expected one of {list(FIGURE_FORMATS)}")
    if fmt == "html":
        return figure_html(fig).encode("utf-8")
    import kaleido
    start_kaleido()
    spec = static_figure(fig).to_plotly_json()
    height = height or spec.get("layout", {}).get("height") or 600
    opts = dict(format=fmt, width=width, height=height, scale=scale)
    return kaleido.calc_fig_sync(spec, opts=opts, topojson=TOPOJSON_DIR.resolve().as_uri() + "/")


def static_figure(fig):
    """A copy of `fig` for a still image: the range-selector buttons are dropped, since nothing
    can press them on paper. Everything else (template, colours, margins) is the figure's own,
    so the image shows what the screen shows."""
    still = go.Figure(fig)
    still.for_each_xaxis(lambda axis: axis.update(rangeselector=None))
    return still


def figure_html(fig):
    """A standalone HTML page of `fig` with plotly.js inlined.

    Plotly writes the figure as JSON inside a <script>; its JSON encoder escapes '<', '>' and
    '/' inside strings, and the builders escape text again, so no title can close the script.
    """
    page = pio.to_html(fig, include_plotlyjs=True, full_html=True, config={"responsive": True})
    if any(trace.type.endswith("geo") for trace in fig.data):
        # plotly.js looks in window.PlotlyGeoAssets before fetching a base map from its CDN
        topojson = (TOPOJSON_DIR / "world_110m.json").read_text(encoding="utf-8")
        assets = f"<script>window.PlotlyGeoAssets = {{topojson: {{world_110m: {topojson}}}}};</script>"
        page = page.replace("<head>", "<head>" + assets, 1)
    return page


# -- events -------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain_records(data_frame):
    """EVENTS rows as JSON-ready dicts: dates as ISO text, missing values as None."""
    records = []
    for row in data_frame.to_dict("records"):
        plain = {}
        for column in schema.EVENTS:
            value = row.get(column.name)
            if column.kind == "datetime":
                value = None if value is None or pd.isna(value) else pd.Timestamp(value).isoformat()
            elif column.kind == "int":
                value = None if value is None or pd.isna(value) else int(value)
            elif column.kind in ("list", "records"):
                value = list(value) if value is not None else []
            elif value is not None and not isinstance(value, str) and pd.isna(value):
                value = None
            plain[column.name] = value
        records.append(plain)
    return records


def events_json(data_frame):
    """The events as a JSON array (UTF-8 text), one object per event with the EVENTS columns.

    Dates are ISO 8601 text or null. Example: json.loads(events_json(events))[0]["title"]
    """
    return json.dumps(_plain_records(data_frame), ensure_ascii=False, indent=1, default=str)


def _csv_cell(value):
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False, default=str) if value and isinstance(value[0], dict) else "; ".join(value)
    if value is None:
        return ""
    text = str(value)
    # a spreadsheet runs a cell starting with = + - @ as a formula (CSV injection)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def events_csv(data_frame):
    """The events as CSV text with a header of the EVENTS columns.

    List columns are joined with '; ', `sources` is JSON text, dates are ISO text.
    Example: pd.read_csv(io.StringIO(events_csv(events)))
    """
    out = io.StringIO()
    # CRLF (RFC 4180) also makes the writer quote a cell holding a lone '\r', which it leaves bare
    # with '\n' as terminator: a spreadsheet would break the row there (a row injected by a title)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(schema.names(schema.EVENTS))
    for record in _plain_records(data_frame):
        writer.writerow([_csv_cell(record[name]) for name in schema.names(schema.EVENTS)])
    return out.getvalue()


_ICS_STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}


def events_ics(data_frame, stamp=None):
    """The events as an iCalendar (RFC 5545) calendar: one all-day VEVENT per event, written
    by the `icalendar` package (which escapes the text and folds the lines).

    Dated events span their days (DTEND is the day after the last, as RFC 5545 wants); an undated
    event sits on its report day, marked "(undated, reported ...)" in its summary and TENTATIVE,
    so nothing is left out silently; an event with neither date is skipped and named in the
    calendar's X-PARLEY-SKIPPED property. STATUS: held CONFIRMED, planned TENTATIVE, cancelled
    CANCELLED. `stamp` (default now, UTC) is the DTSTAMP. Returns text with CRLF line ends.
    """
    import icalendar

    stamp = stamp or datetime.now(timezone.utc)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Parley//diplomatic encounters//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Parley events")
    skipped = []
    for row in data_frame.to_dict("records"):
        dated = not pd.isna(row["date"])
        first = row["date"] if dated else row["published"]
        if first is None or pd.isna(first):
            skipped.append(row["event_id"])
            continue
        first = pd.Timestamp(first).normalize()
        last = pd.Timestamp(row["end_date"]).normalize() if dated and not pd.isna(row["end_date"]) else first
        summary = style.plain_title(row) or "(untitled)"
        if not dated:
            summary += f" (undated, reported {style.format_day(first)})"
        description = "\n".join(part for part in [
            row["evidence"] or "", f"Date: {style.date_label(row)}",
            f"Participants: {style.country_names(row['countries'])}",
            f"Absent: {style.country_names(row['absent'])}" if len(row["absent"]) else "",
            f"Heads: {', '.join(row['heads'])}" if len(row["heads"]) else "",
            "Sources: " + ", ".join(str(s.get("article")) for s in row["sources"]),
        ] if part)
        status = _ICS_STATUS.get(row["status"], "TENTATIVE") if dated else ("CANCELLED" if row["status"] == "cancelled" else "TENTATIVE")
        entry = icalendar.Event()
        entry.add("uid", f"{row['event_id']}@parley")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", first.date())
        entry.add("dtend", (last + timedelta(days=1)).date())
        entry.add("summary", summary)
        entry.add("description", description)
        entry.add("status", status)
        if row.get("city") or row.get("country"):
            entry.add("location", style.venue_label(row))
        if len(row["topics"]):
            entry.add("categories", list(row["topics"]))
        calendar.add_component(entry)
    if skipped:
        calendar.add("x-parley-skipped", ", ".join(skipped))
    return calendar.to_ical().decode("utf-8")


def _timelinejs_date(timestamp, precision="day"):
    stamp = pd.Timestamp(timestamp)
    date = {"year": stamp.year}
    if precision in ("day", "week", "month", "unknown"):
        date["month"] = stamp.month
    if precision in ("day", "week", "unknown"):
        date["day"] = stamp.day
    return date


def events_timelinejs(data_frame, headline="Parley: diplomatic encounters"):
    """The events as Knight Lab TimelineJS 3 JSON text: {"title": ..., "events": [...]}.

    Each event: start_date (and end_date for spans) at the date's precision, text.headline and
    text.text (HTML-escaped: TimelineJS renders them as HTML), group (the kind), unique_id (the
    event_id), display_date ("undated, reported ..." for undated events, drawn at the report date).
    Events with no date and no report date are left out and counted in the title's text.
    """
    events, skipped = [], 0
    for row in data_frame.to_dict("records"):
        dated = not pd.isna(row["date"])
        first = row["date"] if dated else row["published"]
        if first is None or pd.isna(first):
            skipped += 1
            continue
        entry = {
            "unique_id": str(row["event_id"]),
            "start_date": _timelinejs_date(first, row["date_precision"] if dated else "day"),
            "display_date": style.esc(style.date_label(row)),
            "group": style.esc(row["kind"] or "other"),
            "text": {
                "headline": style.esc(style.plain_title(row) or "(untitled)"),
                "text": "<br>".join(part for part in [
                    f"<p>{style.esc(row['evidence'])}</p>" if row["evidence"] else "",
                    f"Venue: {style.esc(style.venue_label(row))}",
                    f"Participants: {style.esc(style.country_names(row['countries']))}",
                    f"Absent: {style.esc(style.country_names(row['absent']))}" if len(row["absent"]) else "",
                    f"Heads: {style.esc(', '.join(row['heads']))}" if len(row["heads"]) else "",
                    f"Sources: {style.esc(', '.join(str(s.get('article')) for s in row['sources']))}",
                ] if part),
            },
        }
        if dated and not pd.isna(row["end_date"]):
            entry["end_date"] = _timelinejs_date(row["end_date"], row["date_precision"])
        events.append(entry)
    note = f"{len(events)} events" + (f"; {skipped} without any date left out" if skipped else "")
    document = {"title": {"text": {"headline": style.esc(headline), "text": style.esc(note)}}, "events": events}
    return json.dumps(document, ensure_ascii=False, indent=1)


#: Event formats: name -> (function(frame) -> text, MIME type, file suffix).
EVENT_FORMATS = {
    "csv": (events_csv, "text/csv", ".csv"),
    "json": (events_json, "application/json", ".json"),
    "ics": (events_ics, "text/calendar", ".ics"),
    "timelinejs": (events_timelinejs, "application/json", ".timeline.json"),
}


def events_bytes(data_frame, fmt):
    """The events in `fmt` (csv | json | ics | timelinejs) as UTF-8 bytes.

    Raises ParleyError for an unknown format. Example: events_bytes(events, "ics")
    """
    if fmt not in EVENT_FORMATS:
        raise ParleyError(f"events format: got {fmt!r}, expected one of {list(EVENT_FORMATS)}")
    return EVENT_FORMATS[fmt][0](data_frame).encode("utf-8")
