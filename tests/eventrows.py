"""Tiny EVENTS frames for the dashboard's tests: `events_frame([event(...), ...])`.

`event()` fills every EVENTS column with a plain default so a test names only what it is about.
The sample rows mirror the seed article (issue 4's "done when"): the 18 February 2025 meeting in
Saudi Arabia and the undated Istanbul talks reported on 28 February 2025.
"""
import hashlib
import json

import pandas as pd

from loaders import schema


def event(**fields):
    """One EVENTS row as a dict; unnamed fields get defaults."""
    title = fields.get("title", "USA–RUS meeting")
    row = dict(
        event_id=hashlib.sha256(repr(sorted(fields.items())).encode()).hexdigest()[:16],
        kind="meeting", cameo="040", plover_mode=None, status="held",
        date=None, end_date=None, date_precision="unknown", date_text=None,
        city=None, country=None, countries=["USA", "RUS"], absent=[], mediators=[], organizations=[],
        heads=[], topics=[], title=title, evidence=f"{title}.", published=pd.Timestamp("2025-02-28 08:53"),
        origin="article", n_sources=1, mention_ids=[], sources=[], merge_reasons=[],
    )
    row.update(fields)
    if row["date"] is not None and row["date_precision"] == "unknown":
        row["date_precision"] = "day"
    if not row["sources"]:
        text = f"Lead paragraph. {row['evidence']} More."
        start = text.index(row["evidence"])
        date_start = text.find(row["date_text"]) if row["date_text"] else -1
        row["sources"] = [dict(article_id="a" + row["event_id"][:15], article=fields.get("article", "seed.txt"),
                               published=str(row["published"]), evidence=row["evidence"],
                               evidence_start=start, evidence_end=start + len(row["evidence"]),
                               date_text=row["date_text"], date_start=date_start if date_start >= 0 else None,
                               date_end=date_start + len(row["date_text"]) if date_start >= 0 else None)]
    return row


def events_frame(rows):
    """An EVENTS frame from `event()` dicts, checked against the schema."""
    frame = schema.conform(pd.DataFrame(rows, columns=schema.names(schema.EVENTS)), schema.EVENTS)
    return schema.check(frame, schema.EVENTS, "test events")


def seed_events():
    """The seed article's three encounters, as the extractor should give them."""
    return events_frame([
        event(event_id="riyadh", kind="meeting", date=pd.Timestamp("2025-02-18"), date_text="18 February",
              country="SAU", absent=["UKR"], topics=["bilateral relations"],
              title="USA–RUS meeting, Saudi Arabia",
              evidence="The talks in Istanbul followed a meeting between the US and Russian delegations on 18 February in Saudi Arabia, which was not attended by Ukraine."),
        event(event_id="istanbul", kind="talks", city="Istanbul", country="TUR",
              heads=["Sonata Coulter", "Alexander Darchiyev"], topics=["diplomatic missions"],
              title="USA–RUS talks, Istanbul",
              evidence="The US Department of State has announced that Moscow and Washington have outlined specific initial steps to stabilise the operations of their diplomatic missions following talks between the two nations in Istanbul, Türkiye."),
        event(event_id="followup", kind="meeting", status="planned", heads=["Sonata Coulter", "Alexander Darchiyev"],
              title="USA–RUS meeting (planned)",
              evidence="Coulter and Darchiyev agreed to hold another meeting on these matters soon, with the date, location, and participant details to be decided later."),
    ])


HOSTILE_TITLE = '<img src=x onerror=alert(1)><script>alert(2)</script>'


def articles_for(events):
    """An ARTICLES frame holding the texts that `event()` made up for each source."""
    rows = {}
    for row in events.to_dict("records"):
        for source in row["sources"]:
            rows[source["article_id"]] = dict(
                article_id=source["article_id"], path=source["article"], title=row["title"],
                published=row["published"], published_precision="minute", published_tz=None, byline=None,
                language="en", url=None, text=f"Lead paragraph. {source['evidence']} More.", problems=[],
                outlet=None)
    return schema.conform(pd.DataFrame(list(rows.values()), columns=schema.names(schema.ARTICLES)), schema.ARTICLES)


def store_with_events(path, events):
    """A real store file at `path` holding `events` and their made-up articles.

    Rows go straight into the store's tables (the layout loaders/store.py declares: list columns
    VARCHAR[], `sources` JSON text), so the dashboard's tests do not depend on the extractor.
    An ingest_log row marks the store as filled, so the app does not ingest the sample into it, and
    the articles are recorded as read by this code's extractor, so opening it does not read them again.
    """
    import duckdb

    from loaders.extractor import extractor_version
    from loaders.store import Store

    store = Store(path)
    con = duckdb.connect(str(path))
    try:
        incoming = events.assign(sources=events["sources"].map(lambda records: json.dumps(records, default=str)))
        con.register("incoming", incoming)
        con.execute("INSERT INTO events SELECT * FROM incoming")
        con.register("incoming_articles", articles_for(events))
        con.execute("INSERT INTO articles SELECT * FROM incoming_articles")
        # as read by this code's extractor: else opening the store extracts the made-up articles
        # again and their mentions replace these events
        con.execute("INSERT INTO extractions SELECT article_id, ?, now() FROM incoming_articles", [extractor_version()])
        con.execute("INSERT INTO ingest_log VALUES (now(), 'test events', 'ingested', NULL, ?, 0)", [len(events)])
    finally:
        con.close()
    return store


def mention(n, **fields):
    """One MENTIONS row of a structured source (no article text), numbered `n`; `fields` override."""
    row = dict(mention_id=f"m{n}", article_id=f"a{n}", article=f"file{n}.csv", published=pd.Timestamp("2024-03-05"),
               origin="events-file", kind="meeting", cameo="040", plover_mode=None, status="held",
               date=pd.Timestamp("2024-03-03"), end_date=pd.NaT, date_precision="day", date_text="3 March",
               city="Oslo", country="NOR", countries=["NOR", "CHL"], absent=[], mediators=[], organizations=[],
               heads=[], topics=["trade"], title=f"NOR–CHL meeting {n}", evidence=f"Sentence {n}.",
               evidence_start=0, evidence_end=12, date_start=pd.NA, date_end=pd.NA)
    row.update(fields)
    return row


def mentions_frame(*rows):
    """A MENTIONS frame of `mention()` rows."""
    return schema.conform(pd.DataFrame(list(rows)), schema.MENTIONS)


def open_page(page="timeline", **query):
    """Run the app (dashboard.py) in Streamlit's AppTest with `query` as the URL's query string,
    then switch to pages/<page>.py; fails on any exception. The store is $PARLEY_DB."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parent.parent
    at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "timeline":
        at.switch_page(str(root / "pages" / f"{page}.py")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


#: Four mentions, three events (the first two tell one Oslo meeting): what the curation tests
#: correct, merge, split and delete.
CURATION_MENTIONS = [
    mention(1), mention(2, title="NOR–CHL talks", evidence="Another report of the Oslo meeting."),  # one event, two sources
    mention(3, kind="call", countries=["KEN", "PER"], city=None, country=None, date=pd.Timestamp("2024-01-09"),
            title="KEN–PER call"),
    mention(4, kind="summit", countries=["FRA", "DEU"], city="Paris", country="FRA", date=pd.Timestamp("2023-05-01"),
            title="FRA–DEU summit"),
]
