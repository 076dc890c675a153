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
from loaders.errors import InputError, ParleyError
from loaders.filters import NEWS_VALUES, STRUCTURED_ORIGINS, Filters
from loaders.settings import SETTINGS
from loaders.uploads import safe_name, save_upload

#: Seconds a cached query is reused; writes made by this app clear the cache at once, writes
#: made by another process (the command line) show up after this long.
CACHE_SECONDS = 60
#: Query-string key of the event shown in detail (so a shared link opens on it).
EVENT_KEY = "event"
#: Query-string keys of the pages' own choices (url_choice), kept when the sidebar rewrites the URL.
PAGE_CHOICES = ("lanes", "per")
_WIDGET = "filter_"  # prefix of the sidebar widgets' session-state keys
#: The Filters fields the sidebar's widgets hold, one widget each.
_FIELDS = ("countries", "match", "topics", "kinds", "statuses", "start", "end", "text", "sources", "absent", "news_only")


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


def articles_by_id():
    """{article_id: ARTICLES row as a dict} of the store (cached with the articles)."""
    frame = articles()
    return dict(zip(frame["article_id"], frame.to_dict("records")))


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
        structured=int(everything["origin"].isin(STRUCTURED_ORIGINS).sum()),
        news=int((~everything["origin"].isin(STRUCTURED_ORIGINS)).sum()),
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
            st.sidebar.warning(f"Ignored the link's filters: {md(error)}")  # a link's values are anyone's
            from_url = Filters()
        _set_widgets(from_url)
        if "news" not in st.query_params:  # no word in the link: the news first, where there is any
            st.session_state[_WIDGET + "news_only"] = _news_first(facets)
        st.session_state["_filters_from_url"] = True

    bar = st.sidebar
    bar.header("Filters")
    if facets["structured"] and facets["news"]:
        bar.radio("Events from", [True, False], key=_WIDGET + "news_only",
                  format_func=lambda news: (f"the articles ({facets['news']:,})" if news else
                                            f"all sources ({facets['structured']:,} more from the Office of the Historian, GDELT)"),
                  help="the large structured sources hold thousands of events; the articles you brought come first")
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
    # text boxes, which apply on Enter (a date_input applies a typed date only once focus leaves it)
    left.text_input("From", key=_WIDGET + "start", placeholder="YYYY-MM-DD", help=_DAY_HELP)
    right.text_input("To", key=_WIDGET + "end", placeholder="YYYY-MM-DD", help=_DAY_HELP)
    bar.text_input("Search titles and evidence", key=_WIDGET + "text")
    bar.multiselect("Source", _with_unknown(facets["sources"], st.session_state[_WIDGET + "sources"]),
                    key=_WIDGET + "sources", placeholder="any source")
    bar.multiselect("About a country, without it", _with_unknown(facets["countries"], st.session_state[_WIDGET + "absent"]),
                    key=_WIDGET + "absent", format_func=country_label, placeholder="no absentee filter",
                    help="events the text says this country did not take part in")
    # a callback runs before the next run draws the widgets: only then may their keys be set
    bar.button("Clear filters", key="clear_filters", on_click=_clear_filters, args=(_news_first(facets),))

    state = st.session_state
    start, end = _typed_day(bar, "From", state[_WIDGET + "start"]), _typed_day(bar, "To", state[_WIDGET + "end"], last=True)
    if start and end and start > end:
        bar.warning("'From' is after 'To'; the dates are swapped.")
        start, end = end, start
    filters = Filters(countries=tuple(state[_WIDGET + "countries"]), match=state[_WIDGET + "match"] or "any",
                      topics=tuple(state[_WIDGET + "topics"]), kinds=tuple(state[_WIDGET + "kinds"]),
                      statuses=tuple(state[_WIDGET + "statuses"]), start=start, end=end,
                      text=state[_WIDGET + "text"] or "", sources=tuple(state[_WIDGET + "sources"]),
                      absent=tuple(state[_WIDGET + "absent"]), news_only=bool(state[_WIDGET + "news_only"]))
    _write_query(filters, _news_first(facets))
    if facets["first"]:
        bar.caption(f"The store holds events from {facets['first']:%-d %b %Y} to {facets['last']:%-d %b %Y}.")
    return filters


def _news_first(facets):
    """The dashboard's default for `news_only`: the news, when the store holds news and more."""
    return bool(facets["news"] and facets["structured"])


def _set_widgets(filters):
    """Put the values of `filters` into the sidebar's widgets (before they are drawn)."""
    for field in _FIELDS:
        value = getattr(filters, field)
        if field in ("start", "end"):
            value = value.isoformat() if value else ""
        st.session_state[_WIDGET + field] = list(value) if isinstance(value, tuple) else value


_DAY_HELP = "a day (2025-02-18), a month (2025-02) or a year (2025); press Enter to apply"


def _typed_day(bar, label, text, last=False):
    """The day typed in the From or To box: YYYY-MM-DD, or YYYY-MM / YYYY for its first day (its
    last with `last`); None when empty. A bad value is named in a warning and ignored."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}", text):
            day = date(int(text), 12, 31) if last else date(int(text), 1, 1)
        elif re.fullmatch(r"\d{4}-\d{1,2}", text):
            first = pd.Timestamp(f"{text}-01")
            day = (first + pd.offsets.MonthEnd(0)).date() if last else first.date()
        else:
            day = date.fromisoformat(text)
        if not SETTINGS.min_year <= day.year <= SETTINGS.max_year:
            raise ValueError
    except ValueError:
        bar.warning(f"{label}: {md(text)} is not a date between {SETTINGS.min_year} and {SETTINGS.max_year}; "
                    "expected YYYY-MM-DD, YYYY-MM or YYYY.")
        return None
    return day


def _clear_filters(news_first):
    _set_widgets(Filters(news_only=news_first))


def _write_query(filters, news_first):
    wanted = filters.to_query()
    if news_first and not filters.news_only:  # a link to everything must say so
        wanted["news"] = next(word for word, value in NEWS_VALUES.items() if value is False)
    for key in (EVENT_KEY, *PAGE_CHOICES):  # the page's own part of the URL
        if key in st.query_params:
            wanted[key] = st.query_params[key]
    if _query_mapping() != {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)


_IN_APP = "parley_in_app"


def url_choice(label, options, query_key, key, default, format_func=str, help=None):
    """A segmented control whose choice is kept in the URL under `query_key` (left out when it is
    the `default`), so a shared link opens on it; returns the choice. A value in the link that
    is not among `options` gives the default."""
    assert query_key in PAGE_CHOICES, f"add {query_key!r} to PAGE_CHOICES"
    if key not in st.session_state:
        linked = st.query_params.get(query_key)
        st.session_state[key] = linked if linked in options else default
    choice = st.segmented_control(label, options, key=key, format_func=format_func, help=help) or default
    if choice == default:
        st.query_params.pop(query_key, None)
    else:
        st.query_params[query_key] = choice
    return choice


def page(title):
    """Start a page inside the app: its title, after the shared sidebar has run.

    On a fresh server Streamlit answers the very first request for a page's URL (/map?country=RUS)
    with that file alone, through its discovery of the pages/ folder, before dashboard.py has set
    up the navigation and the filters. Then the whole app is run around the page instead, and
    this lone run stops, so a shared link shows what it says.
    """
    if not st.session_state.get(_IN_APP):
        import runpy

        runpy.run_path(str(Path(__file__).resolve().parent / "dashboard.py"))
        st.stop()
    st.title(title)


def enter_app():
    """dashboard.py's mark that the page about to run is inside the app (see `page`)."""
    st.session_state[_IN_APP] = True


def current_filters():
    """The filters the sidebar set on this run (dashboard.py puts them in session state)."""
    return st.session_state.get("filters", Filters())


# -- shared page widgets ----------------------------------------------------------------------

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
    """Download buttons for the filtered events: CSV, JSON, iCalendar, TimelineJS."""
    labels = {"csv": "CSV", "json": "JSON", "ics": "iCalendar", "timelinejs": "TimelineJS"}
    columns = st.columns(len(EVENT_FORMATS))
    for column, (fmt, (_, mime, suffix)) in zip(columns, EVENT_FORMATS.items()):
        column.download_button(labels[fmt], data=lambda fmt=fmt: events_bytes(frame, fmt), file_name=f"parley-{name}{suffix}",
                               mime=mime, key=f"download_{name}_{fmt}", on_click="ignore", width="stretch")


def events_table(events):
    """The Events page's table of an EVENTS frame, newest first (an undated event at its report
    date): event_id, date (the event's own day, empty when undated), when (the date as it reads,
    'undated, reported …' included), title (plain_title), kind, status, venue, participants,
    absentees, heads, topics, n_sources, origin."""
    records = events.to_dict("records")
    table = events.assign(
        date=events["date"].dt.date.astype(object).where(events["date"].notna(), None),
        when=[style.date_label(row) for row in records],
        title=[style.plain_title(row) for row in records],
        venue=[style.venue_label(row) for row in records],
        participants=events["countries"].map(style.country_names),
        absentees=events["absent"].map(style.country_names),
        x=style.event_x(events),
    )
    table = table.sort_values(["x", "event_id"], ascending=[False, True], na_position="last", kind="stable")
    return table[["event_id", "date", "when", "title", "kind", "status", "venue", "participants", "absentees", "heads",
                  "topics", "n_sources", "origin"]].reset_index(drop=True)


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
    by_id = articles_by_id()
    parts = [f"<h4 class='parley-event-title'>{style.esc(style.plain_title(row) or '(untitled)')}</h4>",
             f"<p>{style.hover_html(row).split('<br>', 1)[1]}</p>"]
    for number, source in enumerate(row["sources"], start=1):
        article = by_id.get(source.get("article_id"))
        if article is not None:
            body = evidence_html(article["text"], source.get("evidence_start"), source.get("evidence_end"),
                                 source.get("date_start"), source.get("date_end"))
        else:  # a structured source (travels, GDELT) keeps only its evidence
            body = evidence_html(source.get("evidence") or "", 0, len(source.get("evidence") or ""))
        headline, outlet, day, file = style.source_parts(source, article, row["origin"])
        said = ", ".join(style.esc(part) for part in (outlet, day or "publication date unknown") if part)
        parts.append(f"<div class='parley-source'><p><b>Source {number}</b>: <i class='parley-headline'>{style.esc(headline)}</i>"
                     f" — {said} <small>(file {style.esc(file)})</small></p><blockquote>{body}</blockquote></div>")
    if len(row["merge_reasons"]):
        parts.append("<p><small>Merged because: " + "; ".join(style.esc(r) for r in row["merge_reasons"]) + "</small></p>")
    with st.container(border=True, key="event_details"):
        st.html("".join(parts))


# -- sources and import -----------------------------------------------------------------------

#: The name a pasted text is recorded under (in the articles and the import log).
PASTED_NAME = "pasted text.txt"
#: File types the upload form offers (the registry tells formats apart by content, not suffix).
UPLOAD_TYPES = ["txt", "md", "html", "htm", "json", "jsonl", "csv", "xml", "tsv"]


def events_per_article(frame):
    """{article_id: number of events citing it} over an EVENTS frame."""
    counts = {}
    for sources in frame["sources"]:
        for article_id in {s.get("article_id") for s in sources}:
            counts[article_id] = counts.get(article_id, 0) + 1
    return counts


def articles_table(articles, counts):
    """The Sources page's table of an ARTICLES frame, newest first: title (the headline), outlet,
    published, published_precision, language, events (how many cite it, from `counts`),
    problems, and the file it came from (path) last, as a detail."""
    table = articles.assign(outlet=articles["url"].map(style.outlet),
                            events=articles["article_id"].map(counts).fillna(0).astype(int),
                            problems=articles["problems"].map("; ".join))
    table = table.sort_values("published", ascending=False, na_position="last", kind="stable")
    return table[["title", "outlet", "published", "published_precision", "language", "events", "problems", "path"]]


def ingest_log():
    """Every file offered to the store, with its outcome and reason (newest first)."""
    return store().ingest_log().iloc[::-1].reset_index(drop=True)


def _safe_name(name, number):
    """An upload's name reduced to its last part in plain characters: never a path (no '../')."""
    return f"{number:03d}_{safe_name(name)}"


def pasted_article(text, published=None):
    """A pasted text as an article file: with a publication date, in the header format
    (' date YYYY-MM-DD Pasted', title, blank line, body) so its relative dates resolve."""
    if published is None:
        return text
    title, _, body = text.strip().partition("\n")
    return f" date {published:%Y-%m-%d} Pasted\n{title.strip()}\n\n{body.strip() or title.strip()}\n"


def import_form():
    """Upload files or paste a text; ingest them with a progress bar and report each file."""
    import tempfile

    with st.form("import_form", clear_on_submit=True):
        uploads = st.file_uploader("Article files", type=UPLOAD_TYPES, accept_multiple_files=True,
                                   help=f"up to {SETTINGS.max_upload_bytes // (1024 * 1024)} MB per file; archives are not unpacked")
        pasted = st.text_area("…or paste an article (first line: title)", height=150)
        pasted_on = st.date_input("Published on (for a pasted article; relative dates such as 'on Friday' "
                                  "are read against it)", value=None, format="YYYY-MM-DD")
        submitted = st.form_submit_button("Import")
    if not submitted:
        return
    rejected, names = [], {}  # names: file written -> the name the upload came with
    with tempfile.TemporaryDirectory(prefix="parley-upload-") as folder:
        paths = []
        offered = [(upload.name, upload.getvalue()) for upload in uploads or []]
        if pasted.strip():
            offered.append((PASTED_NAME, pasted_article(pasted, pasted_on).encode("utf-8")))
        for name, data in offered:
            try:
                path = save_upload(name, data, folder)
            except InputError as error:  # over the size limit, or an archive: nothing written
                rejected.append((name, error.reason))
                continue
            names[path.name] = name
            paths.append(path)
        if not paths and not rejected:
            st.warning("Nothing to import: choose files or paste a text.")
            return
        report = None
        if paths:
            bar = st.progress(0.0, text="Reading…")
            try:
                report = store().ingest(paths, names={path: names[path.name] for path in paths},
                                        progress=lambda done, total, label: bar.progress(
                                            min(done / max(total, 1), 1.0), text=f"{label} ({done}/{total})"))
            except ParleyError as error:
                st.error(md(error))
                return
            finally:
                bar.empty()
            data_changed()
    files = report.files if report is not None else []
    rejected += [(file.path, file.reason) for file in files if file.outcome == "rejected"]
    if any(file.outcome != "rejected" for file in files):
        st.success(f"Import done: {md(report.summary())}")
    else:  # a green 'done' would hide that nothing came in
        st.error("Nothing was imported: every file was rejected.")
    for name, reason in rejected:
        st.error(f"Rejected {md(name)}: {md(reason)}")


# -- curation (issue 5 §3) --------------------------------------------------------------------

#: Prefix of the curation forms' widget keys: they are cleared after every change (and when
#: another event is picked) so the forms show the event as stored, not what was last typed.
_CURATE = "curate_"
_NOTICE = "_curation_notice"
_VERSION = "_curation_version"  # counts changes made here; part of the events table's key
#: Form fields in order: (field, label). List fields take codes or names separated by ';'.
EDIT_FIELDS = (("title", "Title"), ("kind", "Kind"), ("status", "Status"), ("date", "Date"),
               ("end_date", "End date"), ("date_precision", "Date precision"), ("city", "Venue city"),
               ("country", "Venue country (ISO3)"), ("countries", "Participants (ISO3, ';' between)"),
               ("absent", "Absentees (ISO3, ';' between)"), ("mediators", "Mediators (ISO3, ';' between)"),
               ("heads", "Heads and officials (';' between)"), ("topics", "Topics (';' between)"))


def _notice(kind, text):
    st.session_state[_NOTICE] = (kind, text)


def _show_notice():
    kind, text = st.session_state.pop(_NOTICE, (None, None))
    if kind:
        getattr(st, kind)(md(text))


def _forget_forms():
    for key in [k for k in st.session_state if str(k).startswith(_CURATE)]:
        del st.session_state[key]


def _change(do, done, event_after=None):
    """Run `do(store)` (a curation call); on success clear the caches, the forms and the table
    selection, point the URL at `event_after` (None: no event) and say `done(result)`; on
    ParleyError show its message instead."""
    try:
        with st.spinner("Applying the correction to the events…"):  # the store re-merges every event
            result = do(store())
    except ParleyError as error:
        _notice("error", str(error))
        return
    data_changed()
    _forget_forms()
    st.session_state[_VERSION] = st.session_state.get(_VERSION, 0) + 1
    if event_after:
        st.query_params[EVENT_KEY] = event_after
    else:
        st.query_params.pop(EVENT_KEY, None)
    _notice("success", done(result))


def events_table_key():
    """Key for the Events page's table. It changes after each correction: a new key is the one
    way to clear a table's row selection in the browser, and the rows it named may be gone."""
    version = st.session_state.get(_VERSION, 0)
    return "events_table" + (f"_{version}" if version else "")


def _event_row(event_id, frame):
    """The event `event_id` from `frame`, else from the whole store (a filter may hide it); or None."""
    for candidates in (frame, events()):
        rows = candidates[candidates["event_id"] == event_id]
        if len(rows):
            return rows.iloc[0].to_dict()
    return None


def _event_label(row):
    return f"{style.date_label(row)} — {style.plain_title(row) or '(untitled)'}"


def _options(allowed, current):
    """`allowed` plus the event's current value when it is outside them (so it stays unchanged)."""
    return list(allowed) + ([current] if current and current not in allowed else [])


def _as_date(value):
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _edit_form(event):
    from loaders import curation

    with st.form("curate_edit_form"):
        bounds = dict(min_value=date(SETTINGS.min_year, 1, 1), max_value=date(SETTINGS.max_year, 12, 31), format="YYYY-MM-DD")
        columns = st.columns(2)
        for number, (name, label) in enumerate(EDIT_FIELDS):
            key, value = _CURATE + name, event.get(name)
            column = columns[number * 2 // len(EDIT_FIELDS)]
            if name in ("kind", "status", "date_precision"):
                allowed = {"kind": curation.KINDS, "status": curation.STATUSES, "date_precision": curation.PRECISIONS}[name]
                options = _options(allowed, value)
                column.selectbox(label, options, index=options.index(value) if value in options else None, key=key)
            elif name in ("date", "end_date"):
                column.date_input(label, value=_as_date(value), key=key, **bounds)
            elif name in ("countries", "absent", "mediators", "heads", "topics"):
                column.text_input(label, value="; ".join(value), key=key,
                                  help=md(style.country_names(value)) if name not in ("heads", "topics") and len(value) else None)
            else:
                column.text_input(label, value=curation.current_value(event, name) or "", key=key)
        st.text_input("Reason (optional)", key=_CURATE + "edit_reason")
        st.form_submit_button("Save changes", key="do_edit", on_click=_save_edit, args=(event,))


def _save_edit(event):
    from loaders import curation

    values = {name: st.session_state.get(_CURATE + name) for name, _ in EDIT_FIELDS}
    changes = curation.changes_from(event, values)
    if not changes:
        _notice("info", "Nothing to save: the form matches the event.")
        return
    _change(lambda s: s.edit_event(event["event_id"], changes, st.session_state.get(_CURATE + "edit_reason")),
            lambda _: f"Saved {', '.join(changes)} of '{style.plain_title(event)}'.", event["event_id"])


def _merge_form(event, frame, picked):
    others = [i for i in dict.fromkeys(list(picked) + list(frame["event_id"])) if i != event["event_id"]]
    labels = {row["event_id"]: _event_label(row) for row in frame[frame["event_id"].isin(others)].to_dict("records")}
    others = [i for i in others if i in labels]
    second = next((i for i in picked if i != event["event_id"] and i in labels), None)
    with st.form("curate_merge_form"):
        st.selectbox("Merge this event with", others, index=others.index(second) if second else None,
                     format_func=labels.get, key=_CURATE + "merge_with", placeholder="choose the other event",
                     help="the other event's sources join this one; this event keeps its fields where both have one")
        st.text_input("Reason (optional)", key=_CURATE + "merge_reason")
        st.form_submit_button("Merge", key="do_merge", on_click=_merge, args=(event,))


def _merge(event):
    other = st.session_state.get(_CURATE + "merge_with")
    if not other:
        _notice("warning", "Choose the event to merge with.")
        return
    _change(lambda s: s.merge_events(event["event_id"], other, st.session_state.get(_CURATE + "merge_reason")),
            lambda _: f"Merged into '{style.plain_title(event)}'.", event["event_id"])


def _split_form(event):
    pairs = list(zip(event["mention_ids"], event["sources"]))
    if len(pairs) < 2:
        st.caption("This event has one source: there is nothing to split off.")
        return
    by_id = articles_by_id()
    labels = {mention_id: f"Source {n}: {style.source_parts(source, by_id.get(source.get('article_id')), event['origin'])[0]}"
                          f" — {(source.get('evidence') or '')[:90]}"
              for n, (mention_id, source) in enumerate(pairs, start=1)}
    with st.form("curate_split_form"):
        st.multiselect("Sources that report another encounter", list(labels), format_func=labels.get,
                       key=_CURATE + "split_off", help="they become an event of their own; at least one source stays")
        st.text_input("Reason (optional)", key=_CURATE + "split_reason")
        st.form_submit_button("Split off", key="do_split", on_click=_split, args=(event,))


def _split(event):
    chosen = st.session_state.get(_CURATE + "split_off") or []
    if not chosen:
        _notice("warning", "Choose the sources to split off.")
        return
    _change(lambda s: s.split_event(event["event_id"], chosen, st.session_state.get(_CURATE + "split_reason")),
            lambda _: f"Split {len(chosen)} source(s) off '{style.plain_title(event)}'.", event["event_id"])


def _delete_form(event):
    with st.form("curate_delete_form"):
        st.text_input("Reason (optional)", key=_CURATE + "delete_reason", placeholder="e.g. not a diplomatic encounter")
        st.form_submit_button("Delete this event", key="do_delete", on_click=_delete, args=(event,),
                              help="its sources stay in the store; undo brings the event back")


def _delete(event):
    _change(lambda s: s.delete_event(event["event_id"], st.session_state.get(_CURATE + "delete_reason")),
            lambda _: f"Deleted '{style.plain_title(event)}'.")


def _undo():
    _change(lambda s: s.undo(), lambda undone: f"Undid correction {undone}." if undone else "There is no change to undo.",
            st.query_params.get(EVENT_KEY))


def curation_forms(event_id, frame, picked=()):
    """Forms that correct the event `event_id` (edit, merge, split, delete) and an undo button.

    `frame` is the EVENTS frame the event was picked from (the merge offers its other events);
    `picked` the ids selected in the table, the second of which is offered first for a merge.
    Each change is a Store correction: the caches are cleared so every chart shows it at once.
    Errors from the store are shown with st.error.
    """
    _show_notice()
    if st.session_state.get("_curate_event") != event_id:
        _forget_forms()
        st.session_state["_curate_event"] = event_id
    event = _event_row(event_id, frame) if event_id else None
    if event_id and event is None:
        st.info("The selected event is no longer in the store.")
    if event is None:
        st.caption("Select a row to edit, merge, split or delete its event; select two to merge them.")
    else:
        st.markdown(f"Correcting **{md(style.plain_title(event) or '(untitled)')}**")
        edit, merge, split, delete = st.tabs(["Edit", "Merge", "Split", "Delete"])
        with edit:
            _edit_form(event)
        with merge:
            _merge_form(event, frame, picked)
        with split:
            _split_form(event)
        with delete:
            _delete_form(event)
    active = store().corrections().query("not undone")
    last = active.tail(1).to_dict("records")
    st.button("Undo the last change", key="do_undo", on_click=_undo, disabled=not last,
              help=f"undo correction {last[0]['correction_id']} ({last[0]['action']})" if last else "no change to undo")


def corrections_bytes(opened):
    """Every correction of the Store `opened`, as the JSON file Store.export_corrections writes."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="parley-corrections-") as folder:
        path = Path(folder) / "corrections.json"
        opened.export_corrections(path)
        return path.read_bytes()


def _import_corrections():
    import tempfile

    upload = st.session_state.get("corrections_upload")
    if upload is None:
        _notice("warning", "Choose a corrections file (.json) to import.")
        return
    with tempfile.TemporaryDirectory(prefix="parley-corrections-") as folder:
        try:  # over the size limit or an archive: refused, nothing written
            path = save_upload(upload.name, upload.getvalue(), folder)
        except ParleyError as error:
            _notice("error", str(error))
            return

        def do(opened):
            try:
                return opened.import_corrections(path)
            except ParleyError as error:  # name the upload, not the temporary copy
                raise ParleyError(str(error).replace(str(path), upload.name)) from None

        _change(do, lambda added: f"Imported {added} correction(s) from {upload.name}; ones already present were skipped.",
                st.query_params.get(EVENT_KEY))


def corrections_list():
    """The corrections made (what changed, from what, when, why, undone or not), the ones that
    no longer match an event, and export / import of the corrections file."""
    from loaders.curation import describe

    made = describe(store().corrections(), events())
    st.caption(f"{len(made):,} corrections; {int(made['undone'].sum())} undone. "
               "They are applied again after every re-ingest.")
    st.dataframe(made.iloc[::-1], hide_index=True, key="corrections_table",
                 column_config={"correction_id": st.column_config.NumberColumn("#"),
                                "at": st.column_config.DatetimeColumn("when", format="YYYY-MM-DD HH:mm")})
    for problem in store().correction_problems:
        st.warning(md(problem))
    left, right = st.columns(2)
    left.download_button("Export corrections (JSON)", data=lambda: corrections_bytes(store()), file_name="parley-corrections.json",
                         mime="application/json", key="download_corrections", on_click="ignore", disabled=made.empty)
    with right.form("corrections_import_form", clear_on_submit=True):
        st.file_uploader("Import a corrections file", type=["json"], key="corrections_upload")
        st.form_submit_button("Import corrections", key="do_import", on_click=_import_corrections)


def correct_link(event_id):
    """A link to the Events page with `event_id` selected, where it can be corrected."""
    st.page_link("pages/events.py", label="Correct this event", icon=":material/edit:",
                 query_params={**current_filters().to_query(), EVENT_KEY: event_id})
