"""`python -m loaders` as a user runs it: a real process, real files, a real store."""
import csv
import io
import json
import subprocess
import sys

import duckdb
import pytest

from loaders import schema
from loaders.migrations import SCHEMA_VERSION
from loaders.store import Store
from tests.conftest import (
    ROOT,
    SAMPLE_ARTICLES,
    SCHEMA1_ARTICLES,
    SCHEMA1_EDITED_TITLE,
    SEED_ARTICLE,
    binary_samples,
)


def run(*args):
    return subprocess.run([sys.executable, "-m", "loaders", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_articles_prints_each_article_once_with_header_date_and_byline_time():
    done = run("articles", SAMPLE_ARTICLES, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == len(list(SAMPLE_ARTICLES.glob("*.txt")))
    assert len({r["article_id"] for r in records}) == len(records)
    seed = next(r for r in records if r["path"].endswith(SEED_ARTICLE.name))
    assert seed["published"] == "2025-02-28T08:53"
    first_lines = {p.name: p.read_text(encoding="utf-8").split()[1] for p in SAMPLE_ARTICLES.glob("*.txt")}
    for record in records:
        name = record["path"].rsplit("/", 1)[-1]
        assert record["published"][:10] == first_lines[name]


def test_articles_as_csv_has_a_header_and_one_row_per_article():
    done = run("articles", SEED_ARTICLE, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("article_id,path,title,published")


def test_ingest_twice_adds_nothing_the_second_time_and_says_so(tmp_path):
    db = tmp_path / "p.duckdb"
    first = run("ingest", SEED_ARTICLE, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "ingested 1" in first.stdout
    second = run("ingest", SEED_ARTICLE, "--db", db)
    assert second.returncode == 0
    assert "duplicate 1" in second.stdout and "nothing new" in second.stdout


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03\xff\xfe\x00binary", "binary"),
])
def test_bad_input_is_one_line_without_traceback_and_exit_code_is_nonzero(tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = run("ingest", bad, "--db", tmp_path / "p.duckdb")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "bad.txt" in line]
    assert len(lines) == 1 and reason in lines[0].lower()


def test_random_bytes_a_renamed_png_and_a_renamed_zip_are_each_rejected_on_one_line(tmp_path):
    samples = binary_samples()
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
    done = run("articles", tmp_path, "--format", "jsonl")
    assert done.returncode == 1 and done.stdout == "" and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == len(samples)
    for name in samples:
        line, = [line for line in lines if line.startswith(f"rejected: {tmp_path / name}: ")]
        assert ("an archive (zip)" if name == "archive.txt" else "binary file") in line


def test_extract_mentions_prints_the_contracted_fields():
    done = run("extract", SEED_ARTICLE, "--mentions", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records
    for field in ("article", "kind", "status", "date", "end_date", "date_precision", "date_text", "city",
                  "country", "countries", "absent", "mediators", "heads", "topics", "evidence"):
        assert field in records[0]


def test_extract_events_carries_sources():
    done = run("extract", SEED_ARTICLE, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events and all(e["sources"] and "evidence" in e["sources"][0] for e in events)


def test_missing_path_is_an_error_not_a_traceback(tmp_path):
    done = run("articles", tmp_path / "nope")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "nope" in done.stderr


def test_a_folders_readme_is_reported_not_read_as_an_article(tmp_path, write_article):
    write_article("a.txt", "2024-03-05", "Norway and Chile", "Norway and Chile met in Oslo on Monday.")
    (tmp_path / "README.md").write_text("# Notes\n\nWhere these files came from.\n", encoding="utf-8")
    done = run("articles", tmp_path, "--format", "jsonl")
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
    assert "README.md: documentation file" in done.stderr
    named = run("articles", tmp_path / "README.md", "--format", "jsonl")
    assert named.returncode == 0 and len(named.stdout.splitlines()) == 1


def test_extracted_mentions_read_back_as_an_events_file(tmp_path):
    first = run("extract", SEED_ARTICLE, "--mentions", "--format", "jsonl")
    saved = tmp_path / "mentions.jsonl"
    saved.write_text(first.stdout, encoding="utf-8")
    again = run("extract", saved, "--mentions", "--format", "jsonl")
    assert again.returncode == 0, again.stderr
    keys = ("kind", "status", "date", "date_precision", "country", "countries", "absent")
    before = sorted(tuple(str(json.loads(l)[k]) for k in keys) for l in first.stdout.splitlines())
    after = sorted(tuple(str(json.loads(l)[k]) for k in keys) for l in again.stdout.splitlines())
    assert after == before


def test_extract_explain_says_which_rule_decided_each_field(tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text(" date 2024-03-06 All Sections\nTitle\n\nLIMA, March 5 (Reuters) - The foreign ministers "
                       "of Chile and Peru met today in the presidential palace and agreed to hold talks in "
                       "Quito next month.\n", encoding="utf-8")
    done = run("extract", article, "--mentions", "--explain")
    records = {r["kind"]: r for r in map(json.loads, done.stdout.splitlines())}
    meeting, talks = records["meeting"], records["talks"]
    assert (meeting["city"], meeting["date"]) == ("Lima", "2024-03-05")
    assert meeting["why"]["venue"] == "the dateline" and "'today'" in meeting["why"]["date"]
    assert (talks["status"], talks["city"]) == ("planned", "Quito")
    assert "'next'" in talks["why"]["status"] and "'Quito'" in talks["why"]["venue"]
    events = run("extract", article, "--explain")
    assert all(isinstance(json.loads(line)["why"], list) for line in events.stdout.splitlines())


def test_events_of_the_schema_1_fixture_are_the_apps_with_the_edited_title_and_without_the_deleted_event(schema1_store):
    with duckdb.connect(str(schema1_store), read_only=True) as con:
        [(deleted,)] = con.execute("SELECT anchors[1] FROM corrections WHERE action = 'delete'").fetchall()
    done = run("events", "--db", schema1_store, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert SCHEMA1_EDITED_TITLE in {r["title"] for r in records}
    assert deleted not in {f"{s['article_id']}@{s['evidence_start']}" for r in records for s in r["sources"]}
    assert {s["article"] for r in records for s in r["sources"]} == set(SCHEMA1_ARTICLES)
    assert any("upgraded the store from schema 1" in line for line in done.stderr.splitlines())
    assert records == json.loads(json.dumps(schema.to_records(Store(schema1_store).events(), schema.EVENTS), default=str))


def test_events_of_one_country_as_csv(schema1_store):
    done = run("events", "--db", schema1_store, "--country", "usa", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["title"], r["countries"]) for r in rows] == [(SCHEMA1_EDITED_TITLE, "USA;CHN")]


def test_corrections_lists_both_corrections_of_the_schema_1_fixture_as_applied(schema1_store):
    done = run("corrections", "--db", schema1_store, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["correction_id"], r["action"], r["status"], r["problem"]) for r in records] == [
        (1, "edit", "applied", None), (2, "delete", "applied", None)]
    assert json.loads(records[0]["changes"]) == {"title": SCHEMA1_EDITED_TITLE}


def _newer_store(path):
    Store(path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])


def _foreign_duckdb(path):
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales (x INT)")


@pytest.mark.parametrize("command, make, extra, reason", [
    ("events", None, [], "no such store"),
    ("corrections", "folder", [], "a folder, not a store file"),
    ("events", lambda path: path.write_text("my notes"), [], "cannot open the store"),
    ("corrections", _foreign_duckdb, [], "not a Parley store"),
    ("events", _newer_store, [], f"schema version {SCHEMA_VERSION + 1} is newer than this Parley reads"),
    ("events", Store, ["--country", "XYZ"], "--country: ['XYZ'] are not ISO 3166-1 alpha-3 codes"),
])
def test_bad_input_to_the_store_commands_is_one_line_naming_the_file_and_the_reason(tmp_path, command, make, extra, reason):
    db = tmp_path / "given.duckdb"
    if make == "folder":
        db.mkdir()
    elif make:
        make(db)
    done = run(command, "--db", db, *extra)
    assert done.returncode == 1 and done.stdout == ""
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert reason in line
    assert str(db) in line or extra


# -- fetching from the web (a news site served by this test on 127.0.0.1) ------------------------


@pytest.fixture
def news_site():
    from newssite import serve

    with serve() as site:
        yield site


def test_fetch_a_feed_then_again_with_its_atom_twin_adds_nothing(news_site, tmp_path):
    db = tmp_path / "news.duckdb"
    first = run("fetch", news_site.url("/feed.xml"), "--db", db)
    assert first.returncode == 0, first.stderr
    assert f"ingested: {news_site.url('/feed.xml')} (feed): 4 new articles" in first.stdout
    titles = set(Store(db).articles()["title"])
    assert "Kenya and Peru agree to deepen trade ties at talks in Lima" in titles
    second = run("fetch", news_site.url("/feed.xml"), news_site.url("/atom.xml"), "--db", db)
    assert second.returncode == 0, second.stderr
    assert f"unchanged: {news_site.url('/feed.xml')}" in second.stdout
    assert f"duplicate: {news_site.url('/atom.xml')} (feed)" in second.stdout
    assert "ingested 0, unchanged 1, duplicate 1, rejected 0 (new articles 0, new mentions 0)" in second.stdout
    agents = {headers.get("User-Agent", "") for _, headers in news_site.requests}
    assert all(agent.startswith("Parley/") for agent in agents)


@pytest.mark.parametrize("path, reason", [
    ("/malformed.xml", "malformed feed: mismatched tag"),
    ("/slow.html", "no answer within 0.5 s"),
    ("/private/memo.html", "robots.txt of http://127.0.0.1:"),
])
def test_fetch_of_a_bad_url_is_one_line_and_a_nonzero_exit(news_site, tmp_path, path, reason):
    done = run("fetch", news_site.url(path), "--db", tmp_path / "news.duckdb", "--timeout", "0.5")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [line] = [line for line in done.stderr.splitlines() if line.startswith("rejected:")]
    assert line.startswith(f"rejected: {news_site.url(path)}: ") and reason in line
    assert "/private/memo.html" not in news_site.paths()


def test_subscribe_then_refresh_then_unsubscribe(news_site, tmp_path):
    db = tmp_path / "news.duckdb"
    assert run("subscribe", news_site.url("/feed.xml"), "--db", db).returncode == 0
    bad = run("subscribe", "file:///etc/passwd", "--db", db)
    assert bad.returncode == 1 and "file: URLs are refused" in bad.stderr and "Traceback" not in bad.stderr
    done = run("refresh", "--db", db)
    assert done.returncode == 0, done.stderr
    assert f"ingested: {news_site.url('/feed.xml')} (feed)" in done.stdout
    assert f"unchanged: {news_site.url('/feed.xml')}" in run("refresh", "--db", db).stdout
    assert run("unsubscribe", news_site.url("/feed.xml"), "--db", db).returncode == 0
    assert "no subscriptions" in run("refresh", "--db", db).stdout
    wrong = run("refresh", "--every", "soon", "--db", db)
    assert wrong.returncode == 1 and "--every 'soon'" in wrong.stderr
