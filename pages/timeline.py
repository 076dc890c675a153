"""Timeline: every filtered event on a time axis; click one to read its sources."""
import streamlit as st

from charts.timeline import caption
from ui import app, data, sidebar
from ui import events as event_view

app.page("Timeline")
filters = sidebar.current_filters()
lanes = sidebar.url_choice("Lanes", ["pair", "topic"], "lanes", key="timeline_lanes", default="pair",
                           format_func={"pair": "country pair", "topic": "topic"}.get)
# a date range asked for is shown whole; otherwise decades of data open on the latest years
fig = data.figure("timeline", filters, lanes=lanes, recent=not (filters.start or filters.end))
st.caption(f"{data.count(filters):,} events. Click a point to read its sources. Hollow: planned; crossed: cancelled; "
           f"diamond: undated, drawn at its report date. {caption(fig)}")
clicked = app.chart(fig, key="timeline_chart", selectable=True)
with st.expander("Download the chart or the events"):
    app.figure_downloads(fig, "timeline")
    app.events_downloads(lambda: data.events(filters, limit=None))
event_id = event_view.selected_event(clicked)
if event_id:
    event_view.show_event(event_id, data.event(event_id, filters))
    event_view.correct_link(event_id)
