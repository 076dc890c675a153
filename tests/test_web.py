"""The polite HTTP client against a real server on 127.0.0.1 (tests/newssite.py): what it sends,
what it refuses, and the one-line reasons. Nothing leaves the machine."""
import dataclasses
import re

import pytest
from newssite import ETAG, serve

from loaders.errors import InputError
from loaders.settings import SETTINGS
from loaders.web import Client, canonical_url, check_url

FAST = dataclasses.replace(SETTINGS, fetch_host_interval_seconds=0, fetch_timeout_seconds=0.5,
                           fetch_backoff_seconds=0.05, fetch_retries=2, fetch_max_bytes=1_000_000)


@pytest.fixture(scope="module")
def site():
    with serve() as running:
        yield running


@pytest.fixture
def client():
    with Client(FAST) as made:
        yield made


def requested(site, path):
    return site.paths().count(path)


def test_every_request_carries_a_user_agent_naming_parley_and_its_version(site, client):
    client.get(site.url("/news/kenya-peru-talks"))
    agents = {headers.get("User-Agent") for _, headers in site.requests}
    assert agents and all(re.match(r"Parley/\d+\.\d+\.\d+ ", agent) for agent in agents), agents


def test_a_conditional_request_gets_304_and_no_body(site, client):
    first = client.get(site.url("/feed.xml"))
    assert (first.status, first.etag) == (200, ETAG) and first.content.startswith(b"<?xml")
    again = client.get(site.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert (again.status, again.content) == (304, b"")
    assert site.requests[-1][1].get("If-None-Match") == ETAG


def test_a_500_is_tried_again_and_the_second_answer_is_taken(site, client):
    site.flaky = 1
    before = requested(site, "/flaky.html")
    page = client.get(site.url("/flaky.html"))
    assert page.status == 200 and b"Ghana" in page.content
    assert requested(site, "/flaky.html") - before == 2


@pytest.mark.parametrize("path, reason", [
    ("/slow.html", "no answer within 0.5 s (timed out, 3 tries)"),
    ("/big.html", "body over the limit of 1,000,000 bytes (fetch_max_bytes)"),
    ("/big-declared.html", "body is 2,400,033 bytes, over the limit of 1,000,000 bytes (fetch_max_bytes)"),
    ("/loop/a", "redirect loop: "),
    ("/photo.png", "content type image/png is not a page, a feed or a GDELT file"),
    ("/to-file", "file: URLs are refused"),
    ("/nowhere.html", "HTTP 404 Not Found"),
    ("/private/memo.html", "robots.txt of http://127.0.0.1:"),
])
def test_what_is_refused_is_one_line_naming_the_url_and_the_reason(site, client, path, reason):
    with pytest.raises(InputError) as error:
        client.get(site.url(path))
    message = str(error.value)
    assert message.startswith(site.url(path) + ": ") and reason in message and "\n" not in message


def test_a_page_robots_txt_disallows_is_never_requested(site, client):
    with pytest.raises(InputError, match="disallows /private/memo.html for Parley"):
        client.get(site.url("/private/memo.html"))
    assert "/private/memo.html" not in site.paths()
    assert "/robots.txt" in site.paths()


def test_a_redirect_is_followed_to_the_page(site, client):
    page = client.get(site.url("/moved"))
    assert page.url == site.url("/news/ghana-vietnam-call") and page.status == 200


def test_a_redirect_loop_stops_after_one_round(site, client):
    before = requested(site, "/loop/a")
    with pytest.raises(InputError):
        client.get(site.url("/loop/a"))
    assert requested(site, "/loop/a") - before == 1 and requested(site, "/loop/b") >= 1


def test_requests_to_one_host_are_spaced(site):
    import time

    with Client(dataclasses.replace(FAST, fetch_host_interval_seconds=0.3)) as client:
        start = time.monotonic()
        for _ in range(3):
            client.get(site.url("/news/kenya-peru-talks"))
        assert time.monotonic() - start >= 0.6  # robots.txt, then three pages, 0.3 s apart at least


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "file: URLs are refused"),
    ("ftp://example.org/feed.xml", "ftp: URLs are refused"),
    ("javascript:alert(1)", "javascript: URLs are refused"),
    ("example.org/feed.xml", "no scheme URLs are refused"),
    ("http:///feed.xml", "no host in the URL"),
])
def test_other_schemes_are_refused(url, reason):
    with pytest.raises(InputError, match=re.escape(reason)):
        check_url(url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/feed.xml", "http://localhost/feed", "http://10.1.2.3/",
                                 "http://192.168.0.7/", "http://169.254.169.254/latest/meta-data", "http://[::1]/"])
def test_private_and_loopback_hosts_are_refused_unless_allowed(url):
    with pytest.raises(InputError, match="private, loopback or reserved address"):
        check_url(url, allow_private=False)
    check_url(url, allow_private=True)


def test_a_client_that_refuses_private_hosts_refuses_the_test_site(site):
    with Client(FAST, allow_private=False) as client, pytest.raises(InputError, match="web_allow_private_addresses"):
        client.get(site.url("/feed.xml"))


@pytest.mark.parametrize("url, canonical", [
    ("HTTPS://News.Example:443/a?utm_source=rss&b=2&a=1#top", "https://news.example/a?a=1&b=2"),
    ("http://news.example", "http://news.example/"),
    ("http://news.example:8080/x?fbclid=abc", "http://news.example:8080/x"),
    ("http://news.example/x?id=7", "http://news.example/x?id=7"),
])
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical
