"""Where Streamlit meets the loaders; pages import from here and from `charts`, and never open
the store themselves.

- app: starting a page inside the app, safe markdown, charts and download buttons
- data: the store, opened once, and its cached queries
- sidebar: the shared filters, kept in the URL, and the pages' own choices the URL keeps
- events: the Events table and one event in detail with its sources
- sources: the articles, the import log and the import form
- curation: correcting events, undo, and the corrections file
"""
