"""loaders/filters.py: URL round trip, and SQL (DuckDB) and pandas giving the same rows."""
import json
from datetime import date

import duckdb
import pandas as pd
import pytest
from eventrows import event, events_frame

from loaders.errors import ParleyError
from loaders.filters import Filters, apply

EVENTS = events_frame([
    event(event_id="riyadh", date=pd.Timestamp("2025-02-18"), country="SAU", absent=["UKR"], topics=["security"],
          title="USA–RUS meeting, Saudi Arabia", evidence="A meeting on 18 February in Saudi Arabia."),
    event(event_id="istanbul", kind="talks", city="Istanbul", country="TUR", topics=["diplomatic missions"],
          title="USA–RUS talks, Istanbul", evidence="Talks in Istanbul, Türkiye.", article="seed.txt"),
    event(event_id="planned", status="planned", title="Follow-up", evidence="Another meeting soon.",
          published=pd.Timestamp("2025-03-05")),
    event(event_id="woodside", kind="summit", countries=["USA", "CHN"], date=pd.Timestamp("2023-11-15"),
          topics=["trade", "security"], title="Biden–Xi summit, Woodside", evidence="Biden and Xi met in Woodside.",
          origin="travels", article="travels.xml#3"),
    event(event_id="vienna", kind="talks", countries=["USA", "CHN"], date=pd.Timestamp("2024-05-10"),
          end_date=pd.Timestamp("2024-05-11"), title="Sullivan–Wang talks", evidence="Two days of talks in Vienna."),
    event(event_id="lost", countries=["FRA"], published=None, title="No date at all", evidence="Sometime."),
])

CASES = [
    ("nothing", Filters(), {"riyadh", "istanbul", "planned", "woodside", "vienna", "lost"}),
    ("any of RUS", Filters(countries=("RUS",)), {"riyadh", "istanbul", "planned"}),
    ("any of RUS, CHN", Filters(countries=("RUS", "CHN")), {"riyadh", "istanbul", "planned", "woodside", "vienna"}),
    ("all of USA, CHN", Filters(countries=("USA", "CHN"), match="all"), {"woodside", "vienna"}),
    ("all of RUS, CHN", Filters(countries=("RUS", "CHN"), match="all"), set()),
    ("lower-case code", Filters(countries=("rus",)), {"riyadh", "istanbul", "planned"}),
    ("topic", Filters(topics=("security",)), {"riyadh", "woodside"}),
    ("kind", Filters(kinds=("talks",)), {"istanbul", "vienna"}),
    ("status", Filters(statuses=("planned",)), {"planned"}),
    ("from 2025: undated count at report date", Filters(start=date(2025, 1, 1)), {"riyadh", "istanbul", "planned"}),
    ("until 2025-02-20", Filters(end=date(2025, 2, 20)), {"riyadh", "woodside", "vienna"}),
    ("last day of a span overlaps", Filters(start=date(2024, 5, 11), end=date(2024, 5, 11)), {"vienna"}),
    ("day after a span", Filters(start=date(2024, 5, 12), end=date(2024, 12, 31)), set()),
    ("report day counts whole", Filters(start=date(2025, 2, 28), end=date(2025, 2, 28)), {"istanbul"}),
    ("text in title, any case", Filters(text="istanbul"), {"istanbul"}),
    ("text in evidence", Filters(text="two days"), {"vienna"}),
    ("text with SQL wildcard is literal", Filters(text="%"), set()),
    ("source by origin", Filters(sources=("travels",)), {"woodside"}),
    ("source by file", Filters(sources=("travels.xml#3",)), {"woodside"}),
    ("absent", Filters(absent=("UKR",)), {"riyadh"}),
    ("news only: no Office of the Historian", Filters(news_only=True), {"riyadh", "istanbul", "planned", "vienna", "lost"}),
    ("sources asked for stand before news only", Filters(news_only=True, sources=("travels",)), {"woodside"}),
    ("combined", Filters(countries=("USA",), kinds=("talks",), start=date(2025, 1, 1)), {"istanbul"}),
]


@pytest.fixture(scope="module")
def connection():
    con = duckdb.connect()
    frame = EVENTS.assign(sources=EVENTS["sources"].map(lambda s: json.dumps(s, default=str)))
    con.register("frame", frame)
    con.execute("CREATE TABLE events AS SELECT * EXCLUDE (countries, absent, mediators, organizations, heads, topics, mention_ids, merge_reasons), "
                "CAST(countries AS VARCHAR[]) AS countries, CAST(absent AS VARCHAR[]) AS absent, "
                "CAST(topics AS VARCHAR[]) AS topics FROM frame")
    yield con
    con.close()


@pytest.mark.parametrize("label, filters, expected", CASES, ids=[c[0] for c in CASES])
def test_pandas(label, filters, expected):
    assert set(apply(EVENTS, filters)["event_id"]) == expected


@pytest.mark.parametrize("label, filters, expected", CASES, ids=[c[0] for c in CASES])
def test_sql(connection, label, filters, expected):
    sql, params = filters.where_sql()
    rows = connection.execute(f"SELECT event_id FROM events WHERE {sql}", params).fetchall()
    assert {r[0] for r in rows} == expected


@pytest.mark.parametrize("filters", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_query_round_trip(filters):
    query = filters.to_query()
    assert all(isinstance(v, (str, list)) for v in query.values())
    assert Filters.from_query(query) == filters


@pytest.mark.parametrize("query, expected", [
    ({"country": "RUS,USA", "match": "all"}, Filters(countries=("RUS", "USA"), match="all")),
    ({"country": ["rus"], "unrelated": "x"}, Filters(countries=("RUS",))),
    ({"start": "2025-02-01", "q": "  Istanbul "}, Filters(start=date(2025, 2, 1), text="Istanbul")),
    ({}, Filters()),
    ({"news": "only"}, Filters(news_only=True)),
    ({"news": "all"}, Filters()),
])
def test_from_query_reads(query, expected):
    assert Filters.from_query(query) == expected


@pytest.mark.parametrize("query, named", [
    ({"start": "yesterday"}, "start"),
    ({"match": "most"}, "match"),
    ({"start": "2025-03-01", "end": "2025-01-01"}, "start"),
    ({"news": "mostly"}, "news"),
])
def test_from_query_refuses(query, named):
    with pytest.raises(ParleyError, match=named):
        Filters.from_query(query)


def test_default_is_empty_and_sql_keeps_all():
    assert Filters().is_empty() and Filters().to_query() == {}
    assert Filters().where_sql() == ("TRUE", [])
    assert not Filters(kinds=("call",)).is_empty()
