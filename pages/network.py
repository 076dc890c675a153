"""Network: who meets whom among the filtered events."""
import streamlit as st

from ui import app, data, sidebar

app.page("Network")
filters = sidebar.current_filters()
st.caption(f"{data.count(filters):,} events; a line joins two countries that took part in the same event, wider for more.")
fig = data.figure("network", filters)
app.chart(fig, key="network_chart")
with st.expander("Download the chart"):
    app.figure_downloads(fig, "network")
