"""Rebuild tests/fixtures/schema1.duckdb: a store as schema 1 of Parley wrote it, with a person's work.

    .venv/bin/python tools/build_schema1_fixture.py

The fixture is what an analyst's store looked like before schema versions had migrations: three
of the bundled sample articles, ingested, then one event's title edited and one event deleted
through the curation API. Every later version of the store code must open it, keep its
articles and re-apply (or list as unmatched, with the reason) both corrections
(tests/test_migrations.py).

It can only be rebuilt by the code of schema 1, so the script refuses to run with any other.
To rebuild it, check out the commit that last wrote it, and run the script there:

    git worktree add ../parley-schema1 $(git log -1 --format=%H -- tests/fixtures/schema1.duckdb)
    cd ../parley-schema1 && python tools/build_schema1_fixture.py
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import store as store_module

FIXTURE = Path("tests/fixtures/schema1.duckdb")
#: Relative to the repository: the store records the paths it read, and no machine path may
#: end up in a committed file.
ARTICLES = ("data/sample/articles/06_sullivan_wang_malta.txt",
            "data/sample/articles/25_lavrov_wang_yi_moscow.txt",
            "data/sample/articles/29_xi_moscow_state_visit.txt")
EDITED = ("06_sullivan_wang_malta.txt", 0)          # the Malta meeting, by its first source
EDITED_TITLE = "Sullivan and Wang Yi meet in Malta"
DELETED = ("29_xi_moscow_state_visit.txt", "2019")  # Xi's June 2019 visit, told as background


def build(path):
    """Write the fixture store to `path` (relative to the repository root); returns its Store."""
    path.unlink(missing_ok=True)
    store = store_module.Store(path)
    report = store.ingest(list(ARTICLES))
    if report.count("ingested") != len(ARTICLES):
        sys.exit(f"expected {len(ARTICLES)} articles ingested, got: {report.summary()}")
    events = store.events()
    edited = _event(events, lambda e: any((s["article"], s["evidence_start"]) == EDITED for s in e["sources"]))
    store.edit_event(edited["event_id"], {"title": EDITED_TITLE}, reason="a readable title")
    deleted = _event(events, lambda e: e["sources"][0]["article"] == DELETED[0]
                     and str(e["date"]).startswith(DELETED[1]))
    store.delete_event(deleted["event_id"], reason="background, not news of this article")
    return store


def _event(events, wanted):
    matches = [event for event in events.to_dict("records") if wanted(event)]
    if len(matches) != 1:
        sys.exit(f"expected one event to correct, found {len(matches)}: {[e['title'] for e in matches]}")
    return matches[0]


if __name__ == "__main__":
    if store_module.SCHEMA_VERSION != 1:
        sys.exit(f"this is the code of schema {store_module.SCHEMA_VERSION}; the fixture must be written by "
                 "schema 1 (see the docstring for how to check that code out)")
    os.chdir(ROOT)
    store = build(FIXTURE)
    print(f"{FIXTURE}: {store.counts()}, {FIXTURE.stat().st_size:,} bytes")
