"""A small news site served on 127.0.0.1 for the fetch tests: feeds, pages, robots.txt,
redirects, validators, slow, oversized, flaky and broken answers, and a GDELT update list.

`serve()` starts it in a thread of the test process (`http.server`) and yields a `NewsSite`
whose `url(path)` gives addresses on it and whose `requests` lists every request received
(path and headers), so a test can assert what was asked for, and what never was. Nothing
leaves the machine.
"""
import contextlib
import email.utils
import hashlib
import io
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "pages"
GDELT_SAMPLE = ROOT / "data" / "gdelt-sample"

#: The stories of the site: path -> saved page.
STORIES = {
    "/news/kenya-peru-talks": "article.html",
    "/news/nordic-summit-live": "liveblog.html",
    "/news/ghana-vietnam-call": "comments.html",
    "/press/chile-ambassador": "press-release.html",
}
ETAG = '"feed-v1"'
LAST_MODIFIED = email.utils.formatdate(1709546400, usegmt=True)  # Mon, 04 Mar 2024 10:00:00 GMT

ROBOTS = "User-agent: *\nDisallow: /private/\n"

LATIN1_PAGE = ("<html lang='fr'><head><meta property='og:site_name' content='Le Courrier du Lac'>"
               "<title>Réunion à Genève entre la Suisse et le Brésil</title></head><body><article>"
               "<h1>Réunion à Genève entre la Suisse et le Brésil</h1>"
               "<p>Les ministres des affaires étrangères de la Suisse et du Brésil se sont réunis à Genève "
               "mardi pour évoquer la sécurité énergétique et les échanges économiques entre les deux pays.</p>"
               "<p>Ils se retrouveront à Brasília à l'automne pour une deuxième série de consultations.</p>"
               "</article></body></html>")


def rss(site, links):
    items = "".join(f"<item><title>Story {i}</title><link>{site.url(link)}</link>"
                    f"<pubDate>Mon, 04 Mar 2024 0{i}:00:00 GMT</pubDate></item>" for i, link in enumerate(links, 1))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Harbour Courier: World</title>'
            f"<link>{site.url('/')}</link><description>World news</description>{items}</channel></rss>").encode()


def atom(site, links):
    entries = "".join(f"<entry><title>Story {i}</title><id>tag:site,2024:{i}</id>"
                      f'<link href="{site.url(link)}?utm_source=atom&amp;utm_medium=feed"/>'
                      f"<updated>2024-03-04T0{i}:00:00Z</updated></entry>" for i, link in enumerate(links, 1))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Harbour Courier (Atom)</title><id>tag:site,2024:feed</id><updated>2024-03-04T10:00:00Z</updated>"
            f"{entries}</feed>").encode()


def gdelt_zip():
    """A zipped GDELT 2.0 export: the first 40 rows of the bundled sample."""
    sample = sorted(GDELT_SAMPLE.glob("*.export.CSV"))[0]
    rows = sample.read_bytes().splitlines(keepends=True)[:40]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("20240304101500.export.CSV", b"".join(rows))
    return buffer.getvalue()


class NewsSite:
    """The site's routes and what it received. `flaky` counts down the 500s of /flaky.html."""

    def __init__(self):
        self.base = None
        self.requests = []
        self.flaky = 1
        self.lock = threading.Lock()
        self.zip = gdelt_zip()

    def url(self, path):
        return f"{self.base}{path}"

    def paths(self):
        """The paths requested, in order (without the query string)."""
        return [path.split("?", 1)[0] for path, _ in self.requests]

    def answer(self, path, headers):
        """(status, headers, body, delay) for a GET of `path`."""
        bare = path.split("?", 1)[0]
        html = {"Content-Type": "text/html; charset=utf-8"}
        if bare == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, ROBOTS.encode(), 0
        if bare == "/feed.xml":
            if headers.get("If-None-Match") == ETAG or headers.get("If-Modified-Since") == LAST_MODIFIED:
                return 304, {"ETag": ETAG}, b"", 0
            return 200, {"Content-Type": "application/rss+xml", "ETag": ETAG, "Last-Modified": LAST_MODIFIED}, \
                rss(self, STORIES), 0
        if bare == "/atom.xml":
            return 200, {"Content-Type": "application/atom+xml"}, atom(self, STORIES), 0
        if bare in STORIES:
            return 200, html, (PAGES / STORIES[bare]).read_bytes(), 0
        if bare == "/private/feed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, rss(self, ["/news/kenya-peru-talks"]), 0
        if bare == "/private/memo.html":
            return 200, html, (PAGES / "article.html").read_bytes(), 0
        if bare == "/robots-feed.xml":  # a feed one of whose items robots.txt disallows
            return 200, {"Content-Type": "application/rss+xml"}, rss(self, ["/private/memo.html"]), 0
        if bare == "/slow.html":
            return 200, html, (PAGES / "article.html").read_bytes(), 3.0
        if bare in ("/big.html", "/big-declared.html"):
            return 200, {"Content-Type": "text/html"}, b"<html><body><p>" + b"words " * 400_000 + b"</p></body></html>", 0
        if bare == "/flaky.html":
            with self.lock:
                self.flaky -= 1
                failing = self.flaky >= 0
            if failing:
                return 500, {"Content-Type": "text/plain"}, b"try again", 0
            return 200, html, (PAGES / "comments.html").read_bytes(), 0
        if bare == "/loop/a":
            return 302, {"Location": "/loop/b"}, b"", 0
        if bare == "/loop/b":
            return 302, {"Location": self.url("/loop/a")}, b"", 0
        if bare == "/moved":
            return 301, {"Location": "/news/ghana-vietnam-call"}, b"", 0
        if bare == "/to-file":
            return 302, {"Location": "file:///etc/passwd"}, b"", 0
        if bare == "/latin1.html":
            return 200, {"Content-Type": "text/html; charset=iso-8859-1"}, LATIN1_PAGE.encode("latin-1"), 0
        if bare == "/latin1-undeclared.html":
            return 200, {"Content-Type": "text/html"}, LATIN1_PAGE.encode("latin-1"), 0
        if bare == "/malformed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, \
                b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>A</titl></item>', 0
        if bare == "/photo.png":
            return 200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64), 0
        if bare == "/gdelt/lastupdate.txt":
            md5 = hashlib.md5(self.zip).hexdigest()
            text = (f"{len(self.zip)} {md5} {self.url('/gdelt/20240304101500.export.CSV.zip')}\n"
                    f"123 {'0' * 32} {self.url('/gdelt/20240304101500.mentions.CSV.zip')}\n")
            return 200, {"Content-Type": "text/plain"}, text.encode(), 0
        if bare == "/gdelt/20240304101500.export.CSV.zip":
            return 200, {"Content-Type": "application/zip"}, self.zip, 0
        return 404, {"Content-Type": "text/plain"}, b"not found", 0


def _handler(site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - http.server's name
            with site.lock:
                site.requests.append((self.path, dict(self.headers)))
            status, headers, body, delay = site.answer(self.path, self.headers)
            if delay:
                time.sleep(delay)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if self.path == "/big.html":  # no length told: the client learns the size by reading
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (a timeout test) is expected, not an error of the site


@contextlib.contextmanager
def serve():
    """Serve a NewsSite on a free port of 127.0.0.1 for the duration of the block."""
    site = NewsSite()
    server = _Server(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
