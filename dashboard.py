"""Parley's dashboard: `streamlit run dashboard.py`.

This file holds what every page shares: the page list (st.navigation over pages/) and the
sidebar filters, which live in the URL's query string and persist from page to page. The filters
of this run are in st.session_state["filters"]; each page reads them with sidebar.current_filters().
"""
import streamlit as st

from ui import app, sidebar

# an emoji icon is drawn in the page itself; a :material/...: icon is fetched from a font CDN
st.set_page_config(page_title="Parley", page_icon="🤝", layout="wide")

PAGES = [
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", default=True),
    st.Page("pages/map.py", title="Map", icon=":material/public:"),
    st.Page("pages/network.py", title="Network", icon=":material/hub:"),
    st.Page("pages/activity.py", title="Activity", icon=":material/bar_chart:"),
    st.Page("pages/events.py", title="Events", icon=":material/table:"),
    st.Page("pages/sources.py", title="Sources & import", icon=":material/upload_file:"),
]

page = st.navigation(PAGES)
st.session_state["filters"] = sidebar.draw_filters()
app.enter_app()
page.run()
