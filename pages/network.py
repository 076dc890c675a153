"""Network: who meets whom among the filtered events."""
import streamlit as st

from charts.network import network
from ui import app, data, sidebar

app.page("Network")
events = data.events(sidebar.current_filters())
st.caption(f"{len(events):,} events; a line joins two countries that took part in the same event, wider for more.")
fig = network(events)
app.chart(fig, key="network_chart")
with st.expander("Download the chart"):
    app.figure_downloads(fig, "network")
