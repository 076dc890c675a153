"""Events: the filtered events as a sortable table; pick a row to read its sources and correct it.

Curation (issue 5 §3) sits under the table and acts on the selected event: the first selected
row, else the one named in the URL (`?event=`, so the timeline can link here). Two selected rows
offer the second for a merge.
"""
import streamlit as st

import ui
from charts import style

ui.page("Events")
events = ui.events(ui.current_filters())
table = events.assign(
    when=[style.date_label(row) for row in events.to_dict("records")],
    venue=[style.venue_label(row) for row in events.to_dict("records")],
    participants=events["countries"].map(style.country_names),
    absentees=events["absent"].map(style.country_names),
    x=style.event_x(events),
)[["event_id", "x", "when", "title", "kind", "status", "venue", "participants", "absentees", "heads", "topics", "n_sources", "origin"]]
st.caption(f"{len(events):,} events. Select a row to read its sources and correct it; select two to merge them.")
picked = st.dataframe(
    table, key=ui.events_table_key(), hide_index=True, on_select="rerun", selection_mode="multi-row",
    column_config={"event_id": None, "x": st.column_config.DatetimeColumn("date", format="YYYY-MM-DD"),
                   "when": "date (precision)", "n_sources": st.column_config.NumberColumn("sources")},
)
rows = picked.selection.rows if picked else []
ui.events_downloads(events)
chosen = [table.iloc[row]["event_id"] for row in rows if row < len(table)]
event_id = ui.selected_event(chosen[0] if chosen else None)
if event_id:
    ui.show_event(event_id, events)
st.subheader("Correct")
ui.curation_forms(event_id, events, chosen)
st.subheader("Corrections made")
ui.corrections_list()
