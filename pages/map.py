"""Map: where the filtered events took place."""
import streamlit as st

import ui
from charts.map import venue_map

st.title("Map")
events = ui.events(ui.current_filters())
st.caption(f"{len(events):,} events; markers at the venue country, sized by count.")
fig = venue_map(events)
ui.chart(fig, key="map_chart")
with st.expander("Download the chart"):
    ui.figure_downloads(fig, "map")
