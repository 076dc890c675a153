"""Feed subscriptions: the feeds a store follows, and `refresh`, which fetches them all.

The store's `subscriptions` table holds one row per feed URL: when it was added, its title,
and for the last refresh when it was checked, when it last succeeded, its last error (None
after a success) and the one-line result. Its ETag and Last-Modified are those the `fetched`
table keeps for the URL (loaders/fetch.py), so a refresh asks for it conditionally and
downloads nothing unchanged.

`subscriptions(store)` gives them as a frame, one row per feed (url, title, added,
last_checked, last_success, last_error, last_result, etag, last_modified), oldest first.
"""
import datetime as dt
import re

from loaders.errors import ParleyError
from loaders.web import canonical_url, check_url

COLUMNS = ("url", "title", "added", "last_checked", "last_success", "last_error", "last_result", "etag", "last_modified")

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def subscribe(store, url, allow_private=True):
    """Add the feed `url` to `store`'s subscriptions (kept under its canonical URL).

    `allow_private` False refuses a feed on a private or loopback address (the web app).
    Returns the canonical URL. Raises InputError for a URL that is refused, ParleyError when
    it is subscribed already.
    """
    check_url(url, allow_private)
    url = canonical_url(url)
    with store.transaction() as con:
        if con.execute("SELECT 1 FROM subscriptions WHERE url = ?", [url]).fetchall():
            raise ParleyError(f"{url}: already subscribed")
        con.execute("INSERT INTO subscriptions (url, added) VALUES (?, ?)", [url, dt.datetime.now()])
    return url


def unsubscribe(store, url):
    """Remove the feed `url`; its articles stay in the store. Raises ParleyError when `url` is
    not subscribed."""
    url = canonical_url(url)
    with store.transaction() as con:
        if not con.execute("SELECT 1 FROM subscriptions WHERE url = ?", [url]).fetchall():
            raise ParleyError(f"{url}: not subscribed; the subscriptions are {_listed(con)}")
        con.execute("DELETE FROM subscriptions WHERE url = ?", [url])


def subscriptions(store):
    """The subscribed feeds with their status (see the module docstring), oldest first."""
    with store.connect(read_only=True) as con:
        frame = con.execute(
            "SELECT s.url, s.title, s.added, s.last_checked, s.last_success, s.last_error, s.last_result, "
            "f.etag, f.last_modified FROM subscriptions s LEFT JOIN fetched f ON f.url = s.url "
            "ORDER BY s.added, s.url").df()
    return frame.reindex(columns=list(COLUMNS)).astype(object).where(frame.notna(), None)


def refresh(store, client, progress=None):
    """Fetch every subscribed feed once (loaders/fetch.fetch_urls) and record each one's status.

    Returns the FetchReport (one UrlReport per feed; an empty one when there are none).
    """
    from loaders.fetch import FetchReport, fetch_urls

    urls = list(subscriptions(store)["url"])
    if not urls:
        return FetchReport([])
    report = fetch_urls(store, urls, client, progress)
    now = dt.datetime.now()
    with store.transaction() as con:
        for line in report.urls:
            failed = line.outcome == "rejected"
            con.execute("UPDATE subscriptions SET last_checked = ?, last_result = ?, last_error = ?, "
                        "last_success = CASE WHEN ? THEN last_success ELSE ? END WHERE url = ?",
                        [now, line.line(), line.reason if failed else None, failed, now, canonical_url(line.url)])
    return report


def every_seconds(text):
    """Seconds in an interval written '15m', '90s', '2h', '1d' or a bare number of minutes.

    Raises ParleyError for anything else, or for less than a minute.
    Example: every_seconds("15m") == 900
    """
    match = _EVERY.match(str(text))
    if not match:
        raise ParleyError(f"--every {text!r}: expected a number and a unit, e.g. 15m, 2h, 1d")
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "m").lower()]
    if seconds < 60:
        raise ParleyError(f"--every {text!r}: at least 1m between refreshes, to be polite to the sites")
    return seconds


def _listed(con):
    urls = [u for u, in con.execute("SELECT url FROM subscriptions ORDER BY url").fetchall()]
    return ", ".join(urls) if urls else "none"
