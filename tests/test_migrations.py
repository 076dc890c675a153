"""Upgrades keep the user's work: the schema-1 fixture store opens with the newest code, with its
articles and both corrections; a step that fails leaves the file as it was; a newer store is refused."""
import duckdb
import pandas as pd
import pytest
from eventrows import mention, mentions_frame

from loaders import migrations
from loaders.errors import ParleyError
from loaders.extractor import extractor_version
from loaders.migrations import SCHEMA_VERSION, Step
from loaders.registry import read_paths
from loaders.store import Store
from tests.conftest import SCHEMA1_ARTICLES, SCHEMA1_EDITED_TITLE, SCHEMA1_STORE


def stored_version(path):
    with duckdb.connect(str(path), read_only=True) as con:
        return int(con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()[0][0])


def rows(path, sql):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def layout(path):
    """Every table's columns with their types, and the primary keys: what a schema version fixes."""
    return (rows(path, "SELECT table_name, column_name, data_type FROM information_schema.columns "
                       "ORDER BY table_name, ordinal_position"),
            rows(path, "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
                       "WHERE constraint_type = 'PRIMARY KEY' ORDER BY table_name"))


def anchors(events):
    return {f"{s['article_id']}@{s['evidence_start']}" for sources in events["sources"] for s in sources}


def test_the_committed_fixture_is_still_a_schema_1_store():
    assert stored_version(SCHEMA1_STORE) == 1
    assert rows(SCHEMA1_STORE, "SELECT action, undone FROM corrections ORDER BY correction_id") == [
        ("edit", False), ("delete", False)]


def test_a_schema_1_store_opens_with_its_articles_and_its_corrections_applied(schema1_store):
    articles_before = rows(schema1_store, "SELECT article_id, path, text FROM articles ORDER BY article_id")
    deleted_anchor = rows(schema1_store, "SELECT anchors[1] FROM corrections WHERE action = 'delete'")[0][0]
    store = Store(schema1_store)
    assert stored_version(schema1_store) == SCHEMA_VERSION
    assert rows(schema1_store, "SELECT article_id, path, text FROM articles ORDER BY article_id") == articles_before
    assert sorted(p.rsplit("/", 1)[-1] for _, p, _ in articles_before) == sorted(SCHEMA1_ARTICLES)
    statuses = store.correction_statuses()
    assert list(zip(statuses["action"], statuses["status"])) == [("edit", "applied"), ("delete", "applied")]
    events = store.events()
    assert SCHEMA1_EDITED_TITLE in set(events["title"])
    assert deleted_anchor not in anchors(events)
    # every article's mentions are this code's now, extracted again from the stored text
    assert rows(schema1_store, "SELECT DISTINCT extractor FROM extractions") == [(extractor_version(),)]
    assert {a for a, in rows(schema1_store, "SELECT article_id FROM extractions")} == {a for a, _, _ in articles_before}


def test_the_upgrade_writes_a_backup_beside_the_file_and_says_so_in_one_line(schema1_store):
    original = schema1_store.read_bytes()
    store = Store(schema1_store)
    backup = schema1_store.with_name("analyst.schema1-backup.duckdb")
    assert backup.read_bytes() == original
    upgrade = [n for n in store.notices if "upgraded" in n]
    assert len(upgrade) == 1 and "\n" not in upgrade[0]
    assert f"from schema 1 to {SCHEMA_VERSION}" in upgrade[0] and backup.name in upgrade[0]


def test_opened_again_the_store_is_left_as_it_is(schema1_store):
    Store(schema1_store)
    again = Store(schema1_store)
    assert again.notices == []
    assert sorted(p.name for p in schema1_store.parent.iterdir()) == ["analyst.duckdb", "analyst.schema1-backup.duckdb"]


def test_an_upgraded_store_has_the_tables_of_a_new_store(schema1_store, tmp_path):
    Store(schema1_store)
    assert layout(schema1_store) == layout(Store(tmp_path / "new.duckdb").path)


def test_the_steps_go_one_version_at_a_time_up_to_the_version_the_code_writes():
    assert [step.version for step in migrations.STEPS] == list(range(2, SCHEMA_VERSION + 1))


def test_a_step_that_fails_leaves_the_file_as_it_was_and_says_so_in_one_line(schema1_store):
    # A table of the name the step to schema 2 creates stands in its way.
    with duckdb.connect(str(schema1_store)) as con:
        con.execute("CREATE TABLE extractions (note VARCHAR)")
    original = schema1_store.read_bytes()
    with pytest.raises(ParleyError) as error:
        Store(schema1_store)
    message = str(error.value)
    assert "\n" not in message
    assert str(schema1_store) in message and "schema 1 to 2" in message and "left at schema 1" in message
    backup = schema1_store.with_name("analyst.schema1-backup.duckdb")
    assert backup.name in message and backup.read_bytes() == original
    assert stored_version(schema1_store) == 1
    assert rows(schema1_store, "SELECT count(*) FROM articles") == [(len(SCHEMA1_ARTICLES),)]
    assert rows(schema1_store, "SELECT count(*) FROM corrections") == [(2,)]


def test_each_step_is_one_transaction_the_steps_before_a_failure_stay(tmp_path):
    path = tmp_path / "steps.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        con.execute("CREATE TABLE notes (a INT)")
    steps = (Step(2, "add b", lambda con: con.execute("ALTER TABLE notes ADD COLUMN b INT")),
             Step(3, "add c, then fail", lambda con: (con.execute("ALTER TABLE notes ADD COLUMN c INT"),
                                                       con.execute("SELECT * FROM no_such_table"))))
    with duckdb.connect(str(path)) as con, pytest.raises(ParleyError, match="from schema 2 to 3 .add c, then fail. failed"):
        migrations.upgrade(con, path, 1, steps)
    assert stored_version(path) == 2
    assert [c for c, in rows(path, "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes'")] == ["a", "b"]
    assert stored_version(tmp_path / "steps.schema1-backup.duckdb") == 1


def test_a_backup_never_overwrites_an_earlier_one(tmp_path):
    path = tmp_path / "p.duckdb"
    first = migrations.backup_path(path, 1)
    first.write_bytes(b"an earlier backup")
    assert (first.name, migrations.backup_path(path, 1).name) == ("p.schema1-backup.duckdb", "p.schema1-backup-2.duckdb")


@pytest.mark.parametrize("version, message", [
    (SCHEMA_VERSION + 1, f"schema version {SCHEMA_VERSION + 1} is newer than this Parley reads"),
    (0, "schema version 0 is not one this Parley can read or upgrade"),
])
def test_a_store_of_a_version_this_code_cannot_read_is_refused_in_one_line_and_left_alone(tmp_path, version, message):
    path = tmp_path / "other.duckdb"
    Store(path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    with pytest.raises(ParleyError) as error:
        Store(path)
    assert message in str(error.value) and str(path) in str(error.value) and "\n" not in str(error.value)
    assert stored_version(path) == version
    assert [p.name for p in tmp_path.iterdir()] == ["other.duckdb"]


TALKS = "Kenya and Peru held talks in Lima on Monday. Prices of copper rose by 3% in March."


def test_a_correction_whose_event_is_gone_after_reextraction_is_kept_and_listed_as_unmatched(tmp_path, write_article):
    db = tmp_path / "p.duckdb"
    [article] = read_paths([write_article("talks.txt", "2024-05-01", "Kenya and Peru talk", TALKS)]).articles.to_dict("records")
    prices = article["text"].index("Prices")
    # What an older extractor gave besides this code's mentions: one more, read from the
    # sentence on copper prices, which this code reads as no encounter at all.
    older = mention(9, mention_id="older", article_id=article["article_id"], article="talks.txt", origin="article",
                    countries=["BRA", "ARG"], title="BRA–ARG meeting", evidence_start=prices)
    store = Store(db)
    store.add_frames(articles=pd.DataFrame([article]), mentions=mentions_frame(older, mention(1)))
    events = store.events().set_index("title")
    store.edit_event(events.loc["BRA–ARG meeting", "event_id"], {"status": "planned"}, reason="older reading")
    kept_title = next(t for t in events.index if t.startswith("KEN–PER"))
    store.edit_event(events.loc[kept_title, "event_id"], {"title": "Kenya and Peru in Lima"})
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE extractions SET extractor = 'an older extractor'")

    reopened = Store(db)
    assert any("extracted 1 article again" in n and "1 no longer match" in n for n in reopened.notices)
    statuses = reopened.correction_statuses().set_index("correction_id")
    assert statuses.loc[2, "status"] == "applied" and statuses.loc[2, "problem"] is None
    assert statuses.loc[1, "status"] == "unmatched"
    assert f"{article['article_id']}@{prices}" in statuses.loc[1, "problem"] and "not found" in statuses.loc[1, "problem"]
    assert reopened.correction_problems == [f"correction 1 (edit) no longer matches an event: {statuses.loc[1, 'problem']}"]
    titles = set(reopened.events()["title"])
    assert "BRA–ARG meeting" not in titles and "Kenya and Peru in Lima" in titles
    assert "NOR–CHL meeting 1" in titles  # a structured mention is not extracted, so it stays


def test_step_3_gives_a_schema_1_store_an_outlet_column_and_empty_fetch_tables(schema1_store):
    from loaders import subscriptions

    store = Store(schema1_store)
    articles = store.articles()
    assert len(articles) == len(SCHEMA1_ARTICLES) and articles["outlet"].isna().all()
    assert rows(schema1_store, "SELECT count(*) FROM fetched") == [(0,)]
    subscriptions.subscribe(store, "https://news.example/feed.xml")
    assert list(subscriptions.subscriptions(store)["url"]) == ["https://news.example/feed.xml"]
