"""The DuckDB store on real files: idempotent, transactional, reporting every input file."""
import json
import os
import subprocess
import sys
import textwrap

import duckdb
import pandas as pd
import pytest

from loaders import schema
from loaders.errors import ParleyError, StoreBusyError
from loaders.extractor import extractor_version
from loaders.store import Store
from tests.conftest import ROOT

MEETING = ("Foreign ministers of Norway and Chile met in Oslo on 3 March to discuss trade. "
           "They agreed to meet again next year.")


@pytest.fixture
def folder(tmp_path, write_article):
    articles = tmp_path / "in"
    write_article("a.txt", "2024-03-05", "Norway and Chile talk trade", MEETING, folder=articles)
    write_article("b.txt", "2024-04-01", "Nothing here", "Prices rose by 3% in March.", folder=articles)
    (articles / "c.bin").write_bytes(b"\x00\x01\x02garbage\x00")
    return articles


def outcomes(report):
    return sorted((os.path.basename(f.path), f.outcome) for f in report.files)


def test_ingest_reports_every_file_and_second_ingest_adds_nothing(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    first = store.ingest([folder])
    assert outcomes(first) == [("a.txt", "ingested"), ("b.txt", "ingested"), ("c.bin", "rejected")]
    assert first.rejected[0].reason
    counts = store.counts()
    assert counts["articles"] == 2
    second = store.ingest([folder])
    assert outcomes(second) == [("a.txt", "duplicate"), ("b.txt", "duplicate"), ("c.bin", "rejected")]
    assert store.counts() == counts
    log = store.ingest_log()
    assert len(log) == 6 and set(log["outcome"]) == {"ingested", "duplicate", "rejected"}


def test_two_encounters_told_in_one_sentence_are_both_stored(tmp_path, write_article):
    # one sentence, one kind, one status: only the trigger tells the two meetings apart
    body = ("The envoy Lena Holt met Norway's Prime Minister Jonas Gahr Store in Oslo on Monday "
            "and met Chile's President Gabriel Boric in Santiago on Thursday.")
    write_article("tour.txt", "2024-03-09", "An envoy's week", body, folder=tmp_path / "in")
    store = Store(tmp_path / "p.duckdb")
    store.ingest([tmp_path / "in"])
    mentions = store.mentions()
    assert sorted(mentions["city"]) == ["Oslo", "Santiago"]
    assert mentions["mention_id"].is_unique


def test_the_store_records_which_extractor_read_each_article_and_reopens_without_extracting_again(tmp_path, folder):
    db = tmp_path / "p.duckdb"
    store = Store(db)
    store.ingest([folder])
    with duckdb.connect(str(db), read_only=True) as con:
        recorded = set(con.execute("SELECT article_id, extractor FROM extractions").fetchall())
    assert recorded == {(article, extractor_version()) for article in store.articles()["article_id"]}
    assert Store(db).notices == []


def test_same_article_in_two_files_is_one_article(tmp_path, write_article):
    a = write_article("one/x.txt", "2024-03-05", "Same", MEETING)
    b = write_article("two/y.txt", "2024-03-05", "Same", MEETING)
    store = Store(tmp_path / "p.duckdb")
    report = store.ingest([a, b])
    assert sorted(f.outcome for f in report.files) == ["duplicate", "ingested"]
    assert store.counts()["articles"] == 1


def test_stored_frames_pass_their_schemas(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    store.ingest([folder])
    schema.check(store.articles(), schema.ARTICLES, "articles")
    schema.check(store.mentions(), schema.MENTIONS, "mentions")
    events = schema.check(store.events(), schema.EVENTS, "events")
    assert len(events) >= 1
    assert all(len(s) == n for s, n in zip(events["sources"], events["n_sources"]))


KILL_DURING_MERGE = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from loaders.store import Store
    def progress(done, total, label):
        if label == "merging":      # articles and mentions are inserted, the transaction is open
            os._exit(9)
    Store({db!r}).ingest([{path!r}], progress=progress)
""")


def test_process_killed_in_the_middle_of_an_ingest_leaves_the_store_as_it_was(tmp_path, folder, write_article):
    db = tmp_path / "p.duckdb"
    Store(db).ingest([folder / "a.txt"])
    before = Store(db).counts()
    extra = write_article("d.txt", "2024-05-01", "Kenya and Peru", "Kenya and Peru held talks in Lima on Monday.",
                          folder=tmp_path / "later")
    code = KILL_DURING_MERGE.format(root=str(ROOT), db=str(db), path=str(extra.parent))
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert killed.returncode == 9, killed.stderr
    store = Store(db)
    assert store.counts() == before
    again = store.ingest([extra.parent])
    assert [f.outcome for f in again.files] == ["ingested"]
    assert store.counts()["articles"] == before["articles"] + 1


def test_a_second_writer_is_told_the_store_is_busy(tmp_path, folder):
    db = tmp_path / "p.duckdb"
    Store(db)
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusyError, match="busy"):
            Store(db, busy_timeout=0.5).ingest([folder])
    finally:
        holder.kill()
        holder.wait()
    assert Store(db).ingest([folder]).count("ingested") == 2


def test_store_of_another_schema_version_is_refused(tmp_path):
    db = tmp_path / "old.duckdb"
    Store(db)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(ParleyError, match="schema version 0"):
        Store(db)


def test_foreign_duckdb_file_is_refused(tmp_path):
    db = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE sales (x INT)")
    with pytest.raises(ParleyError, match="not a Parley store"):
        Store(db)


def test_a_file_that_is_not_duckdb_is_refused_in_one_line(tmp_path):
    db = tmp_path / "notes.duckdb"
    db.write_text("hello")
    with pytest.raises(ParleyError) as error:
        Store(db)
    assert "\n" not in str(error.value)


def test_frames_added_in_code_are_reported_under_their_label(tmp_path):
    from eventrows import mention, mentions_frame

    store = Store(tmp_path / "p.duckdb")
    first = store.add_frames(mentions=mentions_frame(mention(1)), label="spreadsheet")
    assert [(f.path, f.outcome, f.mentions) for f in first.files] == [("spreadsheet", "ingested", 1)]
    again = store.add_frames(mentions=mentions_frame(mention(1)), label="spreadsheet")
    assert [(f.outcome, f.reason) for f in again.files] == [("duplicate", "already in the store")]


def test_ingesting_in_batches_gives_the_events_of_one_ingest(tmp_path):
    """Each ingest merges only its new mentions' neighbourhood; the result is the full merge."""
    articles = sorted((ROOT / "data" / "sample" / "articles").glob("*.txt"))
    at_once, in_batches = Store(tmp_path / "once.duckdb"), Store(tmp_path / "batches.duckdb")
    at_once.ingest(articles)
    for batch in (articles[::3], articles[1::3], articles[2::3]):
        in_batches.ingest(batch)
    once, batches = at_once.events(), in_batches.events()
    assert len(once) > 20 and (once["n_sources"] > 1).any()
    pd.testing.assert_frame_equal(batches, once)


def _merged(store):
    with duckdb.connect(str(store.path), read_only=True) as con:
        return schema.conform(con.execute("SELECT * FROM merged ORDER BY event_id").df()
                              .assign(sources=lambda f: f["sources"].map(json.loads)), schema.EVENTS)


def test_a_streamed_events_file_merges_as_merging_everything_in_python_does(tmp_path, monkeypatch):
    """A large events file is streamed and its rows that no mention from elsewhere could join
    become events in SQL (loaders/bulk.py); the store's events equal merge_mentions of all its
    mentions, after the file, and again after mentions from elsewhere come to join some rows."""
    from dataclasses import replace

    from loaders import registry
    from loaders.merge import merge_mentions
    from loaders.settings import SETTINGS
    from tests.eventrows import mention, mentions_frame

    monkeypatch.setattr(registry, "SETTINGS", replace(SETTINGS, stream_file_bytes=0))  # stream every events file
    rows = ["kind,date,countries,city,country,topics,title,absent,heads"]
    for n in range(40):  # pairs of eight countries over four months; two rows of the file tell the same day
        a, b = ("NOR", "CHL", "PER", "BOL", "ARG", "URY", "PRY", "ECU")[n % 8], ("CHL", "PER", "BOL", "ARG")[n % 4]
        pair = f"{a};{b}" if a != b else a
        rows.append(f"meeting,2024-0{1 + n % 4}-{1 + n % 28:02d},{pair},Oslo,NOR,trade;trade,Row {n},{'ECU' if n % 5 == 0 else ''},"
                    f"Head {n % 3};Head {n % 3}")
    rows.append(rows[1].replace("Row 0", "Row 0 again"))  # the same day and parties: two rows of one file stay two events
    rows.append("summit,,ARG;URY,,,,Undated row,,")
    (tmp_path / "events.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = Store(tmp_path / "store.duckdb")
    report = store.ingest([tmp_path / "events.csv"])
    assert [(f.outcome, f.mentions) for f in report.files] == [("ingested", 42)]

    def check():
        everything = merge_mentions(store.mentions()).sort_values("event_id", ignore_index=True)
        pd.testing.assert_frame_equal(_merged(store), schema.conform(everything, schema.EVENTS))
        pd.testing.assert_frame_equal(store.events().sort_values("event_id", ignore_index=True),
                                      schema.conform(everything, schema.EVENTS))
        return everything

    assert len(check()) == 42  # nothing to merge yet: one event per row
    # reports from elsewhere: one joins the 1 January row of NOR and CHL, one is undated, one meets no row
    store.add_frames(mentions=mentions_frame(
        mention(1, date=pd.Timestamp("2024-01-01"), countries=["NOR", "CHL"], city=None, country=None, article="report.csv"),
        mention(2, date=pd.NaT, date_precision="unknown", published=pd.Timestamp("2024-02-10"), countries=["PER", "BOL"],
                city=None, country=None, article="other.csv"),
        mention(3, date=pd.Timestamp("2019-05-05"), countries=["JPN", "KOR"], city=None, country=None, article="far.csv")))
    merged = check()
    assert (merged["n_sources"] > 1).sum() >= 1
