"""Article loaders: one file (or one record of a collection) -> one row of `schema.ARTICLES`.

Each row is one news article: `article_id`, `path`, `title`, `published` (local wall-clock
time, NaT when unknown), `published_precision` (minute | day | month | year | unknown),
`published_tz` ('+HH:MM' or None), `byline`, `language`, `url`, `text` (the body; mention
offsets index into it), `problems` (what went wrong but did not stop the read) and `outlet`
(the publisher's name where the source gives one).

Formats, registered in `loaders.registry` (content decides, the suffix only where it cannot):

- ``header-text``: the shape of the seed and devset files::

      " date 2025-02-28 All Sections"     <- line 1: the publication date (and a section)
      "US Department of State shares ..." <- the title
      ""
      "Ivanna Kostina, Iryna BalachukFriday, 28 February 2025, 08:53"   <- optional byline
      "Stock photo: amacad.org"            <- the body starts here

  `published` is the header date, with the byline's time where it has one (precision minute).
- ``html``: read with trafilatura (`parse_html`): the main text without navigation, adverts,
  boxes of links, comments or footers; the headline, author, site name (`outlet`) and, through
  htmldate, the publication date. Pages fetched from the web (loaders/fetch.py) are read the
  same way.
- ``json`` / ``csv``: collections, one article per record ('FILE#N').
- ``plain-text``: .txt / .md without a header: title = first non-empty line, date from a
  dateline or date line near the top, else unknown with the problem "no publication date".

A byline is recognised (`BYLINE_RULES`) as the first non-empty line after the title when it is
at most BYLINE_MAX_CHARS long and either ends in a date with a four-digit year (optionally a
weekday before it and a time after it) that follows nothing, a separator or a capitalised word
(names; "Staff reporter, ", "...Iryna BalachukFriday"), or starts with "By " and a capitalised
name. A line of names alone is not taken as a byline: nothing tells it from a short first
paragraph.

All date parsing goes through `loaders.dates.parse_published`; this module never calls
dateparser.
"""
import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import re

import pandas as pd

from loaders import schema
from loaders.errors import InputError
from loaders.registry import decode, read_text, register_format
from loaders.settings import SETTINGS

#: Longest title kept, in characters; longer ones are cut and the cut is reported.
MAX_TITLE_CHARS = 1000
#: Longest line taken as a byline.
BYLINE_MAX_CHARS = 160
#: How many non-empty lines after the title a plain text's publication date is looked for in,
#: and how much of each line is looked at.
DATE_LINES = 5
DATE_LINE_CHARS = 200

HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?P<section>.*)$")

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = r"(?P<weekday>Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY_MONTH_YEAR = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
_MONTH_DAY_YEAR = rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_TIME = r"(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?"

#: The byline rules, as data: (name, pattern). A short line matching any of them is a byline.
BYLINE_RULES = (
    # "Staff reporter, Tuesday, August 22, 2023, 13:30 JST"; "...BalachukFriday, 28 February 2025, 08:53"
    ("ends in a dated line", re.compile(
        rf"(?P<date>(?:{_WEEKDAY},?\s*)?(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO_DATE})(?:,?\s*{_TIME})?)\s*$",
        re.IGNORECASE)),
    # "By Jane Doe and John Roe"
    ("starts with By and a name", re.compile(r"^By\s+[A-Z][\w'.-]+")),
)

#: Field names of collection records (matched case-insensitively), first match wins.
FIELDS = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "datepublished", "pubdate", "publication_date"),
    "url": ("url", "link"),
    "byline": ("byline", "author", "authors"),
    "outlet": ("outlet", "site_name", "sitename", "publisher"),
    "language": ("language", "lang"),
}

_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")


# -- rows ---------------------------------------------------------------------------------


def article_id(text):
    """sha256 of `text` with whitespace collapsed (case kept), first 16 hex digits."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _published(value=None, precision="unknown", tz=None):
    return {"published": value, "published_precision": precision if value is not None else "unknown",
            "published_tz": tz if value is not None else None}


def _row(path, text, title=None, byline=None, language=None, url=None, published=None, problems=(), outlet=None):
    """One ARTICLES row as a dict; cuts overlong text and titles and reports the cuts."""
    problems = list(problems)
    text = text.strip("\n")
    if not text.strip():
        raise InputError(path, "no body text")
    if len(text) > SETTINGS.max_text_chars:
        problems.append(f"text cut from {len(text):,} to {SETTINGS.max_text_chars:,} characters (max_text_chars)")
        text = text[:SETTINGS.max_text_chars]
    title = " ".join(title.split()) if title else None
    if title and len(title) > MAX_TITLE_CHARS:
        problems.append(f"title cut from {len(title):,} to {MAX_TITLE_CHARS:,} characters")
        title = title[:MAX_TITLE_CHARS]
    published = dict(published or _published())
    if published["published"] is None:
        problems.append("no publication date")
    return {
        "article_id": article_id(text),
        "path": str(path),
        "title": title or None,
        **published,
        "byline": byline or None,
        "language": _language(language),
        "url": url or None,
        "text": text,
        "problems": problems,
        "outlet": " ".join(outlet.split()) if outlet else None,
    }


def _language(declared):
    """'en-GB' -> 'en'; a missing or unreadable declaration gives settings.default_language."""
    code = re.split(r"[-_\s]", (declared or "").strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else SETTINGS.default_language


def _frame(rows):
    frame = pd.DataFrame(rows, columns=schema.names(schema.ARTICLES)) if rows else schema.empty(schema.ARTICLES)
    return schema.check(schema.conform(frame, schema.ARTICLES), schema.ARTICLES, "articles")


def _parse(text, problems, what):
    """parse_published(text) as row fields; a date outside the accepted years is a problem.

    Returns the `published`, `published_precision`, `published_tz` fields (value None when
    there is no usable date).
    """
    from loaders.dates import (
        parse_published,  # the dates module owns all dateparser use
    )

    text = text[:DATE_LINE_CHARS]
    try:
        found = parse_published(text)
    except (ValueError, OverflowError) as error:  # dateparser's, on odd text: a missing date, not a failed file
        problems.append(f"{what} {_quote(text)} could not be read as a date ({type(error).__name__})")
        return _published()
    if found.value is None:
        return _published()
    value = found.value
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not SETTINGS.min_year <= value.year <= SETTINGS.max_year:
        problems.append(f"{what} {_quote(text)} gives the year {value.year}, outside "
                        f"{SETTINGS.min_year}-{SETTINGS.max_year}; treated as unknown")
        return _published()
    return _published(value.replace(tzinfo=None), found.precision, found.tz or _offset(value))


def _offset(value):
    """'+02:00' for an aware datetime, else None."""
    offset = value.utcoffset() if value.tzinfo else None
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _quote(text, limit=60):
    text = " ".join(str(text).split())
    return repr(text if len(text) <= limit else text[:limit - 1] + "…")


# -- bylines ------------------------------------------------------------------------------


def byline_match(line):
    """The match of the first BYLINE_RULES pattern the line satisfies, or None.

    Example: byline_match("Staff reporter, Friday, 7 July 2023, 15:27").group("date")
    == "Friday, 7 July 2023, 15:27"
    """
    line = line.strip()
    if not line or len(line) > BYLINE_MAX_CHARS:
        return None
    for _, pattern in BYLINE_RULES:
        match = pattern.search(line)
        if match and _byline_prefix(line[:match.start("date")] if "date" in match.groupdict() else ""):
            return match
    return None


def _byline_prefix(prefix):
    """Whether the words before a byline's date can be names: nothing, a separator (',' '|'
    '-'), or a capitalised word ('...Iryna BalachukFriday'). 'Leaders will meet on 1 March
    2024' is a sentence, not a byline."""
    prefix = prefix.rstrip()
    return not prefix or prefix[-1] in ",|-–—·" or bool(re.search(r"(?:^|\s)[A-Z][\w'.-]*$", prefix))


def _split_byline(lines):
    """(byline, index of the first body line) for `lines` starting after the title."""
    index = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if index < len(lines) and byline_match(lines[index]):
        return lines[index].strip(), index + 1
    return None, index


def _byline_date(byline, problems):
    """Published fields from a byline's date, or None when it has none."""
    match = byline_match(byline) if byline else None
    if not match or "date" not in match.groupdict() or not match.group("date"):
        return None, None
    fields = _parse(match.group("date"), problems, "byline date")
    return fields, match.group("weekday")


def _weekday_name(abbreviation):
    return next(w for w in _WEEKDAYS if w.lower().startswith(abbreviation.lower()[:3]))


# -- header text --------------------------------------------------------------------------


def looks_like_header(sample):
    return bool(sample.text is not None and HEADER.match(sample.text.split("\n", 1)[0]))


def parse_header_text(text, path):
    """One ARTICLES row dict from a text in the header shape (see the module docstring).

    Raises InputError when line 1 is not a header or there is no body.
    """
    lines = text.split("\n")
    header = HEADER.match(lines[0])
    if not header:
        raise InputError(path, f"line 1 is not a ' date YYYY-MM-DD <section>' header: {_quote(lines[0])}")
    problems = []
    title = lines[1].strip() if len(lines) > 1 else ""
    if not title:
        problems.append("no title on line 2")
    if len(lines) > 2 and lines[2].strip():
        problems.append("line 3 is not blank")
    byline, body_start = _split_byline(lines[2:])
    body = "\n".join(lines[2 + body_start:])
    if not body.strip():
        raise InputError(path, "no body text")
    published = _parse(header.group("date"), problems, "header date")
    if published["published"] is None:
        problems.append(_header_date_problem(header.group("date")))
    bylined, weekday = _byline_date(byline, problems)
    if bylined and bylined["published"] is not None:
        header_day = published["published"].date() if published["published"] is not None else None
        byline_day = bylined["published"].date()
        if header_day is None:
            published = bylined
        else:
            if byline_day != header_day:
                problems.append(f"byline date {byline_day} differs from the header date {header_day}; header kept")
            if bylined["published_precision"] == "minute":
                published = _published(dt.datetime.combine(header_day, bylined["published"].time()),
                                        "minute", bylined["published_tz"])
    if weekday and published["published"] is not None:
        stated, actual = _weekday_name(weekday), published["published"].strftime("%A")
        if stated != actual:
            problems.append(f"byline weekday {stated} disagrees with the date "
                            f"{published['published'].date()} (a {actual})")
    return _row(path, body, title=title, byline=byline, published=published, problems=problems)


def _header_date_problem(iso):
    """Why the header's YYYY-MM-DD gave no date: not a calendar day, or a year out of range."""
    try:
        year = dt.date.fromisoformat(iso).year
    except ValueError:
        return f"header date {iso!r} is not a valid date"
    return (f"header date {iso!r} has the year {year}, outside {SETTINGS.min_year}-{SETTINGS.max_year}; "
            f"treated as unknown")


@register_format("header-text", sniff=looks_like_header, suffixes=(".txt", ".md", ""), priority=20)
def read_header_text(path):
    """Read a header-shaped article file: one row (see `parse_header_text`).

    Returns (ARTICLES frame, file problems). Raises InputError for a file it cannot read.
    Example: read_header_text(Path("../shared/data/seed/000_76c8171fdb820c38.txt"))
    """
    text, problems = read_text(path)
    row = parse_header_text(text, path)
    row["problems"] = problems + row["problems"]
    return _frame([row]), []


# -- plain text / markdown ----------------------------------------------------------------

PLAIN_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")


def looks_like_plain(sample):
    return sample.text is not None and sample.suffix in PLAIN_SUFFIXES


def parse_plain_text(text, path):
    """One ARTICLES row dict from a plain or markdown text without a header.

    Title: the first non-empty line ('#' marks stripped). Byline: the next non-empty line when
    it is one (BYLINE_RULES). Publication date: the byline's, else the first of the next
    DATE_LINES lines (title included) holding a date with a four-digit year at day or minute
    precision (a month or a year in a body sentence is no publication date). Otherwise unknown
    with the problem "no publication date". Raises InputError when there is no text.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError(path, "no text")
    title = re.sub(r"^\s*#+\s*", "", lines[first]).strip()
    byline, body_start = _split_byline(lines[first + 1:])
    body = "\n".join(lines[first + 1 + body_start:])
    if not body.strip():
        body = lines[first].strip()  # a one-line text is its own body
    problems = []
    published, _ = _byline_date(byline, problems)
    if published is None or published["published"] is None:
        published = _published()
        candidates = [line for line in lines[first:] if line.strip()][:DATE_LINES + 1]
        for line in candidates:
            head = line.strip()[:DATE_LINE_CHARS]
            if not _YEAR.search(head):
                continue
            found = _parse(head, problems, "date line")
            if found["published"] is not None and found["published_precision"] in ("minute", "day"):
                published = found
                break
    return _row(path, body, title=title, byline=byline, published=published, problems=problems)


@register_format("plain-text", sniff=looks_like_plain, suffixes=PLAIN_SUFFIXES, priority=-10)
def read_plain_text(path):
    """Read a .txt / .md article without a header: one row (see `parse_plain_text`).

    Returns (ARTICLES frame, file problems). Raises InputError for a file it cannot read.
    """
    text, problems = read_text(path)
    row = parse_plain_text(text, path)
    row["problems"] = problems + row["problems"]
    return _frame([row]), []


# -- HTML ---------------------------------------------------------------------------------

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|article|meta|title)\b", re.IGNORECASE)

#: Page furniture removed before trafilatura looks for the main text, so that a page with no
#: article (a menu alone) gives no text rather than its menu.
HTML_PRUNE = ("//nav", "//footer", "//header[not(ancestor::article)]", "//aside", "//*[@role='navigation']", "//*[@role='contentinfo']")
#: What htmldate is asked for: the original publication date (not the last modification), with
#: its time where the page gives one, searched in the page's markup and text.
HTML_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def looks_like_html(sample):
    if sample.text is None:
        return False
    head = sample.text.lstrip()[:4096]
    return bool(_HTML_START.search(head)) or sample.suffix in HTML_SUFFIXES


def parse_html(text, path, url=None):
    """One ARTICLES row dict from an HTML page, read with trafilatura.

    trafilatura separates the article from navigation, adverts, "most read" boxes, comments and
    footers, and reads the metadata: `title` is the headline (JSON-LD, og:title, <h1>, or the
    <title> without the site's name), `byline` the author, `outlet` the site's name
    (og:site_name, the publisher), `url` the canonical address (else `url`, where the page was
    fetched). `published` comes from htmldate (the original publication date, from the markup
    or the text): precision minute with its offset when the page gives a time, else day. The
    body is the main text, one paragraph per block; the headline is not repeated at its top.
    Nothing is downloaded. Raises InputError when no text is left.
    Example: parse_html("<html><body><article><p>Ministers met.</p></article></body></html>", "a.html")["text"]
    == "Ministers met."
    """
    import lxml.html
    import trafilatura
    from lxml import etree

    try:
        # huge_tree: libxml2 otherwise drops text nodes over 10 MB; the file size is capped already
        document = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as error:
        raise InputError(path, f"malformed HTML: {_one_line(error)}") from None
    language = document.get("lang") or _meta_content(document, "http-equiv", "content-language")
    found = trafilatura.bare_extraction(document, url=url, with_metadata=True, include_comments=False, favor_precision=True,
                                       include_tables=True, prune_xpath=list(HTML_PRUNE),
                                       date_extraction_params=dict(HTML_DATE_PARAMS))
    body = _html_body(found.text if found is not None else "", found.title if found is not None else None)
    if not body.strip():
        raise InputError(path, "no readable text in the HTML page")
    problems = []
    published = _html_published(found.date, problems)
    return _row(path, body, title=found.title, byline=found.author, language=language,
                url=found.url or url, published=published, problems=problems, outlet=found.sitename)


def _meta_content(document, attribute, value):
    for element in document.xpath(f"//meta[translate(@{attribute}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                                  f"'abcdefghijklmnopqrstuvwxyz') = '{value}']"):
        if (element.get("content") or "").strip():
            return element.get("content").strip()
    return None


def _html_body(text, title):
    """trafilatura's text, one paragraph per line, as paragraphs separated by a blank line,
    without the headline it repeats as its first line."""
    lines = [" ".join(line.split()) for line in (text or "").split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > 1 and title and lines[0] == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines)


def _html_published(found, problems):
    """Published fields from htmldate's 'YYYY-MM-DDTHH:MM:SS[+HHMM]': minute precision when it
    has a time or an offset, day precision for midnight without one (htmldate's way of saying
    it found a day alone)."""
    if not found:
        return _published()
    try:
        value = dt.datetime.fromisoformat(found)
    except ValueError:
        problems.append(f"published date {_quote(found)} could not be read as a date")
        return _published()
    if not SETTINGS.min_year <= value.year <= SETTINGS.max_year:
        problems.append(f"published date {_quote(found)} gives the year {value.year}, outside "
                        f"{SETTINGS.min_year}-{SETTINGS.max_year}; treated as unknown")
        return _published()
    if value.tzinfo is None and value.time() == dt.time():
        return _published(value, "day")
    return _published(value.replace(tzinfo=None), "minute", _offset(value))


def _one_line(text, limit=200):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@register_format("html", sniff=looks_like_html, suffixes=HTML_SUFFIXES, priority=10)
def read_html(path):
    """Read an HTML page: one row (see `parse_html`).

    Returns (ARTICLES frame, file problems). Raises InputError for a page with no readable text.
    """
    text, problems = read_text(path)
    row = parse_html(text, path)
    row["problems"] = problems + row["problems"]
    return _frame([row]), []


# -- collections: JSON, JSONL, CSV --------------------------------------------------------

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")


def looks_like_json(sample):
    """A list of objects or an object by content, whatever the suffix; anything by a JSON suffix
    (so that a broken .json file is reported as malformed JSON)."""
    if sample.text is None:
        return False
    if sample.suffix in JSON_SUFFIXES:
        return True
    head = sample.text.lstrip()
    if head[:1] == "[":
        return head[1:].lstrip()[:1] in ("{", "]", "")
    if head[:1] == "{":
        return head[1:].lstrip()[:1] in ('"', "}", "")
    return False


def looks_like_csv(sample):
    return sample.text is not None and sample.suffix in CSV_SUFFIXES


def _field_map(keys):
    """{our field: the record's key} for the keys present (case-insensitive)."""
    lowered = {str(k).strip().lower(): k for k in keys}
    found = {}
    for name, aliases in FIELDS.items():
        for alias in aliases:
            if alias in lowered:
                found[name] = lowered[alias]
                break
    return found


def _expected_text():
    return ", ".join(repr(a) for a in FIELDS["text"])


def _records_to_rows(records, path, what):
    """ARTICLES row dicts from (number, record) pairs, and the file problems (skipped records).

    Raises InputError when no record has a text field, listing the fields expected.
    """
    records = list(records)
    rows, problems, seen_keys = [], [], set()
    any_text_field = False
    for number, record in records:
        label = f"{path}#{number}"
        if not isinstance(record, dict):
            problems.append(f"{what} {number} skipped: a {type(record).__name__}, not an object")
            continue
        seen_keys.update(str(k) for k in record)
        fields = _field_map(record)
        if "text" not in fields:
            problems.append(f"{what} {number} skipped: no text field")
            continue
        any_text_field = True
        text = record[fields["text"]]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{what} {number} skipped: its text is "
                            f"{'empty' if text in (None, '') or isinstance(text, str) else 'a ' + type(text).__name__}")
            continue
        row_problems = []
        published = _record_published(record.get(fields.get("published")), row_problems)
        try:
            rows.append(_row(label, text, title=_scalar(record.get(fields.get("title"))),
                             byline=_scalar(record.get(fields.get("byline"))),
                             language=_scalar(record.get(fields.get("language"))),
                             url=_scalar(record.get(fields.get("url"))),
                             outlet=_scalar(record.get(fields.get("outlet"))),
                             published=published, problems=row_problems))
        except InputError as error:
            problems.append(f"{what} {number} skipped: {error.reason}")
    if not seen_keys and not rows:
        kinds = sorted({type(record).__name__ for _, record in records}) or ["none"]
        raise InputError(path, f"expected article objects with a text field; the records are {', '.join(kinds)}")
    if not any_text_field:
        found = ", ".join(repr(k) for k in sorted(seen_keys)[:20]) or "none"
        raise InputError(path, f"no text field: expected one of {_expected_text()} (any case), "
                               f"plus optionally 'title', 'published', 'url'; found {found}")
    return rows, problems


def _scalar(value):
    """A record's value as one line of text: lists of names joined, objects dropped."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    if value is None or isinstance(value, dict):
        return None
    return " ".join(str(value).split()) or None


def _record_published(value, problems):
    if value is None or (isinstance(value, str) and not value.strip()):
        return _published()
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        problems.append(f"published {_quote(value)} is not a date")
        return _published()
    if isinstance(value, (int, float)):
        # Unix time: seconds, or milliseconds when too large for seconds
        try:
            # inside the try: an int too big for a float (10**400) overflows in the division
            seconds = value / 1000 if abs(value) > 1e11 else value
            moment = dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            problems.append(f"published {_quote(value)} is not a date")
            return _published()
        if not SETTINGS.min_year <= moment.year <= SETTINGS.max_year:
            problems.append(f"published {_quote(value)} gives the year {moment.year}, outside "
                            f"{SETTINGS.min_year}-{SETTINGS.max_year}; treated as unknown")
            return _published()
        return _published(moment.replace(tzinfo=None), "minute", "+00:00")
    found = _parse(str(value)[:DATE_LINE_CHARS], problems, "published")
    if found["published"] is None and not problems:
        problems.append(f"published {_quote(value)} could not be read as a date")
    return found


def parse_json(text, path):
    """ARTICLES row dicts and file problems from JSON (a list of objects, {"articles": [...]},
    one object) or JSON Lines text. A list cut short keeps the records before the cut.

    Raises InputError for malformed JSON or records without a text field.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        lines = [line for line in text.split("\n") if line.strip()]
        if len(lines) > 1 and lines[0].lstrip().startswith("{") and _is_json_object(lines[0]):
            return _parse_jsonl(lines, path)
        if text.lstrip().startswith("["):
            records, cut = _json_prefix(text)
            if records:
                rows, problems = _records_to_rows(enumerate(records, 1), path, "record")
                problems.insert(0, f"malformed JSON after record {len(records)} ({cut}); "
                                   f"the {len(records)} complete records before it were read")
                return rows, problems
        raise InputError(path, f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    if isinstance(data, dict):
        lowered = {str(k).lower(): v for k, v in data.items()}
        if isinstance(lowered.get("articles"), list):
            data = lowered["articles"]
        elif "text" in _field_map(data):
            data = [data]
        else:
            keys = ", ".join(repr(k) for k in list(data)[:20])
            raise InputError(path, f"expected a list of article objects or {{\"articles\": [...]}}; "
                                   f"found an object with keys {keys}")
    if not isinstance(data, list):
        raise InputError(path, f"expected a list of article objects; found a {type(data).__name__}")
    if not data:
        raise InputError(path, "no records: the JSON list is empty")
    return _records_to_rows(enumerate(data, 1), path, "record")


def _is_json_object(line):
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _parse_jsonl(lines, path):
    records, problems = [], []
    for number, line in enumerate(lines, 1):
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            problems.append(f"line {number} skipped: malformed JSON ({error.msg})")
    rows, more = _records_to_rows(records, path, "line")
    return rows, problems + more


def _json_prefix(text):
    """The complete objects at the start of a JSON list cut short, and where it broke."""
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    records = []
    while True:
        while position < len(text) and text[position] in " \t\n,":
            position += 1
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            return records, f"{error.msg} at line {error.lineno} column {error.colno}"
        records.append(value)


def split_json(path, part_size):
    """The parts of a JSON Lines file: [(byte offset, byte end, number of its first line)], each
    of about `part_size` non-empty lines, found by reading the file through once. A JSON list or
    object (not JSON Lines) is one part, [None], read whole by `read_json`."""
    with open(path, "rb") as handle:
        first = b""
        for line in handle:
            if line.strip():
                first = line.strip().lstrip(codecs.BOM_UTF8)
                break
        if not (first.startswith(b"{") and _is_json_object(first.decode("utf-8", "replace"))):
            return [None]
        handle.seek(0)
        parts, offset, number = [], 0, 0
        for line in handle:
            if line.strip():
                if number % part_size == 0:
                    parts.append([offset, offset, number + 1])
                number += 1
                parts[-1][1] = offset + len(line)
            offset += len(line)
    return [tuple(part) for part in parts]


def read_json_part(path, part):
    """Read the `part` (see `split_json`) of a JSON collection: one row per record. Returns
    (ARTICLES frame, problems); raises InputError as `read_json`."""
    if part is None:
        return read_json(path)
    start, end, first = part
    with open(path, "rb") as handle:
        handle.seek(start)
        raw = handle.read(end - start)
    text, problems = decode(raw.removeprefix(codecs.BOM_UTF8), path)
    records = []
    for number, line in enumerate((line for line in text.split("\n") if line.strip()), first):
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            problems.append(f"line {number} skipped: malformed JSON ({error.msg})")
    rows, more = _records_to_rows(records, path, "line")
    return _frame(rows), problems + more


@register_format("json", sniff=looks_like_json, suffixes=JSON_SUFFIXES, priority=0, split=split_json,
                 read_part=read_json_part)
def read_json(path):
    """Read a JSON or JSONL collection of articles: one row per record, path 'FILE#N'.

    Fields (any case): text (or body, content), title (headline), published (date,
    published_at, datePublished, pubDate), url (link), byline (author), language (lang).
    Returns (ARTICLES frame, file problems such as records skipped). Raises InputError for
    malformed JSON or when no record has a text field.
    """
    text, problems = read_text(path)
    rows, more = parse_json(text, path)
    return _frame(rows), problems + more


def parse_csv(text, path):
    """ARTICLES row dicts and file problems from CSV text with a header row (',', ';', tab or
    '|' separated). Raises InputError for malformed CSV or a header with no text column."""
    first_line = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if "\t" in first_line else ","
    csv.field_size_limit(max(csv.field_size_limit(), SETTINGS.max_text_chars + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise InputError(path, "no header row")
        fields = _field_map(header)
        if "text" not in fields:
            found = ", ".join(repr(h) for h in header[:20])
            raise InputError(path, f"no text column: expected one of {_expected_text()} (any case), "
                                   f"plus optionally 'title', 'published', 'url'; found {found}")
        records, problems = [], []
        for number, values in enumerate(reader, 1):
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                problems.append(f"row {number} has {len(values)} fields, the header {len(header)}")
            records.append((number, dict(zip(header, values))))
    except csv.Error as error:
        raise InputError(path, f"malformed CSV at line {reader.line_num}: {error}") from None
    if not records:
        raise InputError(path, "no rows after the header")
    rows, more = _records_to_rows(records, path, "row")
    return rows, problems + more


@register_format("csv", sniff=looks_like_csv, suffixes=CSV_SUFFIXES, priority=0)
def read_csv(path):
    """Read a CSV collection of articles (fields as `read_json`): one row per record, path 'FILE#N'.

    Returns (ARTICLES frame, file problems). Raises InputError for malformed CSV or a header
    without a text column.
    """
    text, problems = read_text(path)
    rows, more = parse_csv(text, path)
    return _frame(rows), problems + more


# -- pasted text --------------------------------------------------------------------------


def read_text_input(text, name="pasted text"):
    """Read a pasted article (header-shaped, HTML or plain text) into a one-row ARTICLES frame.

    `name` stands in for the path. Raises InputError for an empty or oversized paste.
    Example: read_text_input(" date 2025-02-28 All Sections\\nTitle\\n\\nBody.", "paste")
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError(name, "empty text")
    size = len(text.encode("utf-8", "replace"))
    if size > SETTINGS.max_file_bytes:
        raise InputError(name, f"text is {size:,} bytes, over the limit of {SETTINGS.max_file_bytes:,} bytes (max_file_bytes)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    first_line = text.lstrip("\n").split("\n", 1)[0]
    if HEADER.match(first_line):
        row = parse_header_text(text.lstrip("\n"), name)
    elif _HTML_START.search(text.lstrip()[:4096]):
        row = parse_html(text, name)
    else:
        row = parse_plain_text(text, name)
    return _frame([row])
