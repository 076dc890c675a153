"""Activity: events per week or month by country, and who meets whom as a matrix."""
import streamlit as st

import ui
from charts.activity import activity, country_matrix

ui.page("Activity")
events = ui.events(ui.current_filters())
period = st.segmented_control("Per", ["week", "month"], default="month", key="activity_period") or "month"
fig = activity(events, period=period)
ui.chart(fig, key="activity_chart")
matrix = country_matrix(events)
st.subheader("Country by country")
ui.chart(matrix, key="matrix_chart")
with st.expander("Download the charts"):
    ui.figure_downloads(fig, "activity")
    ui.figure_downloads(matrix, "matrix")
