"""Events: the filtered events as a sortable table; pick a row to read its sources and correct it.

Curation (issue 5 §3) sits under the table and acts on the selected event: the first selected
row, else the one named in the URL (`?event=`, so the timeline can link here). Two selected rows
offer the second for a merge.
"""
import streamlit as st

from ui import app, curation, data, sidebar
from ui import events as event_view

app.page("Events")
filters = sidebar.current_filters()
events, total = data.events(filters), data.count(filters)
table = event_view.events_table(events)
shown = f" (the newest {len(events):,} here; the downloads hold them all)" if total > len(events) else ""
st.caption(f"{total:,} events, newest first (undated ones at their report date){shown}. "
           "Select a row to read its sources and correct it; select two to merge them.")
picked = st.dataframe(
    table, key=curation.events_table_key(), hide_index=True, on_select="rerun", selection_mode="multi-row",
    column_config={"event_id": None, "date": st.column_config.TextColumn("date", help="empty when undated"),
                   "when": "when (precision)", "n_sources": st.column_config.NumberColumn("sources")},
)
rows = picked.selection.rows if picked else []
app.events_downloads(events if total == len(events) else (lambda: data.events(filters, limit=None)))
chosen = [table.iloc[row]["event_id"] for row in rows if row < len(table)]
event_id = event_view.selected_event(chosen[0] if chosen else None)
if event_id:
    event_view.show_event(event_id, data.event(event_id, filters))
st.subheader("Correct")
curation.curation_forms(event_id, events, chosen)
st.subheader("Corrections made")
curation.corrections_list()
