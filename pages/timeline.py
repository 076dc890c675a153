"""Timeline: every filtered event on a time axis; click one to read its sources."""
import streamlit as st

import ui
from charts.timeline import caption, timeline

ui.page("Timeline")
filters = ui.current_filters()
lanes = ui.url_choice("Lanes", ["pair", "topic"], "lanes", key="timeline_lanes", default="pair",
                      format_func={"pair": "country pair", "topic": "topic"}.get)
events = ui.events(filters)
# a date range asked for is shown whole; otherwise decades of data open on the latest years
fig = timeline(events, lanes=lanes, recent=not (filters.start or filters.end))
st.caption(f"{len(events):,} events. Click a point to read its sources. Hollow: planned; crossed: cancelled; "
           f"diamond: undated, drawn at its report date. {caption(fig)}")
clicked = ui.chart(fig, key="timeline_chart", selectable=True)
with st.expander("Download the chart or the events"):
    ui.figure_downloads(fig, "timeline")
    ui.events_downloads(events)
event_id = ui.selected_event(clicked)
if event_id:
    ui.show_event(event_id, events)
    ui.correct_link(event_id)
