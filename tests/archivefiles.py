"""Archives built for the tests: WARC files written with warcio and Parquet files written with
pyarrow, holding news pages written for these tests (no crawled page is copied)."""
import io

import pyarrow as pa
import pyarrow.parquet as pq
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: (url, headline, paragraphs, the page's own date or None): pages in our own words.
PAGES = (
    ("https://news.example/geneva", "Ministers meet in Geneva",
     ("The foreign ministers of France and Germany met in Geneva on Monday to discuss trade.",
      "They agreed to meet again before the summer."), None),
    ("https://news.example/call", "Leaders speak by phone",
     ("President Macron spoke by phone with Chancellor Scholz on Tuesday about the coming summit.",), "2024-03-05"),
    ("https://news.example/visit", "A visit to Delhi",
     ("The Japanese prime minister visited New Delhi on Wednesday and held talks with his Indian counterpart.",), None),
)
CRAWLED = "2024-03-06T09:30:00Z"


def page_html(headline, paragraphs, published=None):
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html lang='en'><head><title>{headline}</title>{meta}</head><body><nav>Home | World</nav>"
            f"<article><h1>{headline}</h1>{body}</article><footer>All rights reserved</footer></body></html>")


def write_warc(path, pages=PAGES, compress=True, extra=()):
    """A WARC of `pages` (response records of HTML pages), with a request record before each
    page and the records of `extra` ((kind, url, content type, bytes)) after them."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for url, headline, paragraphs, published in pages:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            html = page_html(headline, paragraphs, published).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": CRAWLED}))
        for status, url, kind, content in extra:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(content), http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": CRAWLED}))
    return path


def write_parquet(path, texts, row_group_size=None, **columns):
    pq.write_table(pa.table({"Body": list(texts), **columns}), path, row_group_size=row_group_size)
    return path
