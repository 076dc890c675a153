"""The Sources & import page: the articles in the store, the import log and the import form."""

import streamlit as st

from charts import style
from loaders.errors import InputError, ParleyError
from loaders.settings import SETTINGS
from loaders.uploads import save_upload
from ui import data
from ui.app import md

#: The name a pasted text is recorded under (in the articles and the import log).
PASTED_NAME = "pasted text.txt"
#: File types the upload form offers (the registry tells formats apart by content, not suffix).
UPLOAD_TYPES = ["txt", "md", "html", "htm", "json", "jsonl", "csv", "xml", "tsv"]


def articles_table(articles, counts):
    """The Sources page's table of an ARTICLES frame, newest first: title (the headline), outlet,
    published, published_precision, language, events (how many cite it, from `counts`),
    problems, and the file it came from (path) last, as a detail."""
    table = articles.assign(outlet=[style.outlet(url, name) for url, name in zip(articles["url"], articles["outlet"])],
                            events=articles["article_id"].map(counts).fillna(0).astype(int),
                            problems=articles["problems"].map("; ".join))
    table = table.sort_values("published", ascending=False, na_position="last", kind="stable")
    return table[["title", "outlet", "published", "published_precision", "language", "events", "problems", "path"]]


def ingest_log():
    """Every file offered to the store, with its outcome and reason (newest first)."""
    return data.store().ingest_log().iloc[::-1].reset_index(drop=True)


def pasted_article(text, published=None):
    """A pasted text as an article file: with a publication date, in the header format
    (' date YYYY-MM-DD Pasted', title, blank line, body) so its relative dates resolve."""
    if published is None:
        return text
    title, _, body = text.strip().partition("\n")
    return f" date {published:%Y-%m-%d} Pasted\n{title.strip()}\n\n{body.strip() or title.strip()}\n"


def import_form():
    """Upload files or paste a text; ingest them with a progress bar and report each file."""
    import tempfile

    with st.form("import_form", clear_on_submit=True):
        uploads = st.file_uploader("Article files", type=UPLOAD_TYPES, accept_multiple_files=True,
                                   help=f"up to {SETTINGS.max_upload_bytes // (1024 * 1024)} MB per file; archives are not unpacked")
        pasted = st.text_area("…or paste an article (first line: title)", height=150)
        pasted_on = st.date_input("Published on (for a pasted article; relative dates such as 'on Friday' "
                                  "are read against it)", value=None, format="YYYY-MM-DD")
        submitted = st.form_submit_button("Import")
    if not submitted:
        return
    rejected, names = [], {}  # names: file written -> the name the upload came with
    with tempfile.TemporaryDirectory(prefix="parley-upload-") as folder:
        paths = []
        # the uploads themselves, not copies of their bytes: save_upload checks each one's size first
        offered = [(upload.name, upload) for upload in uploads or []]
        if pasted.strip():
            offered.append((PASTED_NAME, pasted_article(pasted, pasted_on).encode("utf-8")))
        for name, content in offered:
            try:
                path = save_upload(name, content, folder)
            except InputError as error:  # over the size limit, or an archive: nothing written
                rejected.append((name, error.reason))
                continue
            names[path.name] = name
            paths.append(path)
        if not paths and not rejected:
            st.warning("Nothing to import: choose files or paste a text.")
            return
        report = None
        if paths:
            bar = st.progress(0.0, text="Reading…")
            try:
                report = data.store().ingest(paths, names={path: names[path.name] for path in paths},
                                        progress=lambda done, total, label: bar.progress(
                                            min(done / max(total, 1), 1.0), text=f"{label} ({done}/{total})"))
            except ParleyError as error:
                st.error(md(error))
                return
            finally:
                bar.empty()
            data.data_changed()
    files = report.files if report is not None else []
    rejected += [(file.path, file.reason) for file in files if file.outcome == "rejected"]
    if any(file.outcome != "rejected" for file in files):
        st.success(f"Import done: {md(report.summary())}")
    else:  # a green 'done' would hide that nothing came in
        st.error("Nothing was imported: every file was rejected.")
    for name, reason in rejected:
        st.error(f"Rejected {md(name)}: {md(reason)}")


# -- feeds --------------------------------------------------------------------------------------

#: The environment variable that lets the app fetch feeds on private or loopback addresses (the
#: browser test serves its feeds on 127.0.0.1); settings.web_allow_private_addresses otherwise.
ALLOW_PRIVATE_ENV = "PARLEY_ALLOW_PRIVATE_FEEDS"
#: The columns of the feeds' status table, in order.
FEED_COLUMNS = ["url", "last_checked", "last_success", "last_error", "last_result", "etag", "added"]


def allow_private_feeds():
    """Whether this app may fetch feeds on private or loopback addresses (off by default)."""
    import os

    return os.environ.get(ALLOW_PRIVATE_ENV, "").lower() in ("1", "true", "yes") or SETTINGS.web_allow_private_addresses


def feeds_panel():
    """Add a feed, refresh them all now, remove one, and each feed's status."""
    from loaders import subscriptions

    store = data.store()
    with st.form("add_feed_form", clear_on_submit=True):
        url = st.text_input("Feed URL (RSS or Atom)", placeholder="https://example.org/world/rss.xml")
        added = st.form_submit_button("Add feed")
    if added and url.strip():
        try:
            st.success(f"Subscribed to {md(subscriptions.subscribe(store, url.strip(), allow_private_feeds()))}")
        except ParleyError as error:
            st.error(md(error))
    feeds = subscriptions.subscriptions(store)
    refresh_column, remove_column = st.columns(2)
    if refresh_column.button("Refresh now", key="refresh_feeds", disabled=feeds.empty):
        _refresh(store)
        feeds = subscriptions.subscriptions(store)
    with remove_column:
        doomed = st.selectbox("Feed to remove", list(feeds["url"]), index=None, key="feed_to_remove",
                              placeholder="choose a feed")
        if st.button("Remove feed", key="remove_feed", disabled=doomed is None):
            try:
                subscriptions.unsubscribe(store, doomed)
                st.success(f"Removed {md(doomed)}; its articles stay in the store.")
            except ParleyError as error:
                st.error(md(error))
            feeds = subscriptions.subscriptions(store)
    if feeds.empty:
        st.caption("No feeds yet: add one above, then refresh.")
        return
    st.dataframe(feeds[FEED_COLUMNS], hide_index=True, key="feeds_table",
                 column_config={"url": "feed", "last_result": "last result"})


def _refresh(store):
    from loaders import subscriptions
    from loaders.web import Client

    with st.spinner("Fetching the feeds…"):
        try:
            with Client(SETTINGS, allow_private=allow_private_feeds()) as client:
                report = subscriptions.refresh(store, client)
        except ParleyError as error:
            st.error(md(error))
            return
    data.data_changed()
    for line in report.urls:
        (st.error if line.outcome == "rejected" else st.success)(md(line.line()))
        for detail in line.details:
            st.warning(md(detail))
