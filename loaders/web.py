"""Polite and safe HTTP: the one client through which Parley reads the web.

`Client.get(url)` returns a `Response` or raises `InputError(url, reason)` with a one-line
reason. Every request:

- carries `settings.user_agent` (Parley and its version);
- goes to an http or https URL only (``file:``, ``ftp:``, ``data:`` ... are refused), and, when
  the client is made with ``allow_private=False`` (the web app), only to hosts whose every
  address is a public one: loopback, private, link-local and reserved addresses are refused,
  for the first URL and for every redirect (the address is checked when the host is resolved;
  a host that resolves differently a moment later is not caught);
- is allowed by the host's ``robots.txt`` (read once per host and client, for the agent
  "Parley"; a robots.txt that is missing or 4xx allows everything, one that fails with 5xx or
  cannot be reached disallows everything, as RFC 9309 says) and is never sent otherwise;
- waits until `fetch_host_interval_seconds` (or the robots.txt Crawl-delay, if longer) has
  passed since the last request to the same host;
- is conditional when the caller knows the resource's ETag or Last-Modified: a 304 answer is a
  `Response` with `status` 304 and no body;
- times out (`fetch_timeout_seconds` per step, `fetch_total_seconds` for a whole body); a
  timeout, a failed connection, a 429 or a 5xx is tried again `fetch_retries` times with
  exponential backoff (or the server's Retry-After);
- follows at most `fetch_max_redirects` redirects, and refuses a loop;
- refuses a body over `fetch_max_bytes` (by its Content-Length, or as soon as the stream
  passes it) and a content type that no reader takes (images, video, PDF ...).

No proxy from the environment is used: an address checked here is the address connected to.
"""
import ipaddress
import re
import socket
import time
import urllib.robotparser
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx

from loaders.errors import InputError
from loaders.settings import SETTINGS

#: The robots.txt agent name Parley answers to.
ROBOTS_AGENT = "Parley"
SCHEMES = ("http", "https")
#: Content types read: pages, feeds, GDELT's lists (text) and zipped exports. A missing type is
#: let through; the content decides what it is.
ACCEPTED_TYPES = re.compile(r"^(?:text/.*|application/(?:[\w.+-]*\+)?xml|application/xhtml\+xml"
                            r"|application/(?:rss|atom|rdf)\+xml|application/json|application/(?:x-)?zip"
                            r"|application/x-zip-compressed|application/octet-stream)$")
ACCEPT = ("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
          "application/xml;q=0.9, text/*;q=0.8, application/zip;q=0.8, */*;q=0.1")
RETRY_STATUSES = (429, 500, 502, 503, 504)
#: Query parameters that only track a reader, dropped from a canonical URL.
TRACKING_PARAMETERS = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|ref_src)$",
                                 re.IGNORECASE)


@dataclass(frozen=True)
class Response:
    """What a GET gave: the `url` after redirects, the `status` (200, or 304 for "not modified",
    then `content` is b""), the body, its media type (lower case, no parameters) and charset
    (or None), and the validators to send next time."""
    url: str
    status: int
    content: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None


def canonical_url(url):
    """The URL one resource is known by: scheme and host lower-cased, the default port, the
    fragment and tracking parameters (utm_*, fbclid ...) dropped, the other parameters sorted.

    Example: canonical_url("HTTPS://News.Example:443/a?utm_source=rss&b=2&a=1#top")
    == "https://news.example/a?a=1&b=2"
    """
    parts = urlsplit(str(url).strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)) else None
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{port}" if port else "")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING_PARAMETERS.match(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def check_url(url, allow_private=True):
    """Raise InputError(url, reason) unless `url` is an http(s) URL with a host, and, when
    `allow_private` is False, unless every address its host resolves to is a public one."""
    try:
        parts = urlsplit(str(url))
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as error:
        raise InputError(url, f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in SCHEMES:
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise InputError(url, f"{shown} URLs are refused; expected an http:// or https:// URL")
    if not parts.hostname:
        raise InputError(url, "no host in the URL")
    if not allow_private:
        for address in _addresses(url, parts.hostname):
            if not address.is_global:
                raise InputError(url, f"{parts.hostname} is a private, loopback or reserved address ({address}); "
                                      f"the web app does not fetch from its own network "
                                      f"(setting web_allow_private_addresses)")


def _addresses(url, host):
    try:
        return {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise InputError(url, f"cannot resolve the host {host} ({error.strerror or error})") from None
    return {ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos}


class Client:
    """The polite HTTP client (see the module docstring). Use it as a context manager, or call
    `close()`.

    `settings` gives the limits (a copy of SETTINGS made with `dataclasses.replace` for other
    values); `allow_private` False refuses private and loopback hosts (the web app's setting).
    `requests` lists every (method, url) sent, robots.txt included, for the report and tests.

    >>> with Client() as client:                                       # doctest: +SKIP
    ...     page = client.get("https://example.org/news/1")
    """

    def __init__(self, settings=SETTINGS, allow_private=True):
        self.settings = settings
        self.allow_private = allow_private
        self.requests = []
        self._robots = {}
        self._last_request = {}
        timeout = httpx.Timeout(settings.fetch_timeout_seconds)
        self._http = httpx.Client(headers={"User-Agent": settings.user_agent}, timeout=timeout,
                                  follow_redirects=False, trust_env=False)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._http.close()

    # -- the one public request ---------------------------------------------------------------

    def get(self, url, etag=None, last_modified=None):
        """GET `url` politely; returns a Response (status 200, or 304 when the validators
        `etag` / `last_modified` still hold). Raises InputError(url, reason) for a refused URL,
        a robots.txt disallow, a loop or too many redirects, an HTTP error, a timeout after the
        retries, a body too large or a content type no reader takes."""
        seen = []
        current = url
        for _ in range(self.settings.fetch_max_redirects + 1):
            try:
                check_url(current, self.allow_private)
            except InputError as error:
                if current == url:
                    raise
                raise InputError(url, f"redirected to {current}: {error.reason}") from None
            if canonical_url(current) in seen:
                raise InputError(url, f"redirect loop: {' -> '.join(seen + [canonical_url(current)])}")
            seen.append(canonical_url(current))
            self._obey_robots(url, current)
            headers = {"Accept": ACCEPT}
            if etag and len(seen) == 1:
                headers["If-None-Match"] = etag
            if last_modified and len(seen) == 1:
                headers["If-Modified-Since"] = last_modified
            response = self._send(url, current, headers)
            if isinstance(response, Response):
                return response
            current = response  # a redirect's target
        raise InputError(url, f"more than {self.settings.fetch_max_redirects} redirects "
                              f"(fetch_max_redirects): {' -> '.join(seen)}")

    # -- one hop ------------------------------------------------------------------------------

    def _send(self, url, current, headers):
        """One request with its retries: a Response, or the absolute URL a redirect points to."""
        tries = self.settings.fetch_retries + 1
        for attempt in range(tries):
            last = attempt == tries - 1
            self._pace(current)
            try:
                with self._http.stream("GET", current, headers=headers) as answer:
                    self.requests.append(("GET", current))
                    if answer.status_code in RETRY_STATUSES and not last:
                        wait = self._backoff(attempt, answer.headers.get("Retry-After"))
                        answer.close()
                        time.sleep(wait)
                        continue
                    return self._answer(url, current, answer, tries)
            except httpx.TimeoutException:
                self.requests.append(("GET", current))
                if last:
                    raise InputError(url, f"no answer within {self.settings.fetch_timeout_seconds:g} s "
                                          f"(timed out, {tries} tries)") from None
            except httpx.TransportError as error:
                self.requests.append(("GET", current))
                if last:
                    raise InputError(url, f"cannot connect ({_one_line(error) or type(error).__name__}; "
                                          f"{tries} tries)") from None
            time.sleep(self._backoff(attempt, None))
        raise AssertionError("unreachable")  # pragma: no cover

    def _answer(self, url, current, answer, tries):
        status = answer.status_code
        if status in (301, 302, 303, 307, 308):
            location = answer.headers.get("Location")
            if not location:
                raise InputError(url, f"HTTP {status} redirect without a Location")
            return urljoin(current, location)
        if status == 304:
            return Response(current, 304, b"", None, None, answer.headers.get("ETag"),
                            answer.headers.get("Last-Modified"))
        if status >= 400 or status < 200:
            again = f" after {tries} tries" if status in RETRY_STATUSES and tries > 1 else ""
            raise InputError(url, f"HTTP {status} {answer.reason_phrase}{again}".rstrip())
        content_type, charset = _media_type(answer.headers.get("Content-Type"))
        if content_type and not ACCEPTED_TYPES.match(content_type):
            raise InputError(url, f"content type {content_type} is not a page, a feed or a GDELT file")
        content = self._body(url, answer)
        return Response(current, status, content, content_type, charset, answer.headers.get("ETag"),
                        answer.headers.get("Last-Modified"))

    def _body(self, url, answer, limit=None):
        limit = limit or self.settings.fetch_max_bytes
        declared = answer.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputError(url, f"body is {int(declared):,} bytes, over the limit of {limit:,} bytes (fetch_max_bytes)")
        deadline = time.monotonic() + self.settings.fetch_total_seconds
        chunks, size = [], 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise InputError(url, f"body over the limit of {limit:,} bytes (fetch_max_bytes); the rest was not read")
            if time.monotonic() > deadline:
                raise InputError(url, f"body not complete within {self.settings.fetch_total_seconds:g} s "
                                      f"(fetch_total_seconds)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _backoff(self, attempt, retry_after):
        wait = self.settings.fetch_backoff_seconds * 2 ** attempt
        if retry_after:
            try:
                wait = float(retry_after)
            except ValueError:
                try:
                    wait = parsedate_to_datetime(retry_after).timestamp() - time.time()
                except (TypeError, ValueError):
                    pass
        return min(max(wait, 0.0), self.settings.fetch_max_wait_seconds)

    # -- politeness ---------------------------------------------------------------------------

    def _pace(self, url):
        host = _origin(url)
        interval = max(self.settings.fetch_host_interval_seconds, self._crawl_delay(host))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _crawl_delay(self, host):
        rules = self._robots.get(host)
        delay = rules.crawl_delay(ROBOTS_AGENT) if isinstance(rules, urllib.robotparser.RobotFileParser) else None
        return min(float(delay), self.settings.fetch_max_wait_seconds) if delay else 0.0

    def _obey_robots(self, url, current):
        host = _origin(current)
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        rules = self._robots[host]
        if rules is True:
            return
        if rules is False:
            raise InputError(url, f"robots.txt of {host} could not be read (a server error or no answer), "
                                  f"so nothing there is fetched")
        if not rules.can_fetch(ROBOTS_AGENT, current):
            raise InputError(url, f"robots.txt of {host} disallows {urlsplit(current).path or '/'} "
                                  f"for {ROBOTS_AGENT}; not fetched")

    def _read_robots(self, host):
        """The host's rules: a RobotFileParser, True (everything allowed) or False (nothing).

        RFC 9309: a 4xx answer allows everything, a 5xx or no answer disallows everything,
        redirects are followed (up to five), and only the first robots_max_bytes are read."""
        robots_url, attempts, hops = f"{host}/robots.txt", 0, 0
        while attempts <= self.settings.fetch_retries and hops <= 5:
            self._pace(robots_url)
            self.requests.append(("GET", robots_url))
            try:
                with self._http.stream("GET", robots_url, headers={"Accept": "text/plain"}) as answer:
                    status = answer.status_code
                    if status in (301, 302, 303, 307, 308) and answer.headers.get("Location"):
                        robots_url, hops = urljoin(robots_url, answer.headers["Location"]), hops + 1
                        if urlsplit(robots_url).scheme not in SCHEMES:
                            return False
                        continue
                    if status >= 500:
                        attempts += 1
                        continue
                    if status >= 300:
                        return True
                    head = b""
                    for chunk in answer.iter_bytes():
                        head += chunk
                        if len(head) >= self.settings.robots_max_bytes:
                            break
            except httpx.TransportError:
                attempts += 1
                continue
            rules = urllib.robotparser.RobotFileParser(robots_url)
            rules.parse(head[:self.settings.robots_max_bytes].decode("utf-8", "replace").splitlines())
            return rules
        return False


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _media_type(header):
    """('text/html', 'iso-8859-1') from 'text/html; charset=ISO-8859-1'; (None, None) without one."""
    if not header:
        return None, None
    media, _, parameters = header.partition(";")
    charset = re.search(r"charset\s*=\s*\"?([\w.:-]+)", parameters, re.IGNORECASE)
    return media.strip().lower() or None, charset.group(1).lower() if charset else None


def _one_line(text, limit=200):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
