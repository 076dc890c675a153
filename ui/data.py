"""The store as the app sees it: opened once per process, queried through Streamlit's caches.

The store file is settings.db_path, or the file named by the PARLEY_DB environment variable (tests
and the browser test point the app at a temporary store this way).
"""
import os
from pathlib import Path

import streamlit as st

from charts import style
from loaders.errors import ParleyError
from loaders.filters import Filters
from loaders.settings import SETTINGS

CACHE_SECONDS = 60

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


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False, max_entries=64)
def _events(path, filters, limit):
    return _open_store(path).newest_events(filters, limit)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False, max_entries=64)
def _count(path, filters):
    return _open_store(path).count(filters)


# A view's figure is a few hundred kilobytes at most, whatever the number of events: that is what
# is cached, never a frame of the events.
@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False, max_entries=64)
def _figure(path, view, filters, options):
    import plotly.io as pio

    from charts.views import VIEWS
    fig = VIEWS[view](_open_store(path).source(filters), **dict(options))
    # rebuilt from its JSON: a figure so made gives the same spec once unpickled from the cache,
    # and st.plotly_chart keys a chart's selection by its spec (a click would be lost otherwise)
    return pio.from_json(fig.to_json())


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _articles(path):
    return _open_store(path).articles()


def _guarded(read, *args):
    store()
    try:
        return read(str(store_path()), *args)
    except ParleyError as error:
        st.error(str(error))
        st.stop()


def events(filters=None, limit=SETTINGS.events_table_rows):
    """The newest `limit` events `filters` keep (an EVENTS frame, newest first; cached per store,
    filter and limit); limit=None reads them all (for a download, on click)."""
    return _guarded(_events, filters or Filters(), limit)


def count(filters=None):
    """How many events `filters` keep (cached)."""
    return _guarded(_count, filters or Filters())


def figure(view, filters=None, **options):
    """The figure of `view` (a name in charts.views.VIEWS) over the events `filters` keep, its
    aggregates computed in the store (cached per store, view, filter and options)."""
    return _guarded(_figure, view, filters or Filters(), tuple(sorted(options.items())))


def event(event_id, filters=None):
    """The event `event_id` with its sources (a dict), or None when `filters` leave it out or it
    is gone; read from the store when it is opened, not cached."""
    store()
    return store().event(event_id, filters)


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
    found = _open_store(path).facets()
    return dict(
        countries=sorted(found["countries"], key=style.country_name), topics=found["topics"],
        kinds=sorted(set(found["kinds"]) | set(style.KINDS)), statuses=["held", "planned", "cancelled"],
        sources=found["origins"], structured=found["structured"], news=found["news"],
        first=found["first"], last=found["last"],
    )


def facets():
    """What the sidebar offers: countries, topics, kinds, statuses, sources (origins), how many
    events are structured and news, and the first and last day of the store's events (cached)."""
    store()
    return _facets(str(store_path()))
