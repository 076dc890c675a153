"""Where Streamlit meets the loaders: the cached store, cached queries, the shared sidebar
filters (kept in the URL's query string) and the widgets every page shares.

Pages import this module and `charts`; they never open the store themselves. The store file is
settings.db_path, or the file named by the PARLEY_DB environment variable (tests and the browser
test point the app at a temporary store this way).
"""
import html
import os
import re
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from charts import style
from charts.evidence import evidence_html
from charts.export import EVENT_FORMATS, FIGURE_FORMATS, events_bytes, figure_bytes
from charts.map import TOPOJSON_URL
from loaders.errors import ParleyError
from loaders.filters import Filters
from loaders.settings import SETTINGS

#: Seconds a cached query is reused; writes made by this app clear the cache at once, writes
#: made by another process (the command line) show up after this long.
CACHE_SECONDS = 60
#: Query-string key of the event shown in detail (so a shared link opens on it).
EVENT_KEY = "event"
_WIDGET = "filter_"  # prefix of the sidebar widgets' session-state keys


def store_path():
    """The store file this app reads: $PARLEY_DB, else settings.db_path."""
    return Path(os.environ.get("PARLEY_DB") or SETTINGS.db_path)


@st.cache_resource(show_spinner=False)
def _open_store(path):
    from loaders.store import Store
    return Store(path)


def store():
    """The app's Store, opened once per process; on first start the bundled sample is ingested
    with a progress bar. A ParleyError (busy or foreign file) is shown and stops the page."""
    try:
        opened = _open_store(str(store_path()))
        if not st.session_state.get("_sample_checked"):
            bar = st.progress(0.0, text="Checking the store…")

            def progress(done, total, label):
                bar.progress(min(done / max(total, 1), 1.0), text=f"Preparing the bundled sample: {label} ({done}/{total})")

            report = opened.ensure_sample(progress=progress)
            bar.empty()
            st.session_state["_sample_checked"] = True
            if report is not None:
                st.cache_data.clear()
        return opened
    except ParleyError as error:
        st.error(str(error))
        st.stop()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _events(path, filters):
    return _open_store(path).events(filters)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _articles(path):
    return _open_store(path).articles()


def events(filters=None):
    """The EVENTS frame for `filters` (cached per store and filter)."""
    store()
    try:
        return _events(str(store_path()), filters or Filters())
    except ParleyError as error:
        st.error(str(error))
        st.stop()


def articles():
    """The ARTICLES frame of the store (cached)."""
    store()
    return _articles(str(store_path()))


def data_changed():
    """Call after writing to the store (import, curation): later queries read it afresh."""
    st.cache_data.clear()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _facets(path):
    everything = _open_store(path).events()
    countries = sorted({c for column in ("countries", "absent") for codes in everything[column] for c in codes},
                       key=style.country_name)
    when = style.event_x(everything).dropna()
    return dict(
        countries=countries,
        topics=sorted({t for topics in everything["topics"] for t in topics}),
        kinds=sorted(set(everything["kind"].dropna()) | set(style.KINDS)),
        statuses=["held", "planned", "cancelled"],
        sources=sorted(set(everything["origin"].dropna())),
        first=when.min().date() if len(when) else None,
        last=when.max().date() if len(when) else None,
    )


def _query_mapping():
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _with_unknown(options, chosen):
    """Keep values from a shared link in the options even when this store lacks them."""
    return list(options) + [value for value in chosen if value not in options]


def sidebar_filters():
    """Draw the shared filters in the sidebar and return the Filters they make.

    On a session's first run the widgets take their values from the URL's query string; on every
    run the query string is rewritten from the widgets, so a view can be bookmarked and shared.
    """
    store()
    facets = _facets(str(store_path()))
    if not st.session_state.get("_filters_from_url"):
        try:
            from_url = Filters.from_query(_query_mapping())
        except ParleyError as error:
            st.sidebar.warning(f"Ignored the link's filters: {error}")
            from_url = Filters()
        for field in ("countries", "match", "topics", "kinds", "statuses", "start", "end", "text", "sources", "absent"):
            value = getattr(from_url, field)
            st.session_state[_WIDGET + field] = list(value) if isinstance(value, tuple) else value
        st.session_state["_filters_from_url"] = True

    bar = st.sidebar
    bar.header("Filters")
    country_label = lambda code: f"{style.country_name(code)} ({code})"
    bar.multiselect("Countries", _with_unknown(facets["countries"], st.session_state[_WIDGET + "countries"]),
                    key=_WIDGET + "countries", format_func=country_label, placeholder="any country")
    bar.radio("Involving", ["any", "all"], key=_WIDGET + "match", horizontal=True,
              format_func=lambda m: "any of them" if m == "any" else "all of them")
    bar.multiselect("Topics", _with_unknown(facets["topics"], st.session_state[_WIDGET + "topics"]),
                    key=_WIDGET + "topics", placeholder="any topic")
    bar.multiselect("Kinds", _with_unknown(facets["kinds"], st.session_state[_WIDGET + "kinds"]),
                    key=_WIDGET + "kinds", placeholder="any kind")
    bar.multiselect("Status", _with_unknown(facets["statuses"], st.session_state[_WIDGET + "statuses"]),
                    key=_WIDGET + "statuses", placeholder="held, planned or cancelled")
    left, right = bar.columns(2)
    bounds = dict(min_value=date(SETTINGS.min_year, 1, 1), max_value=date(SETTINGS.max_year, 12, 31))
    left.date_input("From", key=_WIDGET + "start", format="YYYY-MM-DD", **bounds)
    right.date_input("To", key=_WIDGET + "end", format="YYYY-MM-DD", **bounds)
    bar.text_input("Search titles and evidence", key=_WIDGET + "text")
    bar.multiselect("Source", _with_unknown(facets["sources"], st.session_state[_WIDGET + "sources"]),
                    key=_WIDGET + "sources", placeholder="any source")
    bar.multiselect("About a country, without it", _with_unknown(facets["countries"], st.session_state[_WIDGET + "absent"]),
                    key=_WIDGET + "absent", format_func=country_label, placeholder="no absentee filter",
                    help="events the text says this country did not take part in")
    if bar.button("Clear filters"):
        for field in ("countries", "topics", "kinds", "statuses", "sources", "absent"):
            st.session_state[_WIDGET + field] = []
        st.session_state.update({_WIDGET + "match": "any", _WIDGET + "start": None, _WIDGET + "end": None, _WIDGET + "text": ""})
        st.rerun()

    state = st.session_state
    start, end = state[_WIDGET + "start"], state[_WIDGET + "end"]
    if start and end and start > end:
        bar.warning("'From' is after 'To'; the dates are swapped.")
        start, end = end, start
    filters = Filters(countries=tuple(state[_WIDGET + "countries"]), match=state[_WIDGET + "match"] or "any",
                      topics=tuple(state[_WIDGET + "topics"]), kinds=tuple(state[_WIDGET + "kinds"]),
                      statuses=tuple(state[_WIDGET + "statuses"]), start=start, end=end,
                      text=state[_WIDGET + "text"] or "", sources=tuple(state[_WIDGET + "sources"]),
                      absent=tuple(state[_WIDGET + "absent"]))
    _write_query(filters)
    if facets["first"]:
        bar.caption(f"The store holds events from {facets['first']:%-d %b %Y} to {facets['last']:%-d %b %Y}.")
    return filters


def _write_query(filters):
    wanted = filters.to_query()
    if EVENT_KEY in st.query_params:
        wanted[EVENT_KEY] = st.query_params[EVENT_KEY]
    if _query_mapping() != {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)


def current_filters():
    """The filters the sidebar set on this run (dashboard.py puts them in session state)."""
    return st.session_state.get("filters", Filters())


# -- shared page widgets ----------------------------------------------------------------------

def md(text):
    """`text` safe inside Streamlit markdown: HTML escaped, markdown and LaTeX marks backslashed."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~>$:])", r"\\\1", html.escape(str(text or ""), quote=False))


def chart(fig, key, selectable=False):
    """Show a Plotly figure; with `selectable`, return the event_id of the clicked point or None."""
    config = {"displaylogo": False, "topojsonURL": TOPOJSON_URL}
    if not selectable:
        st.plotly_chart(fig, key=key, config=config)
        return None
    state = st.plotly_chart(fig, key=key, config=config, on_select="rerun", selection_mode="points")
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
    """Download buttons for the filtered events: CSV, JSON, iCalendar, TimelineJS."""
    labels = {"csv": "CSV", "json": "JSON", "ics": "iCalendar", "timelinejs": "TimelineJS"}
    columns = st.columns(len(EVENT_FORMATS))
    for column, (fmt, (_, mime, suffix)) in zip(columns, EVENT_FORMATS.items()):
        column.download_button(labels[fmt], data=lambda fmt=fmt: events_bytes(frame, fmt), file_name=f"parley-{name}{suffix}",
                               mime=mime, key=f"download_{name}_{fmt}", on_click="ignore", width="stretch")


def selected_event(clicked=None):
    """The event_id to show in detail: a fresh click, else the one named in the URL."""
    if clicked:
        st.query_params[EVENT_KEY] = clicked
        return clicked
    return st.query_params.get(EVENT_KEY)


def show_event(event_id, frame):
    """Show one event: its fields and every source with the evidence sentence highlighted and
    the date phrase marked. `frame` is the EVENTS frame it was picked from."""
    rows = frame[frame["event_id"] == event_id]
    if rows.empty:
        st.info("The selected event is not among the filtered events.")
        return
    row = rows.iloc[0].to_dict()
    texts = articles().set_index("article_id")["text"] if len(articles()) else pd.Series(dtype=object)
    parts = [f"<h4 class='parley-event-title'>{style.esc(row['title'] or '(untitled)')}</h4>",
             f"<p>{style.hover_html(row).split('<br>', 1)[1]}</p>"]
    for number, source in enumerate(row["sources"], start=1):
        text = texts.get(source.get("article_id"))
        if isinstance(text, str):
            body = evidence_html(text, source.get("evidence_start"), source.get("evidence_end"),
                                 source.get("date_start"), source.get("date_end"))
        else:  # a structured source (travels, GDELT) keeps only its evidence
            body = evidence_html(source.get("evidence") or "", 0, len(source.get("evidence") or ""))
        published = style.esc(str(source.get("published") or "")[:16] or "publication date unknown")
        parts.append(f"<div class='parley-source'><p><b>Source {number}</b>: {style.esc(source.get('article'))}"
                     f" ({published})</p><blockquote>{body}</blockquote></div>")
    if len(row["merge_reasons"]):
        parts.append("<p><small>Merged because: " + "; ".join(style.esc(r) for r in row["merge_reasons"]) + "</small></p>")
    with st.container(border=True, key="event_details"):
        st.html("".join(parts))


# -- sources and import -----------------------------------------------------------------------

#: File types the upload form offers (the registry tells formats apart by content, not suffix).
UPLOAD_TYPES = ["txt", "md", "html", "htm", "json", "jsonl", "csv", "xml", "tsv"]


def events_per_article(frame):
    """{article_id: number of events citing it} over an EVENTS frame."""
    counts = {}
    for sources in frame["sources"]:
        for article_id in {s.get("article_id") for s in sources}:
            counts[article_id] = counts.get(article_id, 0) + 1
    return counts


def ingest_log():
    """Every file offered to the store, with its outcome and reason (newest first)."""
    return store().ingest_log().iloc[::-1].reset_index(drop=True)


def _safe_name(name, number):
    """An upload's name reduced to its last part in plain characters: never a path (no '../')."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(str(name).replace("\\", "/")).name).strip("._") or "upload"
    return f"{number:03d}_{stem[:80]}"


def import_form():
    """Upload files or paste a text; ingest them with a progress bar and report each file."""
    import tempfile

    with st.form("import_form", clear_on_submit=True):
        uploads = st.file_uploader("Article files", type=UPLOAD_TYPES, accept_multiple_files=True,
                                   help=f"up to {SETTINGS.max_upload_bytes // (1024 * 1024)} MB per file; archives are not unpacked")
        pasted = st.text_area("…or paste an article (first line: title)", height=150)
        submitted = st.form_submit_button("Import")
    if not submitted:
        return
    rejected = []
    with tempfile.TemporaryDirectory(prefix="parley-upload-") as folder:
        paths = []
        for number, upload in enumerate(uploads or [], start=1):
            if upload.size > SETTINGS.max_upload_bytes:
                rejected.append((upload.name, f"{upload.size:,} bytes, more than the limit of {SETTINGS.max_upload_bytes:,}"))
                continue
            path = Path(folder) / _safe_name(upload.name, number)
            path.write_bytes(upload.getvalue())
            paths.append(path)
        if pasted.strip():
            path = Path(folder) / "pasted.txt"
            path.write_text(pasted, encoding="utf-8")
            paths.append(path)
        if not paths and not rejected:
            st.warning("Nothing to import: choose files or paste a text.")
            return
        report = None
        if paths:
            bar = st.progress(0.0, text="Reading…")
            try:
                report = store().ingest(paths, progress=lambda done, total, label: bar.progress(
                    min(done / max(total, 1), 1.0), text=f"{label} ({done}/{total})"))
            except ParleyError as error:
                st.error(str(error))
                return
            finally:
                bar.empty()
            data_changed()
    names = {_safe_name(u.name, n): u.name for n, u in enumerate(uploads or [], start=1)}
    if report is not None:
        st.success(f"Import done: {report.summary()}")
        for file in report.files:
            if file.outcome == "rejected":
                rejected.append((names.get(Path(file.path).name, Path(file.path).name), file.reason))
    for name, reason in rejected:
        st.error(f"Rejected {md(name)}: {md(reason)}")
