"""The shared sidebar filters, kept in the URL's query string, and the pages' own choices that
the URL keeps too (url_choice)."""
import re
from datetime import date

import pandas as pd
import streamlit as st

from charts import style
from loaders.errors import ParleyError
from loaders.filters import NEWS_VALUES, Filters
from loaders.settings import SETTINGS
from ui import data
from ui.app import md

#: Query-string key of the event shown in detail (so a shared link opens on it).
EVENT_KEY = "event"
#: Query-string keys of the pages' own choices (url_choice), kept when the sidebar rewrites the URL.
PAGE_CHOICES = ("lanes", "per")
_WIDGET = "filter_"  # prefix of the sidebar widgets' session-state keys
#: The Filters fields the sidebar's widgets hold, one widget each.
_FIELDS = ("countries", "match", "topics", "kinds", "statuses", "start", "end", "text", "sources", "absent", "news_only")


def _query_mapping():
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _with_unknown(options, chosen):
    """Keep values from a shared link in the options even when this store lacks them."""
    return list(options) + [value for value in chosen if value not in options]


def draw_filters():
    """Draw the shared filters in the sidebar and return the Filters they make.

    On a session's first run the widgets take their values from the URL's query string; on every
    run the query string is rewritten from the widgets, so a view can be bookmarked and shared.
    """
    facets = data.facets()
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


def current_filters():
    """The filters the sidebar set on this run (dashboard.py puts them in session state)."""
    return st.session_state.get("filters", Filters())
