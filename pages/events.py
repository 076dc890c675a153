"""Events: the filtered events as a sortable table; pick a row to read its sources.

Curation (issue 5 §3: edit, delete, merge, split, undo) belongs under the table, acting on the
selected rows: one row for edit, delete and split, two for merge.
"""
import streamlit as st

import ui
from charts import style

st.title("Events")
events = ui.events(ui.current_filters())
table = events.assign(
    when=[style.date_label(row) for row in events.to_dict("records")],
    venue=[style.venue_label(row) for row in events.to_dict("records")],
    participants=events["countries"].map(style.country_names),
    absentees=events["absent"].map(style.country_names),
    x=style.event_x(events),
)[["event_id", "x", "when", "title", "kind", "status", "venue", "participants", "absentees", "heads", "topics", "n_sources", "origin"]]
st.caption(f"{len(events):,} events. Select a row to read its sources.")
picked = st.dataframe(
    table, key="events_table", hide_index=True, on_select="rerun", selection_mode="multi-row",
    column_config={"event_id": None, "x": st.column_config.DatetimeColumn("date", format="YYYY-MM-DD"),
                   "when": "date (precision)", "n_sources": st.column_config.NumberColumn("sources")},
)
rows = picked.selection.rows if picked else []
ui.events_downloads(events)
event_id = ui.selected_event(table.iloc[rows[0]]["event_id"] if rows else None)
if event_id:
    ui.show_event(event_id, events)
