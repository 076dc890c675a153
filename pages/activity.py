"""Activity: events per period by country, and who meets whom as a matrix (the most active countries)."""
import streamlit as st

import ui
from charts.activity import PERIODS, activity, country_matrix

ui.page("Activity")
filters = ui.current_filters()
events = ui.events(filters)
period = ui.url_choice("Per", ["auto", *PERIODS], "per", key="activity_period", default="auto",
                       help="auto: the period that fits the span of the events shown")
# as on the timeline: decades of data open on the latest years, a date range asked for shows whole
fig = activity(events, period=period, recent=not (filters.start or filters.end))
ui.chart(fig, key="activity_chart")
matrix = country_matrix(events)
st.subheader("Country by country")
ui.chart(matrix, key="matrix_chart")
with st.expander("Download the charts"):
    ui.figure_downloads(fig, "activity")
    ui.figure_downloads(matrix, "matrix")
