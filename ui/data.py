"""The store as the app sees it: opened once per process, queried through Streamlit's caches.

The store file is settings.db_path, or the file named by the PARLEY_DB environment variable (tests
and the browser test point the app at a temporary store this way).
"""
import os
from pathlib import Path

import streamlit as st

from charts import style
from loaders.errors import ParleyError
from loaders.filters import STRUCTURED_ORIGINS, Filters
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


def facets():
    """What the sidebar offers: countries, topics, kinds, statuses, sources (origins), how many
    events are structured and news, and the first and last day of the store's events (cached)."""
    store()
    return _facets(str(store_path()))
