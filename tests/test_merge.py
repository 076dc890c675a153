"""Merging mentions of one encounter across sources (loaders/merge.py)."""
import random

import pandas as pd
import pytest

from loaders import merge, schema
from loaders.merge import merge_mentions, neighbourhood, remerge, sort_events


def mention(article, kind="talks", status="held", date=None, precision=None, countries=("USA", "RUS"),
            country=None, city=None, published="2025-02-28", absent=(), organizations=()):
    return {
        "mention_id": f"m-{article}-{kind}-{status}-{date}", "article_id": f"id-{article}", "article": f"{article}.txt",
        "published": pd.Timestamp(published), "origin": "article", "kind": kind, "cameo": "046",
        "plover_mode": None, "status": status, "date": pd.Timestamp(date) if date else None, "end_date": None,
        "date_precision": precision or ("day" if date else "unknown"), "date_text": date, "city": city,
        "country": country, "countries": list(countries), "absent": list(absent), "mediators": [],
        "organizations": list(organizations), "heads": [], "topics": ["other"], "title": "t",
        "evidence": f"evidence of {article}", "evidence_start": 0, "evidence_end": 10,
        "date_start": None, "date_end": None,
    }


def merged(*rows):
    return merge_mentions(schema.conform(pd.DataFrame(list(rows)), schema.MENTIONS))


@pytest.mark.parametrize("a, b, n_events", [
    # same encounter told twice: one event
    (mention("a", date="2025-02-18", country="SAU"), mention("b", kind="meeting", date="2025-02-18", country="SAU"), 1),
    # an undated mention joins a dated one
    (mention("a", date="2025-02-18"), mention("b"), 1),
    # different days
    (mention("a", date="2025-02-18"), mention("b", date="2025-02-27"), 2),
    # different venues
    (mention("a", date="2025-02-18", country="SAU"), mention("b", date="2025-02-18", country="TUR"), 2),
    # different parties
    (mention("a", date="2025-02-18"), mention("b", date="2025-02-18", countries=("CHN", "IND")), 2),
    # a call is not a visit
    (mention("a", kind="call", date="2025-02-18"), mention("b", kind="visit", date="2025-02-18"), 2),
    # held and cancelled are two
    (mention("a", date="2025-02-18"), mention("b", status="cancelled", date="2025-02-18"), 2),
    # a preview and a report of the same day are one
    (mention("a", status="planned", date="2025-02-18", published="2025-02-15"), mention("b", date="2025-02-18"), 1),
    # a plan for a month joins the meeting it became when it names the city
    (mention("a", status="planned", date="2025-03-01", precision="month", city="Oslo", country="NOR",
             published="2025-02-10"), mention("b", date="2025-03-12", city="Oslo", country="NOR"), 1),
    # ... and an undated plan too, when it names the city
    (mention("a", status="planned", city="Oslo", country="NOR", published="2025-02-20"),
     mention("b", date="2025-03-12", city="Oslo", country="NOR"), 1),
    # a plan that names neither the day nor the city is not that meeting ("they will meet again")
    (mention("a", status="planned", date="2025-03-01", precision="month", published="2025-02-10"),
     mention("b", date="2025-03-12", city="Oslo", country="NOR"), 2),
    # a plan for another city is another encounter
    (mention("a", status="planned", date="2025-03-01", precision="month", city="Bergen", country="NOR"),
     mention("b", date="2025-03-12", city="Oslo", country="NOR"), 2),
    # one summit told with a few of its parties, the same day in the same city
    (mention("a", kind="summit", date="2025-06-05", city="Lima", country="PER", countries=("PER", "CHL")),
     mention("b", kind="summit", date="2025-06-05", city="Lima", countries=("PER", "BRA", "ARG", "COL")), 1),
    # ... named by the resort in one report and by its town in the other
    (mention("a", kind="summit", date="2025-06-05", city="Paracas", country="PER", countries=("PER", "CHL")),
     mention("b", kind="summit", date="2025-06-05", city="Pisco", country="PER", countries=("PER", "BRA", "ARG")), 1),
    # ... but summits of two days in two towns are two
    (mention("a", kind="summit", date="2025-06-05", city="Paracas", country="PER", countries=("PER", "CHL")),
     mention("b", kind="summit", date="2025-06-09", city="Pisco", country="PER", countries=("PER", "BRA", "ARG")), 2),
    # ... but a bilateral meeting beside a summit is not the summit
    (mention("a", kind="meeting", date="2025-06-05", city="Lima", countries=("CHL", "BRA")),
     mention("b", kind="summit", date="2025-06-05", city="Lima", countries=("PER", "BRA", "ARG", "COL")), 2),
    # a meeting told at the port in one report and at the capital beside it in another is one
    (mention("a", kind="meeting", date="2025-06-05", city="Callao", country="PER", countries=("PER", "CHL")),
     mention("b", kind="meeting", date="2025-06-05", city="Lima", country="PER", countries=("PER", "CHL")), 1),
    # ... but cities hundreds of kilometres apart are two places
    (mention("a", kind="meeting", date="2025-06-05", city="Trujillo", country="PER", countries=("PER", "CHL")),
     mention("b", kind="meeting", date="2025-06-05", city="Lima", country="PER", countries=("PER", "CHL")), 2),
    # an undated mention does not join an encounter far from its publication
    (mention("a", date="2024-01-10"), mention("b"), 2),
    # an undated mention of a pair joins an encounter of that pair, not one of a party of it
    (mention("a", date="2025-02-18", countries=("USA",)), mention("b"), 2),
    (mention("a", date="2025-02-18", countries=("USA",)), mention("b", countries=("USA",)), 1),
    # two encounters told by one article stay two
    (mention("a", date="2025-02-18"), mention("a", kind="meeting"), 2),
])
def test_merge_rules(a, b, n_events):
    assert len(merged(a, b)) == n_events


def test_merged_event_keeps_every_source_and_the_reason():
    events = merged(mention("a", date="2025-02-18", country="SAU"), mention("b", kind="meeting"))
    event = events.iloc[0]
    assert event.n_sources == 2
    assert [s["article"] for s in event.sources] == ["a.txt", "b.txt"]
    assert len(event.merge_reasons) == 1 and "b.txt" in event.merge_reasons[0]
    assert "undated, takes 2025-02-18" in event.merge_reasons[0]
    assert event.date == pd.Timestamp("2025-02-18")


@pytest.mark.parametrize("plan_published", ["2025-02-15", "2025-02-21"])
def test_a_plan_that_took_place_shows_as_held_and_stays_in_its_history(plan_published):
    events = merged(mention("a", status="planned", date="2025-02-18", published=plan_published),
                    mention("b", date="2025-02-18", published="2025-02-19"))
    event = events.iloc[0]
    assert event.status == "held" and event.n_sources == 2
    assert "planned ~ held" in event.merge_reasons[0] or "held ~ planned" in event.merge_reasons[0]


@pytest.mark.parametrize("cancelled, n_events", [
    # called off on the day the plan named, or at its city: that plan
    (mention("b", kind="summit", status="cancelled", date="2025-03-07", city="Luanda", country="AGO"), 1),
    (mention("b", kind="summit", status="cancelled", city="Luanda", country="AGO"), 1),
    # another day and no city: another occurrence
    (mention("b", kind="summit", status="cancelled", date="2025-04-11"), 2),
])
def test_a_plan_called_off_shows_as_cancelled(cancelled, n_events):
    plan = mention("a", kind="summit", status="planned", date="2025-03-07", city="Luanda", country="AGO",
                   published="2025-03-01")
    events = merged(plan, cancelled)
    assert len(events) == n_events
    if n_events == 1:
        assert events.iloc[0].status == "cancelled" and events.iloc[0].n_sources == 2


def test_absent_is_never_a_party_after_merging():
    events = merged(mention("a", date="2025-02-18", countries=("USA", "RUS")),
                    mention("b", date="2025-02-18", countries=("USA", "RUS", "UKR"), absent=("UKR",)))
    assert list(events.iloc[0].countries) == ["USA", "RUS"] and list(events.iloc[0].absent) == ["UKR"]


def test_empty_and_checked():
    events = merge_mentions(schema.empty(schema.MENTIONS))
    assert events.empty and list(events.columns) == schema.names(schema.EVENTS)
    with pytest.raises(schema.SchemaError):
        merge_mentions(pd.DataFrame({"x": [1]}))


@pytest.mark.parametrize("a, b, n_events", [
    # a signing told by one source, the meeting where it was signed by another: one encounter
    (mention("a", kind="meeting", date="2025-02-18", country="SAU"), mention("b", kind="signing", date="2025-02-18", country="SAU"), 1),
    # a signing on another day is its own
    (mention("a", kind="meeting", date="2025-02-18"), mention("b", kind="signing", date="2025-02-25"), 2),
    # "they met last year": known to the year, it joins that year's meeting of the same parties
    (mention("a", date="2024-11-14", published="2024-11-15"), mention("b", date="2024-01-01", precision="year", published="2025-02-28"), 1),
    # but not another year's
    (mention("a", date="2023-11-14", published="2023-11-15"), mention("b", date="2024-01-01", precision="year", published="2025-02-28"), 2),
])
def test_signings_and_years_merge_with_what_they_tell(a, b, n_events):
    events = merged(a, b)
    assert len(events) == n_events
    if n_events == 1:
        assert events.iloc[0]["kind"] != "signing" and events.iloc[0]["date_precision"] == "day"


def test_no_chains_a_mention_must_agree_with_every_mention_of_the_event():
    span = dict(mention("a", kind="summit", date="2025-03-01", country="SAU"), end_date=pd.Timestamp("2025-03-10"))
    first_day = mention("b", kind="meeting", date="2025-03-02", country="SAU")
    ninth_day = mention("c", kind="meeting", date="2025-03-09", country="SAU")
    # each day lies inside the span, but the two days contradict each other: not one encounter
    events = merged(span, first_day, ninth_day)
    assert sorted(len(ids) for ids in events["mention_ids"]) == [1, 2]
    # without the day that contradicts, the span takes the day told inside it
    assert len(merged(span, first_day)) == 1


def _random_mentions(seed, n):
    """`n` mentions of a dozen groups of parties over three years, a tenth undated, in 60 articles."""
    rng = random.Random(seed)
    pairs = [("USA", "RUS"), ("USA", "CHN"), ("IND", "PAK"), ("FRA", "DEU"), ("USA", "RUS", "UKR"), ("BRA", "ARG"),
             ("USA",), ("CHN", "RUS", "IND"), ("TUR", "UKR"), ("USA", "IRN"), ("EGY", "ISR", "QAT"), ("JPN", "KOR")]
    rows = []
    for i in range(n):
        day = pd.Timestamp("2023-01-01") + pd.Timedelta(days=rng.randrange(0, 1100))
        dated = rng.random() < 0.9
        row = mention(f"a{rng.randrange(60)}", kind=rng.choice(["talks", "meeting", "summit", "call"]),
                      status=rng.choice(["held", "held", "planned"]), countries=rng.choice(pairs),
                      date=str(day.date()) if dated else None, city=rng.choice([None, "Oslo", "Doha"]),
                      published=str((day + pd.Timedelta(days=rng.randrange(0, 20))).date()))
        row["mention_id"] = f"m{i:03d}"
        rows.append(row)
    return schema.conform(pd.DataFrame(rows), schema.MENTIONS)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merging_only_the_new_mentions_neighbourhood_equals_merging_everything_again(seed):
    mentions = _random_mentions(seed, 300)
    # today's news: the mentions published last, and a few late reports of older encounters
    new = pd.concat([mentions.sort_values("published").tail(20), mentions.sample(5, random_state=seed)])
    old = mentions[~mentions["mention_id"].isin(new["mention_id"])]
    everything = merge_mentions(mentions)
    before = merge_mentions(old)
    stale, fresh = remerge(mentions, before, list(new["mention_id"]))
    kept = before[~before["event_id"].isin(stale)]
    pd.testing.assert_frame_equal(sort_events(pd.concat([kept, fresh], ignore_index=True)), everything)
    assert len(kept) > len(before) / 2
    # and the point of it: far less than everything is merged again
    assert len(neighbourhood(mentions, list(new["mention_id"]))) < len(mentions) / 2


@pytest.mark.parametrize("seed", [4, 5])
def test_the_index_skips_only_events_a_mention_cannot_join(seed, monkeypatch):
    mentions = _random_mentions(seed, 250)
    indexed = merge_mentions(mentions)
    monkeypatch.setattr(merge._Index, "candidates", lambda index, row: set(range(index.made)))
    pd.testing.assert_frame_equal(merge_mentions(mentions), indexed)
