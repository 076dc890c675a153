"""Map: where the filtered events took place."""
import streamlit as st

from charts.map import venue_map
from ui import app, data, sidebar

app.page("Map")
events = data.events(sidebar.current_filters())
st.caption(f"{len(events):,} events; one marker per venue city (at the country's centre where no city is "
           "located), its area by number of events, its colour the most frequent kind.")
fig = venue_map(events)
app.chart(fig, key="map_chart")
with st.expander("Download the chart"):
    app.figure_downloads(fig, "map")
