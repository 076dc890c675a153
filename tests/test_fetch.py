"""URLs into a real store, from a small news site on 127.0.0.1 (tests/newssite.py): a feed's
pages become articles with their events; fetching again, or an Atom feed of the same stories,
adds nothing and downloads no page twice; GDELT's update list brings its export; bad URLs end
as one-line rejections. Subscriptions and refresh keep each feed's status."""
import dataclasses

import duckdb
import pytest
from newssite import STORIES, serve

from loaders import subscriptions
from loaders.errors import ParleyError
from loaders.feeds import looks_like_feed, parse_feed
from loaders.fetch import fetch_urls
from loaders.settings import SETTINGS
from loaders.store import Store
from loaders.web import Client

FAST = dataclasses.replace(SETTINGS, fetch_host_interval_seconds=0, fetch_timeout_seconds=0.5,
                           fetch_backoff_seconds=0.05, fetch_retries=1, fetch_max_bytes=1_000_000)


@pytest.fixture
def site():
    with serve() as running:
        yield running


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "fetch.duckdb")


def fetch(store, *urls, settings=FAST):
    with Client(settings) as client:
        return fetch_urls(store, list(urls), client)


def page_requests(site):
    return [p for p in site.paths() if p in STORIES]


def test_a_feed_stores_each_items_page_with_headline_date_outlet_and_main_text_and_its_events(site, store):
    report = fetch(store, site.url("/feed.xml"))
    [line] = report.urls
    assert (line.outcome, line.kind, line.articles) == ("ingested", "feed", 4), line.line()
    articles = store.articles().set_index("path")
    kenya = articles.loc[site.url("/news/kenya-peru-talks")]
    assert kenya["title"] == "Kenya and Peru agree to deepen trade ties at talks in Lima"  # not the <title>'s suffix
    assert (str(kenya["published"]), kenya["published_precision"], kenya["published_tz"]) == \
        ("2024-03-04 09:30:00", "minute", "+01:00")
    assert (kenya["outlet"], kenya["byline"]) == ("The Harbour Courier", "Amara Wanjiru")
    assert kenya["text"].startswith("The foreign ministers of Kenya and Peru met in Lima on Monday")
    for furniture in ("Most read", "Celebrity chef", "Advertisement", "All rights reserved", "Opinion"):
        assert furniture not in kenya["text"]
    assert articles.loc[site.url("/press/chile-ambassador"), "title"] == "Foreign Minister receives the Ambassador of Chile"
    assert "riverwatcher" not in articles.loc[site.url("/news/ghana-vietnam-call"), "text"]  # comments left out
    countries = {c for codes in store.events()["countries"] for c in codes}
    assert {"KEN", "PER", "GHA", "VNM"} <= countries


def test_the_same_feed_again_and_an_atom_feed_of_the_same_stories_add_nothing_and_download_no_page_twice(site, store):
    fetch(store, site.url("/feed.xml"))
    counts = store.counts()
    report = fetch(store, site.url("/feed.xml"), site.url("/atom.xml"))
    assert [(u.outcome, u.articles) for u in report.urls] == [("unchanged", 0), ("duplicate", 0)], \
        [u.line() for u in report.urls]
    assert "HTTP 304" in report.urls[0].reason
    assert store.counts() == counts
    assert sorted(page_requests(site)) == sorted(STORIES)  # each page once, across both runs
    feed_requests = [headers for path, headers in site.requests if path == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"feed-v1"'


def test_an_atom_feed_first_then_the_rss_feed_of_the_same_stories(site, store):
    assert fetch(store, site.url("/atom.xml")).urls[0].outcome == "ingested"
    second = fetch(store, site.url("/feed.xml")).urls[0]
    assert (second.outcome, second.articles) == ("duplicate", 0), second.line()
    assert len(page_requests(site)) == len(STORIES)


def test_the_same_story_at_two_urls_is_stored_once(site, store):
    report = fetch(store, site.url("/news/ghana-vietnam-call"), site.url("/flaky.html"))
    assert [u.outcome for u in report.urls] == ["ingested", "duplicate"], [u.line() for u in report.urls]
    assert len(store.articles()) == 1


def test_a_page_given_again_unchanged_is_unchanged(site, store):
    fetch(store, site.url("/news/kenya-peru-talks"))
    line = fetch(store, site.url("/news/kenya-peru-talks")).urls[0]
    assert line.outcome == "unchanged" and "the same content" in line.reason


@pytest.mark.parametrize("path, reason", [
    ("/malformed.xml", "malformed feed: mismatched tag"),
    ("/slow.html", "no answer within 0.5 s"),
    ("/private/memo.html", "disallows /private/memo.html"),
    ("/loop/a", "redirect loop"),
    ("/big.html", "over the limit of 1,000,000 bytes"),
    ("/photo.png", "content type image/png"),
])
def test_a_bad_url_is_rejected_with_a_one_line_reason_and_stores_nothing(site, store, path, reason):
    [line] = fetch(store, site.url(path)).urls
    assert line.outcome == "rejected" and reason in line.reason and "\n" not in line.line()
    assert store.counts()["articles"] == 0
    log = store.ingest_log()
    assert log.empty  # nothing read, nothing offered to the store


def test_a_feed_item_robots_txt_disallows_is_reported_and_never_requested(site, store):
    [line] = fetch(store, site.url("/robots-feed.xml")).urls
    assert line.outcome == "rejected" and "disallows /private/memo.html" in line.reason
    assert line.details == [f"rejected item: {site.url('/private/memo.html')}: robots.txt of {site.base} "
                            f"disallows /private/memo.html for Parley; not fetched"]
    assert "/private/memo.html" not in site.paths()


def test_a_page_that_is_not_utf_8_is_read_with_its_declared_or_detected_encoding(site, store):
    report = fetch(store, site.url("/latin1.html"))
    [article] = store.articles().to_dict("records")
    assert report.urls[0].outcome == "ingested"
    assert article["title"] == "Réunion à Genève entre la Suisse et le Brésil" and "sécurité énergétique" in article["text"]
    assert article["outlet"] == "Le Courrier du Lac"
    # served without a charset: guessed, and the guess reported; the same text, so the same article
    again = fetch(store, site.url("/latin1-undeclared.html")).urls[0]
    assert again.outcome == "duplicate"


def test_gdelts_update_list_brings_its_export_checked_against_the_list(site, store):
    [line] = fetch(store, site.url("/gdelt/lastupdate.txt")).urls
    assert (line.outcome, line.kind) == ("ingested", "gdelt-list") and line.mentions > 0, line.line()
    assert "/gdelt/20240304101500.export.CSV.zip" in site.paths()
    assert "/gdelt/20240304101500.mentions.CSV.zip" not in site.paths()  # only the events export
    mentions = store.mentions()
    assert set(mentions["origin"]) == {"gdelt"} and len(mentions) == line.mentions
    again = fetch(store, site.url("/gdelt/lastupdate.txt")).urls[0]
    assert again.outcome == "unchanged"


def test_a_zipped_export_that_does_not_match_the_list_is_rejected(site, store):
    site.zip = site.zip[:-10] + b"0123456789"  # the list states the new size and MD5 ...
    good_size = len(site.zip)
    from loaders.gdelt import UpdateEntry, read_zipped_export
    with pytest.raises(ParleyError, match="MD5 .* differs from the update list's"):
        read_zipped_export(site.zip, "x.zip", UpdateEntry("x.zip", good_size, "0" * 32))


def test_a_feed_is_told_by_its_content():
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body>rss</body></html>")
    feed = parse_feed(b"<rss version='2.0'><channel><item><title>A</title></item>"
                      b"<item><link>https://a.example/1</link></item></channel></rss>", "https://a.example/f")
    assert [i.link for i in feed.items] == ["https://a.example/1"] and feed.skipped == 1


# -- subscriptions ------------------------------------------------------------------------------


def test_subscribe_refresh_and_each_feeds_status(site, store):
    subscriptions.subscribe(store, site.url("/feed.xml"))
    subscriptions.subscribe(store, site.url("/malformed.xml"))
    with pytest.raises(ParleyError, match="already subscribed"):
        subscriptions.subscribe(store, site.url("/feed.xml"))
    with Client(FAST) as client:
        first = subscriptions.refresh(store, client)
    assert [u.outcome for u in first.urls] == ["ingested", "rejected"]
    status = subscriptions.subscriptions(store).set_index("url")
    good, bad = status.loc[site.url("/feed.xml")], status.loc[site.url("/malformed.xml")]
    assert good["etag"] == '"feed-v1"' and good["last_success"] is not None and good["last_error"] is None
    assert bad["last_success"] is None and "malformed feed" in bad["last_error"]
    with Client(FAST) as client:
        second = subscriptions.refresh(store, client)
    assert second.urls[0].outcome == "unchanged"
    assert subscriptions.subscriptions(store).set_index("url").loc[site.url("/feed.xml"), "last_result"].startswith("unchanged")
    subscriptions.unsubscribe(store, site.url("/malformed.xml"))
    assert list(subscriptions.subscriptions(store)["url"]) == [site.url("/feed.xml")]
    with pytest.raises(ParleyError, match="not subscribed"):
        subscriptions.unsubscribe(store, site.url("/malformed.xml"))


def test_the_web_apps_subscriptions_refuse_loopback_unless_allowed(store):
    with pytest.raises(ParleyError, match="private, loopback or reserved"):
        subscriptions.subscribe(store, "http://127.0.0.1:9/feed.xml", allow_private=False)
    with pytest.raises(ParleyError, match="file: URLs are refused"):
        subscriptions.subscribe(store, "file:///etc/passwd", allow_private=True)
    assert subscriptions.subscriptions(store).empty


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("2h", 7200), ("1d", 86400), ("90s", 90), ("5", 300)])
def test_every_reads_an_interval(text, seconds):
    assert subscriptions.every_seconds(text) == seconds


@pytest.mark.parametrize("text", ["soon", "10s", "-5m", "15 minutes"])
def test_every_refuses_what_is_not_an_interval_of_a_minute_or_more(text):
    with pytest.raises(ParleyError, match="--every"):
        subscriptions.every_seconds(text)


def test_the_fetched_table_keeps_validators_by_canonical_url(site, store):
    fetch(store, site.url("/feed.xml?utm_source=x"))
    with duckdb.connect(str(store.path), read_only=True) as con:
        rows = dict(con.execute("SELECT url, etag FROM fetched").fetchall())
    assert rows[site.url("/feed.xml")] == '"feed-v1"'
    assert all("utm_" not in url for url in rows)
