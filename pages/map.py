"""Map: where the filtered events took place."""
import streamlit as st

import ui
from charts.map import venue_map

ui.page("Map")
events = ui.events(ui.current_filters())
st.caption(f"{len(events):,} events; one marker per venue city (at the country's centre where no city is "
           "located), its area by number of events, its colour the most frequent kind.")
fig = venue_map(events)
ui.chart(fig, key="map_chart")
with st.expander("Download the chart"):
    ui.figure_downloads(fig, "map")
