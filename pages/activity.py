"""Activity: events per period by country, and who meets whom as a matrix (the most active countries)."""
import streamlit as st

from charts.activity import PERIODS
from ui import app, data, sidebar

app.page("Activity")
filters = sidebar.current_filters()
period = sidebar.url_choice("Per", ["auto", *PERIODS], "per", key="activity_period", default="auto",
                            help="auto: the period that fits the span of the events shown")
# as on the timeline: decades of data open on the latest years, a date range asked for shows whole
fig = data.figure("activity", filters, period=period, recent=not (filters.start or filters.end))
app.chart(fig, key="activity_chart")
matrix = data.figure("matrix", filters)
st.subheader("Country by country")
app.chart(matrix, key="matrix_chart")
with st.expander("Download the charts"):
    app.figure_downloads(fig, "activity")
    app.figure_downloads(matrix, "matrix")
