"""URLs -> the store: feeds, web pages and GDELT's own updates, fetched politely and kept fresh.

`fetch_urls(store, urls, client)` fetches each URL through `loaders.web.Client` (polite and
safe HTTP), tells by the content what it got, reads it, and stores what is new through the same
path as files (`Store.ingest_read`: extraction, storage, merge). What a URL can be:

- an RSS or Atom feed (`loaders.feeds`): each item's page is fetched and read as a page;
- a web page: read with trafilatura (`articles.parse_html`): headline, date, author, site name
  and main text;
- a GDELT 2.0 update list (lastupdate.txt): its event export is fetched, checked against the
  list's size and MD5, and read (`gdelt.read_zipped_export`);
- a zipped GDELT 2.0 export.

Dedup, so that nothing is downloaded or stored twice:

- every URL fetched is kept in the store's `fetched` table under its canonical URL
  (`web.canonical_url`) with its ETag, Last-Modified and the SHA-256 of its body. A URL given
  again is asked for conditionally: "304 Not Modified", or the same body as last time, is
  `unchanged`;
- a feed item (or an export of an update list) whose canonical URL is already in `fetched`,
  or is the URL of a stored article, is not requested at all: `duplicate`;
- a page's text already stored from another URL is the same `article_id` (a hash of the
  text): the store keeps it once, and the page is `duplicate`.

The report (`FetchReport`) has one `UrlReport` per URL given: `ingested`, `unchanged`,
`duplicate` or `rejected`, with the reason on one line, and the new articles and mentions.
Items of a feed that were rejected are listed in `details`.
"""
import datetime as dt
import hashlib
from dataclasses import dataclass, field

import pandas as pd

from loaders import schema
from loaders.errors import InputError, ParleyError
from loaders.web import canonical_url

OUTCOMES = ("ingested", "unchanged", "duplicate", "rejected")


@dataclass
class UrlReport:
    """What became of one URL: `outcome` (one of OUTCOMES), the one-line `reason`, its `kind`
    (feed, page, gdelt-list, gdelt-export, or None when it could not be told), the new
    `articles` and `mentions` it gave, and `details`: one line per item rejected."""
    url: str
    outcome: str
    reason: str | None = None
    kind: str | None = None
    articles: int = 0
    mentions: int = 0
    details: list = field(default_factory=list)

    def line(self):
        """'ingested: URL (feed): 3 new articles, 5 new mentions' and the like."""
        kind = f" ({self.kind})" if self.kind else ""
        reason = f": {self.reason}" if self.reason else ""
        return f"{self.outcome}: {self.url}{kind}{reason}"


@dataclass
class FetchReport:
    """The UrlReports of one fetch, in the order the URLs were given."""
    urls: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for u in self.urls if u.outcome == outcome)

    @property
    def rejected(self):
        return [u for u in self.urls if u.outcome == "rejected"]

    def summary(self):
        """One line of counts, e.g. 'ingested 1, unchanged 1, duplicate 0, rejected 0 (new articles 3, new mentions 4)'."""
        return (", ".join(f"{o} {self.count(o)}" for o in OUTCOMES)
                + f" (new articles {sum(u.articles for u in self.urls)}, "
                  f"new mentions {sum(u.mentions for u in self.urls)})")


@dataclass
class _Download:
    """One body downloaded in this run, to record in `fetched` once stored."""
    url: str
    final_url: str
    etag: str | None
    last_modified: str | None
    content_sha: str
    kind: str
    article_id: str | None = None


class _Run:
    """One fetch: what the store already knows, what this run has seen, what it read."""

    def __init__(self, store, client):
        self.store, self.client = store, client
        with store.connect(read_only=True) as con:
            self.known = {url: dict(zip(("etag", "last_modified", "content_sha", "at"), rest))
                          for url, *rest in con.execute(
                              'SELECT url, etag, last_modified, content_sha, "at" FROM fetched').fetchall()}
            self.stored_urls = {canonical_url(u) for u, in con.execute(
                "SELECT url FROM articles WHERE url IS NOT NULL").fetchall()}
        self.seen = set()   # canonical URLs fetched in this run
        self.given = set()  # canonical URLs given to this run
        self.rows, self.mentions, self.outcomes, self.downloads = [], [], [], []
        self.owner = {}  # path of a page or export read -> the URL given that led to it

    def is_known(self, url):
        """True for a URL fetched before (this run or an earlier one) or an article's address."""
        canonical = canonical_url(url)
        return canonical in self.seen or canonical in self.known or canonical in self.stored_urls

    def get(self, url, conditional=True):
        validators = self.known.get(canonical_url(url), {}) if conditional else {}
        response = self.client.get(url, validators.get("etag"), validators.get("last_modified"))
        self.seen.update((canonical_url(url), canonical_url(response.url)))
        return response, validators


def fetch_urls(store, urls, client, progress=None):
    """Fetch `urls` (feeds, pages, GDELT update lists or zipped exports) into `store`.

    `client` is a `loaders.web.Client` (its settings and `allow_private` decide what may be
    fetched); `progress(done, total, label)` is called after each URL. Returns a FetchReport,
    one UrlReport per URL. Never raises for one bad URL; raises ParleyError (StoreBusyError)
    only when the store cannot be written.
    Example: ``fetch_urls(Store("p.duckdb"), ["http://127.0.0.1:8000/feed.xml"], Client()).summary()``
    """
    run = _Run(store, client)
    reports = []
    for done, url in enumerate(urls, 1):
        try:
            reports.append(_fetch_one(run, url))
        except InputError as error:
            reports.append(UrlReport(url, "rejected", error.reason))
        except ParleyError:
            raise
        except Exception as error:  # a reader's bug must not stop the batch; it is reported
            reports.append(UrlReport(url, "rejected", f"could not be read ({type(error).__name__}: {_one_line(error)})"))
        if progress:
            progress(done, len(urls), url)
    _store(run, reports, progress)
    return FetchReport(reports)


def _fetch_one(run, url):
    from loaders.web import check_url

    check_url(url, True)  # the scheme first: a file: URL is refused before anything else
    if canonical_url(url) in run.given:
        return UrlReport(url, "duplicate", "given twice; fetched once")
    run.given.add(canonical_url(url))
    response, validators = run.get(url)
    if response.status == 304:
        return UrlReport(url, "unchanged", f"not modified since it was fetched {_when(validators)} (HTTP 304)")
    sha = hashlib.sha256(response.content).hexdigest()
    if validators.get("content_sha") == sha:
        run.downloads.append(_Download(canonical_url(url), response.url, response.etag, response.last_modified, sha, "same"))
        return UrlReport(url, "unchanged", f"the same content as when it was fetched {_when(validators)}")
    kind = sniff(response)
    download = _Download(canonical_url(url), response.url, response.etag, response.last_modified, sha, kind)
    if kind == "feed":
        report = _read_feed(run, url, response)
    elif kind == "page":
        report = _read_page(run, url, response, owner=url)
    elif kind == "gdelt-list":
        report = _read_update_list(run, url, response)
    elif kind == "gdelt-export":
        report = _read_export(run, url, response, None, owner=url)
    else:
        raise InputError(url, f"not a feed, a web page or a GDELT file ({_described(response)})")
    if kind == "page" and report.outcome == "read":
        download.article_id = run.rows[-1]["article_id"]
    if report.outcome != "rejected":
        run.downloads.append(download)
    return report


def sniff(response):
    """What a fetched body is: 'gdelt-export' (a zip), 'feed', 'gdelt-list', 'page' or None."""
    from loaders.articles import looks_like_html
    from loaders.feeds import looks_like_feed
    from loaders.gdelt import looks_like_update_list
    from loaders.registry import Sample, archive_kind

    head = response.content[:65536]
    if archive_kind(head) == "zip":
        return "gdelt-export"
    if looks_like_feed(head):
        return "feed"
    text = head.decode("utf-8", "replace")
    if looks_like_update_list(text):
        return "gdelt-list"
    from pathlib import PurePosixPath
    from urllib.parse import urlsplit
    sample = Sample(PurePosixPath(urlsplit(response.url).path or "/"), head, text, len(response.content))
    if looks_like_html(sample) or response.content_type in ("text/html", "application/xhtml+xml"):
        return "page"
    return None


# -- one kind each ----------------------------------------------------------------------------


def _read_page(run, url, response, owner, item=None):
    """Read a fetched page into run.rows (path: the canonical URL asked for); returns its UrlReport."""
    from loaders.articles import parse_html

    text, problems = page_text(response)
    path = canonical_url(url)
    row = parse_html(text, path, url=response.url)
    row["problems"] = problems + row["problems"]
    if item is not None:  # what the feed says, for what the page does not
        if not row["title"] and item.title:
            row["title"] = item.title
        if row["published"] is None and item.published is not None:
            row.update(published=item.published, published_precision="minute", published_tz="+00:00")
            row["problems"] = [p for p in row["problems"] if p != "no publication date"]
    if row["url"] and canonical_url(row["url"]) != canonical_url(response.url) and run.is_known(row["url"]):
        return UrlReport(url, "duplicate", f"its canonical URL {row['url']} was fetched or stored already", "page")
    run.seen.add(canonical_url(row["url"] or response.url))
    run.rows.append(row)
    run.outcomes.append((path, "html", 1))
    run.owner[path] = owner
    return UrlReport(url, "read", None, "page")


def page_text(response):
    """The text of a fetched page: decoded with the charset the server names, else as files are
    (BOM, UTF-8, else a guess, reported). Returns (text, problems)."""
    from loaders.registry import decode

    if response.charset:
        try:
            return response.content.decode(response.charset), []
        except (LookupError, UnicodeDecodeError):
            text, problems = decode(response.content, response.url)
            return text, [f"not {response.charset} as the server said"] + problems
    return decode(response.content, response.url)


def _read_feed(run, url, response):
    from loaders.feeds import parse_feed

    feed = parse_feed(response.content, url, response.content_type)
    items = feed.items[:run.client.settings.fetch_max_items]
    known, details, read = 0, [], 0
    for item in items:
        if run.is_known(item.link):
            known += 1
            continue
        try:
            page, _ = run.get(item.link, conditional=False)
            if sniff(page) != "page":
                raise InputError(item.link, f"not a web page ({_described(page)})")
            report = _read_page(run, item.link, page, owner=url, item=item)
            if report.outcome == "duplicate":
                known += 1
                continue
            run.downloads.append(_Download(canonical_url(item.link), page.url, page.etag, page.last_modified,
                                           hashlib.sha256(page.content).hexdigest(), "page",
                                           run.rows[-1]["article_id"]))
            read += 1
        except InputError as error:
            details.append(f"rejected item: {item.link}: {error.reason}")
    parts = [f"{len(items)} items"]
    if known:
        parts.append(f"{known} already fetched")
    if details:
        parts.append(f"{len(details)} rejected")
    if len(feed.items) > len(items):
        parts.append(f"{len(feed.items) - len(items)} beyond fetch_max_items not read")
    if feed.skipped:
        parts.append(f"{feed.skipped} without a link")
    if read:
        return UrlReport(url, "read", "; ".join(parts), "feed", details=details)
    if details:
        return UrlReport(url, "rejected", f"every new item was rejected ({'; '.join(parts)}); first: {details[0]}",
                         "feed", details=details)
    return UrlReport(url, "duplicate", "; ".join(parts), "feed")


def _read_update_list(run, url, response):
    from loaders.gdelt import update_exports

    exports = update_exports(response.content.decode("utf-8", "replace"))
    if not exports:
        raise InputError(url, "a GDELT update list without an events export (.export.CSV.zip)")
    details, read, known = [], 0, 0
    for entry in exports:
        if run.is_known(entry.url):
            known += 1
            continue
        try:
            export, _ = run.get(entry.url, conditional=False)
            _read_export(run, entry.url, export, entry, owner=url)
            run.downloads.append(_Download(canonical_url(entry.url), export.url, export.etag, export.last_modified,
                                           hashlib.sha256(export.content).hexdigest(), "gdelt-export"))
            read += 1
        except InputError as error:
            details.append(f"rejected export: {entry.url}: {error.reason}")
    if read:
        return UrlReport(url, "read", None, "gdelt-list", details=details)
    if details:
        return UrlReport(url, "rejected", details[0].split(": ", 1)[1], "gdelt-list", details=details)
    return UrlReport(url, "duplicate", f"its export{'s' if known > 1 else ''} already fetched", "gdelt-list")


def _read_export(run, url, response, entry, owner):
    from loaders.gdelt import read_zipped_export

    frame, problems = read_zipped_export(response.content, url, entry)
    run.mentions.append(frame)
    run.outcomes.append((canonical_url(url), "gdelt", len(frame), tuple(problems)))
    run.owner[canonical_url(url)] = owner
    return UrlReport(url, "read", None, "gdelt-export")


# -- storing ----------------------------------------------------------------------------------


def _store(run, reports, progress):
    """Store what the run read (one ingest), then turn each 'read' report into ingested or
    duplicate, and record the downloads in `fetched`."""
    from loaders.registry import FileOutcome, ReadResult

    if run.outcomes:
        articles = pd.DataFrame(run.rows, columns=schema.names(schema.ARTICLES)) if run.rows \
            else schema.empty(schema.ARTICLES)
        articles = schema.conform(articles, schema.ARTICLES)
        mentions = schema.conform(pd.concat(run.mentions, ignore_index=True), schema.MENTIONS) \
            if run.mentions else schema.empty(schema.MENTIONS)
        outcomes = [FileOutcome(path, "read", None, n, fmt, tuple(rest[0]) if rest else ())
                    for path, fmt, n, *rest in run.outcomes]
        ingested = run.store.ingest_read(ReadResult(articles, mentions, outcomes), progress)
        by_owner = {}
        for file in ingested.files:
            by_owner.setdefault(run.owner.get(file.path, file.path), []).append(file)
        for report in reports:
            files = by_owner.get(report.url, [])
            report.articles = sum(f.articles for f in files)
            report.mentions = sum(f.mentions for f in files)
            if report.outcome != "read":
                continue
            new = [f for f in files if f.outcome == "ingested"]
            counts = f"{report.articles} new articles, {report.mentions} new mentions"
            if new:
                report.outcome = "ingested"
                report.reason = "; ".join(filter(None, [counts, report.reason]))
            else:
                report.outcome = "duplicate"
                report.reason = "; ".join(filter(None, ["already in the store (the same text or events)",
                                                        report.reason]))
    _record(run)


def _record(run):
    if not run.downloads:
        return
    now = dt.datetime.now()
    rows = {}
    for d in run.downloads:
        rows[d.url] = d
        if canonical_url(d.final_url) != d.url:
            rows.setdefault(canonical_url(d.final_url), d)
    with run.store.transaction() as con:
        for url, d in rows.items():
            if d.kind == "same":  # the same body again: only the time it was last seen changes
                con.execute('UPDATE fetched SET "at" = ? WHERE url = ?', [now, url])
                continue
            con.execute("DELETE FROM fetched WHERE url = ?", [url])
            con.execute("INSERT INTO fetched VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [url, d.final_url, d.etag, d.last_modified, d.content_sha, d.kind, d.article_id, now])


def _when(validators):
    at = validators.get("at")
    return f"at {pd.Timestamp(at):%Y-%m-%d %H:%M}" if at is not None else "before"


def _described(response):
    return f"content type {response.content_type}" if response.content_type else "no content type"


def _one_line(text, limit=300):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
