"""The Events page's table and one event in detail: its fields and every source, named by
headline, outlet and date, with the evidence highlighted."""
import pandas as pd
import streamlit as st

from charts import style
from charts.evidence import evidence_html
from ui import data
from ui.sidebar import EVENT_KEY, current_filters


def events_table(events):
    """The Events page's table of an EVENTS frame, newest first (an undated event at its report
    date): event_id, date (ISO text at its precision, '2025-05' for a month; empty when undated), when (as it reads,
    'undated, reported …' included), title (plain_title), kind, status, venue, participants,
    absentees, heads, topics, n_sources, origin."""
    records = events.to_dict("records")
    table = events.assign(
        date=[_iso_day(row) for row in records],
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


#: The ISO text of an event's date at its precision.
_ISO_AT = {"month": "%Y-%m", "year": "%Y"}


def _iso_day(row):
    if row["date"] is None or pd.isna(row["date"]):
        return ""
    return pd.Timestamp(row["date"]).strftime(_ISO_AT.get(row.get("date_precision"), "%Y-%m-%d"))


def selected_event(clicked=None):
    """The event_id to show in detail: a fresh click, else the one named in the URL."""
    if clicked:
        st.query_params[EVENT_KEY] = clicked
        return clicked
    return st.query_params.get(EVENT_KEY)


def show_event(event_id, row):
    """Show one event: its fields and every source with the evidence sentence highlighted and
    the date phrase marked. `row` is the event (a dict, as data.event reads it when clicked),
    or None when the filters leave it out."""
    if row is None:
        st.info("The selected event is not among the filtered events.")
        return
    by_id = data.articles_by_id()
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


def correct_link(event_id):
    """A link to the Events page with `event_id` selected, where it can be corrected."""
    st.page_link("pages/events.py", label="Correct this event", icon=":material/edit:",
                 query_params={**current_filters().to_query(), EVENT_KEY: event_id})
