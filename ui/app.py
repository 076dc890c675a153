"""The frame of every page: starting a page inside the app, safe markdown, charts shown with
their own colours, and download buttons for figures and events."""
import html
import re
from pathlib import Path

import streamlit as st

from charts.export import EVENT_FORMATS, FIGURE_FORMATS, events_bytes, figure_bytes
from charts.map import TOPOJSON_URL

_IN_APP = "parley_in_app"


def page(title):
    """Start a page inside the app: its title, after the shared sidebar has run.

    On a fresh server Streamlit answers the very first request for a page's URL (/map?country=RUS)
    with that file alone, through its discovery of the pages/ folder, before dashboard.py has set
    up the navigation and the filters. Then the whole app is run around the page instead, and
    this lone run stops, so a shared link shows what it says.
    """
    if not st.session_state.get(_IN_APP):
        import runpy

        runpy.run_path(str(Path(__file__).resolve().parent.parent / "dashboard.py"))
        st.stop()
    st.title(title)


def enter_app():
    """dashboard.py's mark that the page about to run is inside the app (see `page`)."""
    st.session_state[_IN_APP] = True


def md(text):
    """`text` safe inside Streamlit markdown: HTML escaped, markdown and LaTeX marks backslashed.

    Streamlit's markdown also turns a bare 'http://...', 'www....' or e-mail address into a link
    after all escaping (GFM autolinks are found in the parsed text), so a zero-width space goes
    into each: a value from a shared link or an article shows as text, never as a link."""
    text = re.sub(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)", "\u200b", str(text or ""))
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~>$:])", r"\\\1", html.escape(text, quote=False))


def chart(fig, key, selectable=False):
    """Show a Plotly figure; with `selectable`, return the event_id of the clicked point or None."""
    config = {"displaylogo": False, "topojsonURL": TOPOJSON_URL}
    # theme=None: the figure's own template and colours, the ones its downloads carry
    if not selectable:
        st.plotly_chart(fig, key=key, config=config, theme=None)
        return None
    state = st.plotly_chart(fig, key=key, config=config, theme=None, on_select="rerun", selection_mode="points")
    points = (state or {}).get("selection", {}).get("points", []) if state else []
    for point in points:
        custom = point.get("customdata") or []
        if custom and custom[0]:
            return custom[0]
    return None


def figure_downloads(fig, name):
    """Download buttons for a figure: PNG, SVG, PDF (kaleido) and standalone HTML, made on click."""
    columns = st.columns(len(FIGURE_FORMATS))
    for column, (fmt, (mime, suffix)) in zip(columns, FIGURE_FORMATS.items()):
        column.download_button(f"{fmt.upper()}", data=lambda fmt=fmt: figure_bytes(fig, fmt), file_name=f"parley-{name}{suffix}",
                               mime=mime, key=f"download_{name}_{fmt}", on_click="ignore", width="stretch")


def events_downloads(frame, name="events"):
    """Download buttons for the filtered events: CSV, JSON, iCalendar, TimelineJS. `frame` is
    an EVENTS frame, or a function returning one, called when a button is clicked (so a million
    events are read for a download only)."""
    labels = {"csv": "CSV", "json": "JSON", "ics": "iCalendar", "timelinejs": "TimelineJS"}
    columns = st.columns(len(EVENT_FORMATS))
    for column, (fmt, (_, mime, suffix)) in zip(columns, EVENT_FORMATS.items()):
        column.download_button(labels[fmt], data=lambda fmt=fmt: events_bytes(frame() if callable(frame) else frame, fmt), file_name=f"parley-{name}{suffix}",
                               mime=mime, key=f"download_{name}_{fmt}", on_click="ignore", width="stretch")
