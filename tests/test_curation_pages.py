"""Curation in the dashboard (issue 5 §3) under Streamlit's AppTest, against a real store file.

Each test seeds a fresh store with mentions (so the store's rebuild after a correction has
something to merge), opens the Events page with an event selected through the URL (`?event=`;
AppTest cannot click table rows), fills a curation form and asserts on the store and the page.
"""
import html
import json

import pandas as pd
import pytest
from eventrows import CURATION_MENTIONS, HOSTILE_TITLE, mention, open_page

from loaders import schema
from loaders.curation import changes_from, describe
from loaders.store import Store

MENTIONS = CURATION_MENTIONS + [
    mention(5, kind="call", countries=["BRA", "ARG"], city=None, country=None, date=pd.Timestamp("2024-06-01"),
            title=HOSTILE_TITLE, evidence=f"They spoke: {HOSTILE_TITLE}."),
]


def seeded_store(path):
    store = Store(path)
    store.add_frames(mentions=schema.conform(pd.DataFrame(MENTIONS), schema.MENTIONS))
    return store


@pytest.fixture
def store(tmp_path):
    return seeded_store(tmp_path / "curation.duckdb")


@pytest.fixture
def app(store, monkeypatch):
    monkeypatch.setenv("PARLEY_DB", str(store.path))

    def run(page="events", **query):
        return open_page(page, **query)
    return run


def event_id(store, title_part):
    events = store.events()
    return events[events["title"].str.contains(title_part, regex=False)].iloc[0]["event_id"]


def corrections_shown(at):
    # a table without row selection carries no key in AppTest: find it by its columns
    return next(frame.value for frame in at.dataframe if "change" in frame.value.columns)


def submit(at, key):
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def unescaped(element):
    """An alert's text as written, without the escapes ui.app.md added (backslashes, &#46; ...)."""
    return html.unescape(element.value.replace("\\", ""))


def shown_text(elements):
    return " ".join(element.proto.body for element in elements)


def test_edit_status_with_a_reason_changes_the_store_and_is_listed(app, store):
    target = event_id(store, "KEN–PER")
    at = app(event=target)
    assert at.selectbox(key="curate_status").value == "held"
    at.selectbox(key="curate_status").set_value("planned")
    at.text_input(key="curate_edit_reason").input("the call was only announced")
    submit(at, "do_edit")
    assert store.events().set_index("event_id").loc[target, "status"] == "planned"
    assert "Saved status" in shown_text(at.success)
    listed = corrections_shown(at)
    assert listed[["action", "change", "reason", "undone"]].to_dict("records") == [
        dict(action="edit", change="status: held → planned", reason="the call was only announced", undone=False)]
    assert listed["event"].tolist() == ["KEN–PER call"]
    # the table above (a cached query) shows the change on the same run
    table = at.dataframe[0].value.set_index("event_id")
    assert table.loc[target, "status"] == "planned"
    assert at.selectbox(key="curate_status").value == "planned"  # the form shows the stored event


@pytest.mark.parametrize("field, value, message", [
    ("curate_countries", "KEN; XX", "ISO 3166-1"),
    ("curate_country", "XX", "ISO 3166-1"),
    ("curate_mediators", "NOR; ZZZ", "ISO 3166-1"),
    ("curate_absent", "<img src=x onerror=alert(1)>", "ISO 3166-1"),
])
def test_a_bad_edit_shows_an_error_and_changes_nothing(app, store, field, value, message):
    target = event_id(store, "KEN–PER")
    before = store.events()
    at = app(event=target)
    at.text_input(key=field).input(value)
    submit(at, "do_edit")
    [error] = at.error
    assert message in unescaped(error) and "<img" not in error.proto.body
    assert store.corrections().empty
    pd.testing.assert_frame_equal(store.events(), before)


def test_an_unchanged_form_saves_nothing(app, store):
    at = submit(app(event=event_id(store, "KEN–PER")), "do_edit")
    assert "Nothing to save" in shown_text(at.info)
    assert store.corrections().empty


def test_delete_removes_the_event_and_escapes_its_title(app, store):
    target = event_id(store, "onerror")
    at = app(event=target)
    at.text_input(key="curate_delete_reason").input("not diplomatic")
    submit(at, "do_delete")
    assert target not in set(store.events()["event_id"])
    assert "event" not in at.query_params
    notice = shown_text(at.success)
    assert "Deleted" in notice and "<img" not in notice and "&lt;img" in notice
    assert corrections_shown(at)[["action", "reason"]].to_dict("records") == [dict(action="delete", reason="not diplomatic")]


def test_merge_two_events(app, store):
    first, second = event_id(store, "KEN–PER"), event_id(store, "FRA–DEU")
    at = app(event=first)
    at.selectbox(key="curate_merge_with").set_value(second)
    at.text_input(key="curate_merge_reason").input("the same encounter")
    submit(at, "do_merge")
    events = store.events().set_index("event_id")
    assert second not in events.index and events.loc[first, "n_sources"] == 2
    assert set(events.loc[first, "countries"]) == {"KEN", "PER", "FRA", "DEU"}
    assert corrections_shown(at)["change"].tolist() == ["merged in: FRA–DEU summit"]


def test_two_selected_rows_offer_the_second_for_a_merge(app, store):
    at = app()
    ids = at.dataframe[0].value["event_id"].tolist()
    at.session_state["events_table"] = {"selection": {"rows": [0, 2], "columns": [], "cells": []}}
    at.run()
    assert at.selectbox(key="curate_merge_with").value == ids[2]
    submit(at, "do_merge")
    assert len(store.events()) == len(ids) - 1
    # the table is drawn afresh, with no rows selected; the URL names the merged event
    assert at.dataframe[0].key != "events_table" and at.query_params["event"] == ids[0]
    assert at.selectbox(key="curate_merge_with").value is None


def test_split_a_wrong_merge(app, store):
    target = event_id(store, "NOR–CHL")
    merged = store.events().set_index("event_id").loc[target]
    at = app(event=target)
    at.multiselect(key="curate_split_off").select(merged["mention_ids"][1])
    submit(at, "do_split")
    events = store.events()
    assert len(events) == len(MENTIONS)
    assert sorted(events["n_sources"]) == [1] * len(MENTIONS)
    assert corrections_shown(at)["change"].tolist() == ["split off 1 source: file2.csv"]


def test_undo_the_last_change(app, store):
    target = event_id(store, "FRA–DEU")
    at = app(event=target)
    at.text_input(key="curate_title").input("France and Germany, Paris")
    submit(at, "do_edit")
    assert store.events().set_index("event_id").loc[target, "title"] == "France and Germany, Paris"
    submit(at, "do_undo")
    assert store.events().set_index("event_id").loc[target, "title"] == "FRA–DEU summit"
    assert corrections_shown(at)["undone"].tolist() == [True]
    assert at.text_input(key="curate_title").value == "FRA–DEU summit"
    assert at.button(key="do_undo").disabled


def test_import_a_corrections_file(app, store, tmp_path):
    other = seeded_store(tmp_path / "other.duckdb")
    other.edit_event(event_id(other, "KEN–PER"), {"status": "cancelled"}, reason="from a colleague")
    exported = tmp_path / "corrections.json"
    other.export_corrections(exported)
    at = app()
    at.file_uploader(key="corrections_upload").upload("colleague.json", exported.read_bytes(), "application/json")
    submit(at, "do_import")
    assert "Imported 1 correction" in shown_text(at.success)
    assert store.events().set_index("title").loc["KEN–PER call", "status"] == "cancelled"
    assert corrections_shown(at)["reason"].tolist() == ["from a colleague"]


@pytest.mark.parametrize("name, data, message", [
    ("notes.json", b"{not json", "notes.json: not a corrections file"),
    ("columns.json", b"[{\"action\": \"edit\"}]", "not a corrections file"),  # records without the columns
    ("packed.json", b"PK\x03\x04" + bytes(40), "packed.json: an archive (zip)"),
])
def test_a_file_that_is_not_corrections_is_refused(app, store, name, data, message):
    before = store.events()
    at = app()
    at.file_uploader(key="corrections_upload").upload(name, data, "application/json")
    submit(at, "do_import")
    [error] = at.error
    assert message in unescaped(error)
    assert store.corrections().empty
    pd.testing.assert_frame_equal(store.events(), before)


def test_the_export_button_gives_the_stores_corrections_file(app, store):
    from ui import curation

    assert app().download_button(key="download_corrections").disabled  # nothing to export yet
    store.delete_event(event_id(store, "FRA–DEU"), reason="not a summit")
    assert not app().download_button(key="download_corrections").disabled
    exported = json.loads(curation.corrections_bytes(store))
    assert [(r["action"], r["reason"]) for r in exported] == [("delete", "not a summit")]


def test_the_timeline_details_link_to_the_events_page(app, store):
    target = event_id(store, "KEN–PER")
    at = app("timeline", event=target, country="KEN")
    [link] = at.get("page_link")
    assert "events" in link.proto.page
    assert set(link.proto.query_string.split("&")) == {f"event={target}", "country=KEN"}


@pytest.mark.parametrize("event, values, expected", [
    ({"status": "held", "countries": ["USA", "RUS"]}, {"status": "held", "countries": "usa; rus"}, {}),
    ({"status": "held"}, {"status": "planned"}, {"status": "planned"}),
    ({"date": pd.Timestamp("2024-01-09"), "city": None}, {"date": pd.Timestamp("2024-01-09").date(), "city": ""}, {}),
    ({"date": pd.NaT}, {"date": pd.Timestamp("2024-01-10").date()}, {"date": pd.Timestamp("2024-01-10").date()}),
    ({"countries": ["USA"]}, {"countries": "USA; XX"}, {"countries": "USA; XX"}),  # kept for the store to refuse
    ({"kind": "other"}, {"kind": "other"}, {}),  # a kind outside the list, left alone, is no change
])
def test_changes_from_keeps_only_what_differs(event, values, expected):
    assert changes_from(event, values) == expected


def test_describe_names_each_correction(store):
    kenya, france = event_id(store, "KEN–PER"), event_id(store, "FRA–DEU")
    store.edit_event(kenya, {"countries": "KEN; PER; ETH", "date": "2024-01-10"})
    store.merge_events(kenya, event_id(store, "NOR–CHL"))
    store.delete_event(france)
    described = describe(store.corrections(), store.events())
    assert described["change"].tolist() == [
        "countries: KEN, PER → KEN, PER, ETH; date: 2024-01-09 → 2024-01-10",
        "merged in: NOR–CHL meeting 1", "deleted"]
    assert described["event"].tolist() == ["KEN–PER call", "KEN–PER call", "FRA–DEU summit"]
