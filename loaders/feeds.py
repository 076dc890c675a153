"""RSS and Atom feeds -> their items, read with feedparser.

A feed is told by its content: an XML document whose root element is ``<rss>``, ``<feed>``
(Atom) or ``<rdf:RDF>`` (RSS 1.0). `parse_feed` returns a `Feed`: its title and one `FeedItem`
per entry with a link (the page to fetch), its title and publication date (kept for a page
that does not give its own). A feed that is not well-formed XML is refused, not guessed at:
what a broken feed still seems to hold is not to be trusted.

Nothing here touches the network: the caller fetches the feed and its pages (loaders/fetch.py).
"""
import calendar
import datetime as dt
import re
from dataclasses import dataclass

import feedparser

from loaders.errors import InputError

#: The root of a feed, after an optional BOM, XML declaration, comments and processing instructions.
_FEED_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"
                        rb"<(?:rss|feed|(?:[\w-]+:)?RDF)\b", re.DOTALL | re.IGNORECASE)
#: feedparser's complaints that do not make a feed malformed: an encoding declared one way and
#: served another, a feed served as text/plain.
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the `link` of its page, its `title` and `published` (a naive UTC
    datetime, or None) as the feed gives them."""
    link: str
    title: str | None
    published: dt.datetime | None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its `title`, its `kind` ('rss20', 'atom10', ... as feedparser names it)
    and its `items` in the feed's order; `skipped` counts entries without a link."""
    title: str | None
    kind: str
    items: tuple
    skipped: int = 0


def looks_like_feed(content):
    """True when the bytes `content` start like an RSS or Atom document."""
    return bool(_FEED_ROOT.match(content[:4096]))


def parse_feed(content, url, content_type=None):
    """Parse the bytes of a feed fetched from `url`.

    Returns a Feed. Raises InputError(url, reason) for a feed that is not well-formed XML or
    holds no entries.
    Example: parse_feed(b"<rss version='2.0'><channel><item><link>https://a.example/1</link>"
    b"</item></channel></rss>", "https://a.example/feed").items[0].link == "https://a.example/1"
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(content, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and type(problem).__name__ not in _HARMLESS:
        raise InputError(url, f"malformed feed: {_describe(problem)}")
    if not parsed.get("version"):
        raise InputError(url, "not an RSS or Atom feed")
    items, skipped = [], 0
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link:
            skipped += 1
            continue
        items.append(FeedItem(link, _one_line(entry.get("title")), _published(entry)))
    if not items and not skipped:
        raise InputError(url, "the feed holds no items")
    return Feed(_one_line(parsed.feed.get("title")), parsed.version, tuple(items), skipped)


def _published(entry):
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    return dt.datetime(1970, 1, 1) + dt.timedelta(seconds=calendar.timegm(moment))


def _describe(problem):
    text = getattr(problem, "getMessage", lambda: str(problem))()
    line = getattr(problem, "getLineNumber", lambda: None)()
    return _one_line(f"{text} at line {line}" if line else text) or type(problem).__name__


def _one_line(text, limit=300):
    if not text:
        return None
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
