"""Sources & import: the articles in the store, what was read from each, an upload form and the feeds."""
import streamlit as st

from ui import app, data, sources

app.page("Sources & import")
st.subheader("Import articles")
sources.import_form()
st.subheader("Feeds")
sources.feeds_panel()
st.subheader("Articles in the store")
articles = data.articles()
counts = data.store().events_per_article()
table = sources.articles_table(articles, counts)
st.caption(f"{len(articles):,} articles; {int((table['events'] == 0).sum())} gave no event.")
st.dataframe(table, hide_index=True, key="articles_table",
             column_config={"title": "headline", "path": "file", "published": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")})
st.subheader("Every file offered to the store")
st.dataframe(sources.ingest_log(), hide_index=True, key="ingest_log_table")
