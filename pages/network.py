"""Network: who meets whom among the filtered events."""
import streamlit as st

import ui
from charts.network import network

ui.page("Network")
events = ui.events(ui.current_filters())
st.caption(f"{len(events):,} events; a line joins two countries that took part in the same event, wider for more.")
fig = network(events)
ui.chart(fig, key="network_chart")
with st.expander("Download the chart"):
    ui.figure_downloads(fig, "network")
