"""Map: where the filtered events took place."""
import streamlit as st

from ui import app, data, sidebar

app.page("Map")
filters = sidebar.current_filters()
st.caption(f"{data.count(filters):,} events; one marker per venue city (at the country's centre where no city is "
           "located), its area by number of events, its colour the most frequent kind.")
fig = data.figure("map", filters)
app.chart(fig, key="map_chart")
with st.expander("Download the chart"):
    app.figure_downloads(fig, "map")
