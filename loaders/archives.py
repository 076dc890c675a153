"""News archives: WARC (and WARC.gz) crawls and Parquet dumps -> ARTICLES rows, read in parts.

One row is one article, as `loaders/articles.py` describes (`schema.ARTICLES`):

- ``warc``: each WARC ``response`` record of an HTML page (HTTP status 200, a text/html or
  xhtml content type) is one article, read by the HTML reader of files and fetched pages
  (`articles.parse_html`, trafilatura). Its `url` is the record's WARC-Target-URI; its
  `published` the page's own date, else the record's WARC-Date (the day it was crawled, a
  problem says so). Its `path` is 'FILE#N', N counting the HTML pages of the file from 1.
  Other records (requests, metadata, images, redirects) are skipped, and counted in a problem.
  A WARC.gz is a gzip member per record, as crawlers write it; it is never unpacked to disk.
- ``parquet``: one row per row of a Parquet file with a text column (text, body or content,
  any case; the other columns as in JSON collections: title, published, url, byline ...),
  path 'FILE#N'. Read through pyarrow one row group at a time.

Both formats are binary (told by their first bytes: 'WARC/1.' plain or gzipped, 'PAR1') and
split into parts (`registry.Format.split`): a part of a WARC is the offset of its first record
and how many pages it holds, a part of a Parquet file a run of row groups. A part is read on its
own by any process (`loaders/scale.py`), so memory holds one part, not the archive.
"""
import datetime as dt
import zlib

import pandas as pd

from loaders import schema
from loaders.articles import (
    _expected_text,
    _field_map,
    _frame,
    _published,
    _records_to_rows,
    parse_html,
)
from loaders.errors import InputError
from loaders.registry import SNIFF_BYTES, check_size, decode, register_format
from loaders.settings import SETTINGS

WARC_SUFFIXES = (".warc", ".gz", ".warc.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: HTTP content types read as HTML pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")


# -- WARC ------------------------------------------------------------------------------------


def looks_like_warc(sample):
    """'WARC/1.0' or 'WARC/1.1' at byte 0, plain or inside the first gzip member."""
    head = sample.raw
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(b"WARC/1.")


def _records(path, offset=0):
    """(place, record) for the records of the WARC `path` from byte `offset`, where `place()`
    gives the record's byte offset in the file and its length, reading the record through (call
    it after its content, if at all); raises InputError for a file warcio cannot read."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            iterator = ArchiveIterator(handle)
            for record in iterator:
                # warcio counts offsets from where the handle stood when it started
                yield lambda: (offset + iterator.get_record_offset(), iterator.get_record_length()), record
    except ArchiveLoadFailed as error:
        raise InputError(path, f"not a readable WARC file ({_one_line(error)})") from None
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    except Exception as error:  # noqa: BLE001 - only warcio runs here: the caller's code runs outside the generator
        # warcio meets a cut or malformed record with whatever error its parser hits
        raise InputError(path, f"not a readable WARC file, cut or malformed ({type(error).__name__}: "
                               f"{_one_line(error)})") from None


def _is_page(record):
    if record.rec_type != "response" or record.http_headers is None:
        return False
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return kind in HTML_TYPES and record.http_headers.get_statuscode() == "200"


def split_warc(path, part_size):
    """The parts of the WARC `path`: [(byte offset of the part's first page record, pages in it,
    number of its first page, whether it is the last part)]. Reads every record through (the
    payloads are skipped, not parsed); raises InputError for a record cut short."""
    parts, pages, end = [], 0, 0
    for place, record in _records(path):
        start, length = place()  # reads the record through
        end = start + length
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise InputError(path, f"not a readable WARC file, cut or malformed: the record at byte {start:,} "
                                   f"ends before its Content-Length")
        if _is_page(record):
            if pages % part_size == 0:
                parts.append([start, 0, pages + 1, False])
            parts[-1][1] += 1
            pages += 1
    with open(path, "rb") as handle:
        handle.seek(end)
        rest = handle.read(SNIFF_BYTES)
    if rest.strip():  # warcio stops quietly where a gzip member or a header is cut
        raise InputError(path, f"not a readable WARC file, cut or malformed: the bytes from {end:,} on are not a record")
    if not parts:
        raise InputError(path, "no HTML pages: the WARC file holds no response record of an HTML page with status 200")
    parts[-1][3] = True
    return [tuple(part) for part in parts]


def read_warc_part(path, part):
    """Read the `part` (see `split_warc`) of the WARC `path`: one row per HTML page (see the module
    docstring). Returns (ARTICLES frame, problems)."""
    offset, count, first, last = part
    rows, problems, skipped = [], [], 0
    number = first
    for _place, record in _records(path, offset):
        if number >= first + count and not last:
            break
        if not _is_page(record) or number >= first + count:
            skipped += record.rec_type == "response"
            continue
        label = f"{path}#{number}"
        number += 1
        try:
            rows.append(_warc_page(record, label))
        except InputError as error:
            problems.append(f"page {number - 1} skipped: {error.reason}")
    if skipped:
        problems.append(f"{skipped} response record{'s' if skipped != 1 else ''} other than HTML pages skipped")
    return _frame(rows), problems


def _warc_page(record, label):
    """One ARTICLES row dict from a WARC response record of an HTML page."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    raw = record.content_stream().read(SETTINGS.max_file_bytes + 1)
    if len(raw) > SETTINGS.max_file_bytes:
        raise InputError(label, f"page over {SETTINGS.max_file_bytes:,} bytes (max_file_bytes)")
    text = _page_text(raw, record, label)
    row = parse_html(text, label, url=url)
    row["url"] = url or row["url"]
    if row["published"] is None:
        crawled = _warc_date(record.rec_headers.get_header("WARC-Date"))
        if crawled is not None:
            row.update(_published(crawled, "day"))
            row["problems"] = [p for p in row["problems"] if p != "no publication date"] + [
                "no publication date in the page: the day it was crawled (WARC-Date) is taken"]
    return row


def _page_text(raw, record, label):
    """The page's bytes decoded: the charset its HTTP header declares, else as files are."""
    declared = (record.http_headers.get_header("Content-Type") or "").lower().partition("charset=")[2]
    declared = declared.split(";")[0].strip().strip('"')
    if declared:
        try:
            return raw.decode(declared).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    text, _ = decode(raw, label)
    return text


def _warc_date(value):
    """WARC-Date ('2024-03-06T09:30:00Z') as a naive UTC datetime at midnight of its day, or None."""
    try:
        moment = dt.datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    if not SETTINGS.min_year <= moment.year <= SETTINGS.max_year:
        return None
    return dt.datetime.combine(moment.astimezone(dt.timezone.utc).date(), dt.time())


@register_format("warc", sniff=looks_like_warc, suffixes=WARC_SUFFIXES, priority=60, binary=True,
                 split=split_warc, read_part=read_warc_part)
def read_warc(path):
    """Read a WARC or WARC.gz file whole (within max_file_bytes): one row per HTML page.

    Returns (ARTICLES frame, problems). Raises InputError for a file warcio cannot read or one
    without HTML pages. For larger archives, `python -m loaders extract --out` reads it in parts.
    """
    check_size(path)
    return _read_parts(path, split_warc(path, 10**9), read_warc_part)


# -- Parquet ---------------------------------------------------------------------------------


def looks_like_parquet(sample):
    """'PAR1' at byte 0 (a Parquet file also ends with it)."""
    return sample.raw[:4] == b"PAR1"


def _parquet(path):
    import pyarrow.lib
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
    except (OSError, pyarrow.lib.ArrowException) as error:
        raise InputError(path, f"not a readable Parquet file ({_one_line(error)})") from None
    names = source.schema_arrow.names
    if "text" not in _field_map(names):
        found = ", ".join(repr(n) for n in names[:20]) or "none"
        raise InputError(path, f"no text column: expected one of {_expected_text()} (any case); found {found}")
    return source


def split_parquet(path, part_size):
    """The parts of the Parquet file `path`: [(first row group, last row group + 1, number of
    the first row)], each of about `part_size` rows (a row group is never cut)."""
    metadata = _parquet(path).metadata
    parts, start, first, count = [], None, 1, 0
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        if start is not None and count + rows > part_size:
            parts.append((start, group, first))
            start, first, count = None, first + count, 0
        start = group if start is None else start
        count += rows
    if start is not None:
        parts.append((start, metadata.num_row_groups, first))
    if metadata.num_rows == 0:
        raise InputError(path, "no rows: the Parquet file is empty")
    return parts


def read_parquet_part(path, part):
    """Read the row groups of `part` of the Parquet file `path`: one row per row with a text.
    Returns (ARTICLES frame, problems such as rows skipped)."""
    import pyarrow.lib

    start, stop, first = part
    source = _parquet(path)
    columns = list(_field_map(source.schema_arrow.names).values())
    try:
        table = source.read_row_groups(list(range(start, stop)), columns=columns)
    except (OSError, pyarrow.lib.ArrowException) as error:
        raise InputError(path, f"not a readable Parquet file, cut or corrupt ({_one_line(error)})") from None
    records = enumerate(table.to_pylist(), first)
    rows, problems = _records_to_rows(records, path, "row")
    return _frame(rows), problems


@register_format("parquet", sniff=looks_like_parquet, suffixes=PARQUET_SUFFIXES, priority=60, binary=True,
                 split=split_parquet, read_part=read_parquet_part)
def read_parquet(path):
    """Read a Parquet file with a text column whole (within max_file_bytes): one row per row.

    Returns (ARTICLES frame, problems). Raises InputError for an unreadable file or one without
    a text column.
    """
    check_size(path)
    return _read_parts(path, split_parquet(path, 10**9), read_parquet_part)


def _read_parts(path, parts, read_part):
    frames, problems = [], []
    for part in parts:
        frame, more = read_part(path, part)
        frames.append(frame)
        problems += more
    frames = [f for f in frames if len(f)]
    frame = pd.concat(frames, ignore_index=True) if frames else schema.empty(schema.ARTICLES)
    return schema.conform(frame, schema.ARTICLES), problems


def _one_line(text, limit=200):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
