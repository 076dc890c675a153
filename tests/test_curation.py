"""Curation: edits, deletions, merges and splits are kept, undone, exported, and survive re-ingest."""
import pandas as pd
import pytest
from eventrows import mention, mentions_frame

from loaders.errors import ParleyError
from loaders.store import Store


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "p.duckdb")
    store.add_frames(mentions=mentions_frame(
        mention(1),
        mention(2, kind="call", countries=["KEN", "PER"], city=None, country=None, date=pd.Timestamp("2024-01-09"),
                title="KEN–PER call"),
        mention(3, kind="summit", countries=["FRA", "DEU"], city="Paris", country="FRA",
                date=pd.Timestamp("2023-05-01"), title="FRA–DEU summit")))
    return store


def event_with(store, title_part):
    events = store.events()
    return events[events["title"].str.contains(title_part, regex=False)].iloc[0]


def test_edit_is_applied_kept_with_before_and_undone(store):
    target = event_with(store, "KEN–PER")
    store.edit_event(target["event_id"], {"status": "planned", "countries": "KEN; PER; ETH"}, reason="reread")
    edited = event_with(store, "KEN–PER")
    assert edited["status"] == "planned" and edited["countries"] == ["KEN", "PER", "ETH"]
    [correction] = store.corrections().to_dict("records")
    assert correction["action"] == "edit" and correction["reason"] == "reread"
    assert '"status": "held"' in correction["before"]
    assert store.correction_statuses()["status"].tolist() == ["applied"]
    assert store.undo() == correction["correction_id"]
    assert event_with(store, "KEN–PER")["status"] == "held"
    assert store.correction_statuses()["status"].tolist() == ["undone"]
    assert store.undo() is None


@pytest.mark.parametrize("changes, message", [
    ({"status": "maybe"}, "status"),
    ({"countries": "USA; XX"}, "ISO 3166-1"),
    ({"date": "not a date"}, "YYYY-MM-DD"),
    ({"evidence": "x"}, "cannot be edited"),
    ({"countries": "USA", "absent": "USA"}, "either a participant or absent"),
])
def test_bad_edits_are_refused_with_the_field_named(store, changes, message):
    target = event_with(store, "KEN–PER")
    with pytest.raises(ParleyError, match=message):
        store.edit_event(target["event_id"], changes)
    assert store.corrections().empty


def test_delete_merge_split_and_their_survival_of_a_reingest(store):
    before = len(store.events())
    store.delete_event(event_with(store, "FRA–DEU")["event_id"], reason="not diplomatic")
    assert len(store.events()) == before - 1
    a, b = event_with(store, "NOR–CHL"), event_with(store, "KEN–PER")
    store.merge_events(a["event_id"], b["event_id"], reason="same call")
    merged = event_with(store, "NOR–CHL")
    assert merged["n_sources"] == a["n_sources"] + b["n_sources"]
    assert any("merged by hand" in reason for reason in merged["merge_reasons"])
    assert len(store.events()) == before - 2
    # A re-ingest that adds a mention rebuilds events from the mentions: the corrections come back.
    store.add_frames(mentions=mentions_frame(mention(4, countries=["JPN", "KOR"], title="JPN–KOR meeting", city="Seoul",
                                            country="KOR", date=pd.Timestamp("2022-01-01"))))
    assert len(store.events()) == before - 1
    merged = event_with(store, "NOR–CHL")
    store.split_event(merged["event_id"], [merged["mention_ids"][-1]], reason="two encounters")
    assert len(store.events()) == before
    assert event_with(store, "KEN–PER")["n_sources"] == 1


def test_corrections_export_and_import_into_another_store(store, tmp_path):
    target = event_with(store, "KEN–PER")
    store.edit_event(target["event_id"], {"title": "Kenya and Peru, by phone"})
    exported = tmp_path / "corrections.json"
    assert store.export_corrections(exported) == 1
    other = Store(tmp_path / "other.duckdb")
    other.add_frames(mentions=mentions_frame(mention(2, kind="call", countries=["KEN", "PER"], city=None, country=None,
                                            title="KEN–PER call")))
    assert other.import_corrections(exported) == 1
    assert other.import_corrections(exported) == 0
    assert other.events()["title"].tolist() == ["Kenya and Peru, by phone"]


def test_a_correction_whose_event_is_gone_is_reported_not_lost(tmp_path, store):
    store.edit_event(event_with(store, "KEN–PER")["event_id"], {"title": "x"})
    exported = tmp_path / "c.json"
    store.export_corrections(exported)
    other = Store(tmp_path / "empty.duckdb")
    other.add_frames(mentions=mentions_frame(mention(9, title="unrelated")))
    assert other.import_corrections(exported) == 1
    assert len(other.corrections()) == 1
    assert other.correction_problems and "no longer matches" in other.correction_problems[0]
    [status] = other.correction_statuses().to_dict("records")
    assert status["status"] == "unmatched" and "were not found" in status["problem"]


def test_a_merge_whose_second_event_is_gone_is_listed_as_unmatched_with_the_reason(store, tmp_path):
    store.merge_events(event_with(store, "KEN–PER")["event_id"], event_with(store, "FRA–DEU")["event_id"])
    exported = tmp_path / "c.json"
    store.export_corrections(exported)
    other = Store(tmp_path / "other.duckdb")
    other.add_frames(mentions=mentions_frame(mention(2, kind="call", countries=["KEN", "PER"], city=None, country=None,
                                            title="KEN–PER call")))
    other.import_corrections(exported)
    [status] = other.correction_statuses().to_dict("records")
    assert status["status"] == "unmatched" and "the event to merge in, with sources ['a3@0'], was not found" == status["problem"]
    assert other.events()["title"].tolist() == ["KEN–PER call"]
